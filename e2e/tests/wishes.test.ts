import type { Page } from 'playwright-core';
import type { ElderWishesResponse, PointsView, StoreResponse } from '@yilin/contract';
import { ApiClient, goBack, routes, signInOnLoginPage, tap, textOf } from '../support/app';
import { currentScreen, openPhone, type PhoneSession } from '../support/browser';
import { elderModeProblems } from '../support/elder-mode';
import { useStackAndBrowser } from '../support/stack';

/**
 * A micro-wish from end to end, three people on three phones: 王秀英 picks a common wish (she does not
 * type), the community's worker publishes it, the volunteer 刘洋 finds it on the wall, claims it, learns
 * where to hand it over and says it is done; 王秀英 confirms it came, 刘洋's points rise by the
 * community's ten, and 刘洋 spends them in the community's points store (open in the demo).
 */
const elder = 'demo-elder-wang';
const worker = 'demo-worker-xueyuan';
const volunteer = 'demo-volunteer-liu';

const env = useStackAndBrowser();
const phones: PhoneSession[] = [];

async function phoneOf(userId: string): Promise<Page> {
  const phone = await openPhone(env.browser, env.stack.webUrl);
  phones.push(phone);
  await signInOnLoginPage(phone.page, userId);
  return phone.page;
}

const shown = (page: Page, testId: string, text?: string) =>
  (text ? currentScreen(page).getByTestId(testId).filter({ hasText: text }) : currentScreen(page).getByTestId(testId)).first().waitFor();

afterAll(async () => {
  for (const phone of phones) await phone.context.close().catch(() => undefined);
});

test('an elder picks a wish, the worker publishes it, a volunteer claims and delivers it, the elder confirms, and the points buy something', async () => {
  const api = new ApiClient(env.stack.webUrl);
  const asVolunteer = await api.as(volunteer);
  const pointsBefore = (await asVolunteer.call<PointsView>('GET', `/points/${volunteer}`)).balance;

  // 王秀英 taps 微心愿, then the first of the community's common wishes, and says yes.
  const mother = await phoneOf(elder);
  await tap(mother, 'home-tile-wishes', routes.wishes);
  await tap(mother, 'wishes-post', routes.wishPost);
  await tap(mother, 'wish-post-common-0');
  await tap(mother, 'wish-post-ask-yes', routes.wish);
  await shown(mother, 'wish-status', '等社区审核');
  expect(await elderModeProblems(mother)).toEqual([]);
  const asElder = await api.as(elder);
  const { wishes } = await asElder.call<ElderWishesResponse>('GET', `/elders/${elder}/wishes`);
  const wish = wishes.find((candidate) => candidate.status === 'pending' && candidate.title === '想请人上门理个发')!;
  expect(wish).toBeDefined();

  // The worker finds it first among those waiting for review and publishes it as it is.
  const office = await phoneOf(worker);
  await tap(office, 'home-tile-worker-wishes', routes.workerWishes);
  await tap(office, `worker-wish-${wish.wishId}`, routes.workerWish);
  await tap(office, 'wish-publish');
  await shown(office, 'wish-facts-status', '等志愿者认领');

  // 刘洋 sees it on the wall as 王奶奶's, claims it and learns where to hand it over.
  const helper = await phoneOf(volunteer);
  await tap(helper, 'home-tile-wall', routes.wall);
  expect(await textOf(helper, `wall-wish-${wish.wishId}`)).toContain('王奶奶');
  expect(await textOf(helper, `wall-wish-${wish.wishId}`)).not.toContain('王秀英');
  await tap(helper, `wall-wish-${wish.wishId}`, routes.volunteerWish);
  await tap(helper, 'wish-claim');
  await tap(helper, 'wish-claim-ask-yes');
  await shown(helper, 'wish-handover-place');
  await tap(helper, 'wish-deliver-open');
  await tap(helper, 'wish-deliver-phrase-0');
  await tap(helper, 'wish-deliver-submit');
  await shown(helper, 'wish-waiting-confirm');

  // 王秀英 opens her wish again: the volunteer says it is done; she confirms.
  await goBack(mother, routes.wishes);
  await tap(mother, `wishes-${wish.wishId}`, routes.wish);
  await shown(mother, 'wish-confirm');
  await tap(mother, 'wish-confirm');
  await tap(mother, 'wish-confirm-ask-yes');
  await shown(mother, 'wish-status', '已实现');
  expect(await elderModeProblems(mother)).toEqual([]);

  // 刘洋's points rose by the community's ten, and he spends them on the cheapest item in stock.
  await goBack(helper, routes.wall);
  await goBack(helper, routes.home);
  await tap(helper, 'home-tile-points', routes.points);
  await shown(helper, 'points-balance-number', String(pointsBefore + 10));
  const store = await asVolunteer.call<StoreResponse>('GET', `/communities/${wish.communityId}/store`);
  const item = store.items.filter((candidate) => candidate.stock > 0 && candidate.pricePoints <= pointsBefore + 10).sort((a, b) => a.pricePoints - b.pricePoints)[0];
  await tap(helper, `points-item-${item.itemId}-redeem`);
  await tap(helper, 'points-redeem-ask-yes');
  await shown(helper, 'points-done');
  await shown(helper, 'points-balance-number', String(pointsBefore + 10 - item.pricePoints));
  const after = await asVolunteer.call<PointsView>('GET', `/points/${volunteer}`);
  expect(after.redemptions[0]).toMatchObject({ itemId: item.itemId, status: 'waiting' });
});
