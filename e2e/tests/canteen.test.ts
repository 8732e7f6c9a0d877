import type { Page } from 'playwright-core';
import type { ElderMenusResponse } from '@yilin/contract';
import { ApiClient, goBack, routes, signInOnLoginPage, textOf, type Route } from '../support/app';
import { currentScreen, openPhone, waitForSettledPage, type PhoneSession } from '../support/browser';
import { elderModeProblems } from '../support/elder-mode';
import { useStackAndBrowser } from '../support/stack';

/**
 * The canteen from end to end: an elder orders a delivered lunch, the centre's worker confirms it on the
 * board, the elder sees it confirmed, and a family member orders dinner for the other elder they look
 * after. Cutoffs are real time (lunch 09:30, dinner 15:30 China time), so every order is for TOMORROW:
 * the demo menus cover today and the next six days, and tomorrow is open whatever the hour.
 */
const canteen = 'pages/canteen/index' as Route;
const orders = 'pages/orders/index' as Route;
const board = 'worker/board/index' as Route;

const elder = { userId: 'demo-elder-wang', elderId: 'demo-elder-wang', name: '王秀英' };
const otherElder = { elderId: 'demo-elder-li', name: '李建国' };
/** 王磊 bound 李建国 as his son-in-law: his home names him as he calls him. */
const otherElderOnHome = '李建国（岳父）';
const family = 'demo-family-wanglei';
const worker = 'demo-worker-xueyuan';

const env = useStackAndBrowser();
let tomorrow: string;
/** The day the menu opens on: that of the soonest meal still open, as the server says at the start. */
let openingDay: string;
const phones: PhoneSession[] = [];

async function newPhone(): Promise<PhoneSession> {
  const phone = await openPhone(env.browser, env.stack.webUrl);
  phones.push(phone);
  return phone;
}

/** Taps and counts the tap, so the test can hold the flow to its promised number of taps. */
function tapper(page: Page) {
  let taps = 0;
  return {
    get taps() {
      return taps;
    },
    async tap(testId: string, next?: Route) {
      taps += 1;
      await currentScreen(page).getByTestId(testId).first().click();
      if (next) await waitForSettledPage(page, next);
    },
  };
}

beforeAll(async () => {
  // Tomorrow as the server counts days: the first day after today in the elder's week of menus.
  const asElder = await new ApiClient(env.stack.webUrl).as(elder.userId);
  const week = await asElder.call<ElderMenusResponse>('GET', `/elders/${elder.elderId}/menus`);
  tomorrow = week.days[1].date;
  openingDay = week.days.find((day) => day.meals.some((offer) => offer.orderable))!.date;
  expect(week.days[1].meals.map((offer) => offer.menu.meal).sort()).toEqual(['dinner', 'lunch']);
});

afterAll(async () => {
  for (const phone of phones) await phone.context.close().catch(() => undefined);
});

