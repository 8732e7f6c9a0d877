import type { Page } from 'playwright-core';
import type { ElderBookingsResponse } from '@yilin/contract';
import { ApiClient, goBack, routes, signInOnLoginPage, tap, textOf } from '../support/app';
import { currentScreen, openPhone, type PhoneSession } from '../support/browser';
import { elderModeProblems } from '../support/elder-mode';
import { useStackAndBrowser } from '../support/stack';
import { businessDate, instantOf, resetClock, setClock } from '../../functions/src/platform/clock';

/**
 * A home visit from end to end, four people on four phones: 王磊 books a cleaning for his mother 王秀英,
 * the centre's worker assigns 张丽, 王秀英 sees 张丽's photo and the door code, 张丽 checks in, records a
 * blood pressure taken before she starts and checks out, and 王磊 sees the times, the record and the chart.
 * The API's clock (the stack runs in this process) and the phones' are set to 13:30 today, so the 14:00
 * window is still ahead when booked and under way at check-in, whatever the hour the test runs; the whole
 * visit takes less than an hour, the life of a session.
 */
const family = 'demo-family-wanglei';
const worker = 'demo-worker-xueyuan';
const elder = 'demo-elder-wang';
const cleaner = 'demo-staff-zhangli';

const env = useStackAndBrowser();
const phones: PhoneSession[] = [];
let today: string;
let now: Date;

/** Moves the API's clock and every phone's to `time` today (China time). */
async function setTime(time: string): Promise<void> {
  now = instantOf(today, time);
  setClock(now);
  for (const phone of phones) await phone.context.clock.setSystemTime(now);
}

async function phoneOf(userId: string, landing: (typeof routes)[keyof typeof routes] = routes.home): Promise<Page> {
  const phone = await openPhone(env.browser, env.stack.webUrl);
  phones.push(phone);
  // The phone's clock reads the same time as the API's, or it would take a fresh session for an old one.
  await phone.context.clock.install({ time: now });
  await signInOnLoginPage(phone.page, userId, landing);
  return phone.page;
}

const shown = (page: Page, testId: string) => currentScreen(page).getByTestId(testId).first().waitFor();

beforeAll(async () => {
  today = businessDate();
  await setTime('13:30');
});

afterAll(async () => {
  resetClock();
  for (const phone of phones) await phone.context.close().catch(() => undefined);
});

test('a relative books a cleaning, a worker assigns 张丽, the elder checks her at the door, and the relative sees the proof', async () => {
  // 王磊 books this afternoon's cleaning for his mother: the service, a window, 确认预约.
  const son = await phoneOf(family);
  await tap(son, 'home-elder-switcher', routes.elders);
  await tap(son, `elders-row-${elder}`, routes.home);
  await tap(son, 'home-tile-services', routes.services);
  await tap(son, 'services-book-demo-svc-cleaning', routes.book);
  // This morning's window is already hers (the demo's visit): the page says so and offers the afternoon.
  expect(await textOf(son, 'book-window-09:00')).toContain('这个时段已经约过了');
  await tap(son, 'book-window-14:00');
  await shown(son, 'book-submit');
  await tap(son, 'book-submit', routes.booking);
  expect(await textOf(son, 'booking-facts-status')).toContain('等待安排');
  // Which booking that was, to find it on the other phones.
  const asSon = await new ApiClient(env.stack.webUrl).as(family);
  const { bookings } = await asSon.call<ElderBookingsResponse>('GET', `/elders/${elder}/bookings`);
  const bookingId = bookings.find((booking) => booking.date === today && booking.windowStart === '14:00')!.bookingId;

  // The worker assigns 张丽, who has the skill and is free at 14:00.
  const office = await phoneOf(worker);
  await tap(office, 'home-tile-dispatch', routes.dispatch);
  await tap(office, `dispatch-row-${bookingId}`, routes.workerBooking);
  await tap(office, `candidate-${cleaner}`);
  await currentScreen(office).getByTestId('booking-facts-status').filter({ hasText: '已安排人员' }).waitFor();

  // 王秀英 sees who comes, with the photo, and the code 张丽 will say at the door.
  const mother = await phoneOf(elder);
  await tap(mother, 'home-tile-services', routes.services);
  await tap(mother, 'services-bookings', routes.bookings);
  await tap(mother, `bookings-row-${bookingId}`, routes.booking);
  expect(await textOf(mother, 'booking-visitor-number')).toContain('A012');
  const photo = currentScreen(mother).locator('[data-testid="booking-visitor-photo"] img');
  await photo.waitFor();
  // The photo really loads (from the files server's short-lived link), not a broken image.
  await mother.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, await photo.elementHandle());
  await tap(mother, 'booking-show-door-code');
  await shown(mother, 'booking-door-code-digits');
  const code = (await textOf(mother, 'booking-door-code-digits')).replace(/\s/g, '');
  expect(code).toMatch(/^\d{4}$/);
  expect(await elderModeProblems(mother)).toEqual([]);

  // 张丽's day shows the same code; at 14:05 she checks in, records a blood pressure and checks out.
  const staff = await phoneOf(cleaner, routes.staffDay);
  expect((await textOf(staff, `visit-${bookingId}-door-code`)).replace(/\s/g, '')).toContain(code);
  await tap(staff, `visit-${bookingId}-open`, routes.staffVisit);
  await setTime('14:05');
  await tap(staff, 'visit-check-in');
  await shown(staff, 'record-form');
  await tap(staff, 'record-check-客厅');
  await tap(staff, 'record-add-readings');
  await currentScreen(staff).getByTestId('record-systolic').locator('input').fill('150');
  await currentScreen(staff).getByTestId('record-diastolic').locator('input').fill('95');
  await tap(staff, 'record-save');
  await shown(staff, 'record-saved');
  await setTime('14:25');
  await tap(staff, 'visit-check-out');
  await currentScreen(staff).getByTestId('visit-record').waitFor();

  // 王磊 sees when she came and left, what she did and measured, and the reading on the chart.
  await goBack(son, routes.services);
  await tap(son, 'services-bookings', routes.bookings);
  await tap(son, `bookings-row-${bookingId}`, routes.booking);
  expect(await textOf(son, 'booking-facts-check-in')).toMatch(/14:05.*14:25 签退/);
  expect(await textOf(son, 'booking-record-bloodPressure')).toContain('150/95');
  expect(await textOf(son, 'booking-record-bloodPressure')).toContain('偏高');
  expect(await textOf(son, 'booking-timeline')).toContain('张丽');
  await goBack(son, routes.bookings);
  await goBack(son, routes.services);
  await goBack(son, routes.home);
  await tap(son, 'home-tile-health', routes.health);
  // The chart is a picture drawn on a canvas, with the reading in words beside it.
  await currentScreen(son).getByTestId('health-pressure').locator('canvas').first().waitFor();
  expect(await textOf(son, 'health-latest-bloodPressure')).toContain('150/95');
});
