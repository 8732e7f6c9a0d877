import type { Page } from 'playwright-core';
import type { ElderAlertsResponse } from '@yilin/contract';
import { ApiClient, routes, signInOnLoginPage, tap, textOf } from '../support/app';
import { currentScreen, openPhone, waitForSettledPage, type PhoneSession } from '../support/browser';
import { useStackAndBrowser } from '../support/stack';

/**
 * Emergency help: an elder living alone holds the red button on her home for two seconds; the community
 * worker's home shows the call at once, she answers it, and the elder's page says who is on the way; the
 * worker closes it with what she found, and the son in another city reads it in his messages.
 */
const elder = 'demo-elder-wang';
const worker = 'demo-worker-xueyuan';
const son = 'demo-family-wanglei';

const env = useStackAndBrowser();
const phones: PhoneSession[] = [];

async function phoneOf(userId: string): Promise<Page> {
  const phone = await openPhone(env.browser, env.stack.webUrl);
  phones.push(phone);
  await signInOnLoginPage(phone.page, userId);
  return phone.page;
}

afterAll(async () => {
  for (const phone of phones) await phone.context.close().catch(() => undefined);
});

/** Presses and holds an element by its test id, as a finger would, for `ms`. */
async function hold(page: Page, testId: string, ms: number): Promise<void> {
  const box = await currentScreen(page).getByTestId(testId).first().boundingBox();
  if (!box) throw new Error(`${testId} is not on screen`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(ms);
  await page.mouse.up();
}

test('an elder holds SOS, the worker answers, the elder sees who is coming, and her son reads how it ended', async () => {
  const home = await phoneOf(elder);
  // A short press does nothing but ask: a pocket tap never calls anyone.
  await hold(home, 'sos-button', 300);
  await currentScreen(home).getByTestId('sos-confirm').waitFor();
  await tap(home, 'sos-confirm-no');
  const api = await new ApiClient(env.stack.webUrl).as(elder);
  expect((await api.call<ElderAlertsResponse>('GET', `/elders/${elder}/alerts`)).open).toBeUndefined();

  await hold(home, 'sos-button', 2300);
  await waitForSettledPage(home, routes.sos);
  await currentScreen(home).getByTestId('sos-status').filter({ hasText: '已经发出求助' }).waitFor();
  expect(await textOf(home, 'sos-call-0')).toContain('120');
  const { open } = await api.call<ElderAlertsResponse>('GET', `/elders/${elder}/alerts`);
  expect(open?.status).toBe('open');

  const office = await phoneOf(worker);
  await currentScreen(office).getByTestId('home-alerts-banner').waitFor();
  await tap(office, 'home-alerts-banner', routes.workerAlerts);
  await currentScreen(office).getByTestId(`alerts-open-${open!.alertId}`).filter({ hasText: '王秀英' }).waitFor();
  await tap(office, `alerts-ack-${open!.alertId}`);

  // The elder's page refreshes by itself: who answered, and from where.
  await currentScreen(home).getByTestId('sos-responder').filter({ hasText: '刘晓燕' }).waitFor({ timeout: 20_000 });

  await tap(office, `alerts-resolve-${open!.alertId}`);
  await currentScreen(office).getByTestId('alerts-note').locator('input, textarea').first().fill('上门看过，是腿抽筋，已经缓过来了。');
  await tap(office, 'alerts-resolve-confirm');
  await currentScreen(office).getByTestId(`alerts-open-${open!.alertId}`).waitFor({ state: 'detached' });

  const away = await phoneOf(son);
  await tap(away, 'home-tile-messages', routes.messages);
  await currentScreen(away).getByTestId('messages-row-0').filter({ hasText: '腿抽筋' }).waitFor({ timeout: 20_000 });
});