test('elder orders a delivered lunch in 3 taps, the worker confirms it on the board, the elder sees 已确认', async () => {
  // (a) The elder orders tomorrow's lunch for delivery, seeing the price reason before confirming.
  const elderPhone = await newPhone();
  const { page } = elderPhone;
  await signInOnLoginPage(page, elder.userId);
  const taps = tapper(page);
  await taps.tap('home-tile-canteen', canteen);
  // The menu opens on the day of the soonest meal still open, pointing to it; tomorrow is a tab away.
  expect(await currentScreen(page).getByTestId(`canteen-day-${openingDay}`).getAttribute('aria-checked')).toBe('true');
  expect(await currentScreen(page).getByTestId('canteen-soonest').count()).toBe(1);
  if (openingDay !== tomorrow) await taps.tap(`canteen-day-${tomorrow}`);
  expect(await currentScreen(page).getByTestId(`canteen-day-${tomorrow}`).getAttribute('aria-checked')).toBe('true');
  expect(await textOf(page, `canteen-price-${tomorrow}-lunch`)).toBe('80岁以上 ¥8');
  expect(await elderModeProblems(page)).toEqual([]);

  await taps.tap(`canteen-order-${tomorrow}-lunch`);
  await currentScreen(page).getByTestId('canteen-confirm').waitFor();
  expect(await textOf(page, 'canteen-confirm-price')).toBe('80岁以上 ¥8');
  expect(await currentScreen(page).getByTestId('canteen-fulfilment-delivery').getAttribute('aria-checked')).toBe('true');
  // How and when it is paid (the demo centres never chose: at handover), and where it goes.
  expect(await textOf(page, 'canteen-confirm-payment')).toBe('这一餐要付 ¥8，送到时交给送餐员。');
  expect(await textOf(page, 'canteen-confirm-address')).toBe('送到：学院路 12 号 3 栋 101');
  expect(await elderModeProblems(page)).toEqual([]);

  await taps.tap('canteen-confirm-submit');
  await currentScreen(page).getByTestId('canteen-placed').waitFor();
  // Two taps from the menu; a third when tomorrow is not the day the menu opened on.
  expect(taps.taps).toBeLessThanOrEqual(openingDay === tomorrow ? 3 : 4);
  expect(await textOf(page, 'canteen-placed-status')).toContain('已下单');
  expect(await textOf(page, 'canteen-placed-price')).toContain('80岁以上 ¥8');

  await taps.tap('canteen-to-orders', orders);
  const row = currentScreen(page).locator('[data-testid^="orders-row-"]', { hasText: '送餐上门' }).first();
  const orderId = (await row.getAttribute('data-testid'))!.replace('orders-row-', '');
  expect(await textOf(page, `orders-status-${orderId}`)).toContain('已下单');
  expect(await textOf(page, `orders-timeline-${orderId}`)).toContain(elder.name);
  expect(await elderModeProblems(page)).toEqual([]);

  // (b) The worker opens the board, moves to tomorrow's lunch and confirms the order.
  const workerPhone = await newPhone();
  await signInOnLoginPage(workerPhone.page, worker);
  const w = tapper(workerPhone.page);
  await w.tap('home-tile-board', board);
  await w.tap('board-meal-lunch');
  await workerPhone.page.waitForTimeout(100);
  await waitForSettledPage(workerPhone.page, board);
  if ((await textOf(workerPhone.page, 'board-title')).includes('今天')) {
    await w.tap('board-next-day');
    await waitForSettledPage(workerPhone.page, board);
  }
  expect(await textOf(workerPhone.page, 'board-title')).toContain('明天');
  expect(await textOf(workerPhone.page, `board-row-${orderId}`)).toContain(elder.name);
  expect(await textOf(workerPhone.page, `board-dietary-${orderId}`)).toContain('低盐');
  expect(await textOf(workerPhone.page, `board-address-${orderId}`)).toContain('学院路 12 号');
  expect(Number((await textOf(workerPhone.page, 'board-count-delivery')).replace(/\D/g, ''))).toBeGreaterThanOrEqual(1);
  expect(await textOf(workerPhone.page, 'board-before-day')).toContain('到了当天才能标记');
  await w.tap(`board-action-confirmed-${orderId}`);
  await currentScreen(workerPhone.page).getByTestId(`board-action-confirmed-${orderId}`).waitFor({ state: 'detached' });
  expect(await textOf(workerPhone.page, `board-status-${orderId}`)).toContain('已确认');
  // Tomorrow's meal cannot be sent out yet: that comes on its day.
  expect(await currentScreen(workerPhone.page).getByTestId(`board-action-out_for_delivery-${orderId}`).count()).toBe(0);

  // (c) Back on the elder's phone, 我的订单 now says 已确认, with who confirmed it.
  await goBack(page, canteen);
  await goBack(page, routes.home);
  await taps.tap('home-tile-orders', orders);
  expect(await textOf(page, `orders-status-${orderId}`)).toContain('已确认');
  expect(await textOf(page, `orders-timeline-${orderId}`)).toContain('刘晓燕');

  expect(elderPhone.errors).toEqual([]);
  expect(workerPhone.errors).toEqual([]);
});

test('family member 王磊 orders tomorrow\'s dinner for 李建国', async () => {
  const familyPhone = await newPhone();
  const { page } = familyPhone;
  await signInOnLoginPage(page, family);
  const taps = tapper(page);
  if ((await textOf(page, 'home-current-elder')) !== otherElderOnHome) {
    await taps.tap('home-elder-switcher', routes.elders);
    await taps.tap(`elders-row-${otherElder.elderId}`, routes.home);
  }
  expect(await textOf(page, 'home-current-elder')).toBe(otherElderOnHome);

  await taps.tap('home-tile-canteen', canteen);
  expect(await textOf(page, 'canteen-title')).toBe(`为${otherElder.name}订餐`);
  const tomorrowTab = currentScreen(page).getByTestId(`canteen-day-${tomorrow}`);
  if ((await tomorrowTab.getAttribute('aria-checked')) !== 'true') await taps.tap(`canteen-day-${tomorrow}`);
  await taps.tap(`canteen-order-${tomorrow}-dinner`);
  await currentScreen(page).getByTestId('canteen-confirm').waitFor();
  // 李建国 walks: no delivery offered, eating in is chosen for him.
  expect(await currentScreen(page).getByTestId('canteen-fulfilment-delivery').count()).toBe(0);
  expect(await currentScreen(page).getByTestId('canteen-fulfilment-eat_in').getAttribute('aria-checked')).toBe('true');
  expect(await textOf(page, 'canteen-confirm-price')).toMatch(/¥\d+/);
  await taps.tap('canteen-confirm-submit');
  await currentScreen(page).getByTestId('canteen-placed').waitFor();
  expect(await textOf(page, 'canteen-placed-status')).toContain('已下单');

  await taps.tap('canteen-to-orders', orders);
  expect(await textOf(page, 'orders-title')).toBe(`${otherElder.name}的订单`);
  const row = currentScreen(page).locator('[data-testid^="orders-row-"]', { hasText: '晚餐' }).first();
  expect(await row.innerText()).toContain('堂食');
  expect(familyPhone.errors).toEqual([]);
});
