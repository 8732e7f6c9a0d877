import { Subscription } from '../../src/features/canteen/entities';
import { timelineOf } from '../../src/features/canteen/data';
import { IdempotencyRecord } from '../../src/store/idempotency';
import { bind } from '../support/seed';
import { runStandingOrders } from '../../src/features/canteen/standing-orders';
import { errorCode, useApi } from '../support/api';
import {
  MONDAY,
  TUESDAY,
  createCanteenWorld,
  placeOrder,
  publishMenu,
  setLocalTime,
  storedMenu,
  storedOrdersOfElder,
  storedRuns,
} from '../support/canteen-fixtures';

const api = useApi();

const WEDNESDAY = '2026-11-18';
const SATURDAY = '2026-11-21';

beforeEach(() => setLocalTime(MONDAY, '08:00'));

async function subscribeWeekdayLunches(callerId: string, elderId: string, fulfilment = 'eat_in') {
  return api.as(callerId).post(`/elders/${elderId}/subscriptions`, { meal: 'lunch', fulfilment, weekdays: [1, 2, 3, 4, 5] });
}

describe('standing orders (长期订餐)', () => {
  test('an elder subscribes to weekday lunches', async () => {
    const world = await createCanteenWorld();
    const response = await subscribeWeekdayLunches(world.elder.elderId, world.elder.elderId);
    expect(response.status).toBe(201);
    expect(response.body.subscription).toMatchObject({ elderId: world.elder.elderId, meal: 'lunch', fulfilment: 'eat_in', weekdays: [1, 2, 3, 4, 5], recentRuns: [] });
    const listed = await api.as(world.family.userId).get(`/elders/${world.elder.elderId}/subscriptions`);
    expect(listed.body.items.map((item: { subscriptionId: string }) => item.subscriptionId)).toEqual([response.body.subscription.subscriptionId]);
  });

  test('running the job twice for a day places one order (idempotent), at the elder’s price, by 长期订餐', async () => {
    const world = await createCanteenWorld();
    await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch');
    const { body } = await subscribeWeekdayLunches(world.elder.elderId, world.elder.elderId);
    setLocalTime(MONDAY, '20:00');

    await runStandingOrders(TUESDAY);
    await runStandingOrders(TUESDAY);

    const orders = await storedOrdersOfElder(world.elder.elderId);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ date: TUESDAY, meal: 'lunch', fulfilment: 'eat_in', status: 'placed', priceFen: 800, placedBy: 'standing-order' });
    expect((await timelineOf(orders[0].orderId))[0]).toMatchObject({ action: 'order.placed', actorName: '长期订餐', actorRole: 'job' });
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 1 });
    const runs = await storedRuns(body.subscription.subscriptionId);
    expect(runs).toEqual([expect.objectContaining({ date: TUESDAY, meal: 'lunch', outcome: 'placed', orderId: orders[0].orderId })]);
  });

  test('by default the job orders for tomorrow', async () => {
    const world = await createCanteenWorld();
    await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch');
    await subscribeWeekdayLunches(world.elder.elderId, world.elder.elderId);
    setLocalTime(MONDAY, '20:00');
    const summary = await runStandingOrders();
    expect(summary.date).toBe(TUESDAY);
    expect((await storedOrdersOfElder(world.elder.elderId)).map((order) => order.date)).toEqual([TUESDAY]);
  });

  test('a day outside the chosen weekdays orders nothing', async () => {
    const world = await createCanteenWorld();
    await publishMenu(api, world.worker.userId, world.home.centreId, SATURDAY, 'lunch');
    const { body } = await subscribeWeekdayLunches(world.elder.elderId, world.elder.elderId);
    await runStandingOrders(SATURDAY);
    expect(await storedOrdersOfElder(world.elder.elderId)).toEqual([]);
    expect(await storedRuns(body.subscription.subscriptionId)).toEqual([]);
  });

  test('a sold-out day is recorded as a run with outcome sold_out and no order', async () => {
    const world = await createCanteenWorld();
    await publishMenu(api, world.worker.userId, world.home.centreId, WEDNESDAY, 'lunch', { seatCapacity: 1, deliveryCapacity: 0 });
    await placeOrder(api, world.young.elderId, world.young.elderId, WEDNESDAY, 'lunch');
    const { body } = await subscribeWeekdayLunches(world.elder.elderId, world.elder.elderId);
    setLocalTime(TUESDAY, '20:00');

    await runStandingOrders(WEDNESDAY);

    expect(await storedOrdersOfElder(world.elder.elderId)).toEqual([]);
    const runs = await storedRuns(body.subscription.subscriptionId);
    expect(runs).toEqual([expect.objectContaining({ date: WEDNESDAY, meal: 'lunch', outcome: 'sold_out' })]);
    expect(runs[0].message).toContain('已订满');
    expect(await storedMenu(world.home.centreId, WEDNESDAY, 'lunch')).toMatchObject({ seatsTaken: 1 });
    const listed = await api.as(world.elder.elderId).get(`/elders/${world.elder.elderId}/subscriptions`);
    expect(listed.body.items[0].recentRuns).toEqual([expect.objectContaining({ date: WEDNESDAY, outcome: 'sold_out' })]);
  });

  test('a day without a menu is recorded as no_menu', async () => {
    const world = await createCanteenWorld();
    const { body } = await subscribeWeekdayLunches(world.elder.elderId, world.elder.elderId);
    await runStandingOrders(WEDNESDAY);
    expect(await storedRuns(body.subscription.subscriptionId)).toEqual([expect.objectContaining({ date: WEDNESDAY, outcome: 'no_menu' })]);
    expect(await storedOrdersOfElder(world.elder.elderId)).toEqual([]);
  });

  test('a mobility-limited elder’s delivery subscription orders deliveries', async () => {
    const world = await createCanteenWorld();
    await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch');
    expect((await subscribeWeekdayLunches(world.homebound.elderId, world.homebound.elderId, 'delivery')).status).toBe(201);
    await runStandingOrders(TUESDAY);
    expect(await storedOrdersOfElder(world.homebound.elderId)).toEqual([expect.objectContaining({ fulfilment: 'delivery' })]);
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 0, deliveriesTaken: 1 });
  });

  test('a delivery subscription for an elder who is not mobility-limited is 400 and nothing is stored', async () => {
    const world = await createCanteenWorld();
    const response = await subscribeWeekdayLunches(world.elder.elderId, world.elder.elderId, 'delivery');
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('DELIVERY_NOT_ELIGIBLE');
    expect((await Subscription.query.byElder({ elderId: world.elder.elderId }).go()).data).toEqual([]);
  });

  test('overlapping subscriptions for the same meal are refused with 409', async () => {
    const world = await createCanteenWorld();
    expect((await subscribeWeekdayLunches(world.elder.elderId, world.elder.elderId)).status).toBe(201);
    const overlap = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/subscriptions`, { meal: 'lunch', fulfilment: 'pick_up', weekdays: [5, 6] });
    expect(overlap.status).toBe(409);
    expect(errorCode(overlap)).toBe('SUBSCRIPTION_OVERLAPS');
    const dinner = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/subscriptions`, { meal: 'dinner', fulfilment: 'pick_up', weekdays: [5, 6] });
    expect(dinner.status).toBe(201);
    expect((await Subscription.query.byElder({ elderId: world.elder.elderId }).go()).data).toHaveLength(2);
  });

  test('after unsubscribing, the job orders nothing more', async () => {
    const world = await createCanteenWorld();
    await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch');
    const { body } = await subscribeWeekdayLunches(world.elder.elderId, world.elder.elderId);
    const removed = await api.as(world.family.userId).delete(`/elders/${world.elder.elderId}/subscriptions/${body.subscription.subscriptionId}`);
    expect(removed.status).toBe(204);
    await runStandingOrders(TUESDAY);
    expect(await storedOrdersOfElder(world.elder.elderId)).toEqual([]);
  });
});

describe('one standing order never stops the run for the others', () => {
  async function threeSubscribers() {
    const world = await createCanteenWorld();
    await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch');
    const ids: Record<string, string> = {};
    for (const elder of [world.elder, world.young, world.tekun]) {
      ids[elder.elderId] = (await subscribeWeekdayLunches(elder.elderId, elder.elderId)).body.subscription.subscriptionId;
    }
    setLocalTime(MONDAY, '20:00');
    return { world, ids };
  }

  test.each([
    ['the job’s own key', (id: string) => `${id}-${TUESDAY}-lunch`],
    ['the key the job used to use', (id: string) => `standing-${id}-${TUESDAY}-lunch`],
  ])('a relative who orders under %s spoils nothing: the job still orders for everyone else', async (_name, keyOf) => {
    const { world, ids } = await threeSubscribers();
    await bind(world.young.elderId, world.family);
    const poisoned = await api.as(world.family.userId).post(`/elders/${world.young.elderId}/orders`, {
      date: WEDNESDAY, meal: 'lunch', fulfilment: 'eat_in', idempotencyKey: keyOf(ids[world.young.elderId]),
    });
    expect(poisoned.status).toBe(404); // no menu on Wednesday: the request failed, the key was never the job's

    const poisonedToday = await api.as(world.family.userId).post(`/elders/${world.young.elderId}/orders`, {
      date: TUESDAY, meal: 'lunch', fulfilment: 'pick_up', idempotencyKey: keyOf(ids[world.young.elderId]),
    });
    expect(poisonedToday.status).toBe(201);

    // The job walks every centre in this file's table: other tests' elders are counted too.
    const summary = await runStandingOrders(TUESDAY);
    expect(summary.placed).toBeGreaterThanOrEqual(2);
    for (const elder of [world.elder, world.tekun]) {
      expect(await storedOrdersOfElder(elder.elderId)).toEqual([expect.objectContaining({ date: TUESDAY, placedBy: 'standing-order' })]);
    }
    expect(await storedRuns(ids[world.young.elderId])).toEqual([expect.objectContaining({ outcome: 'already_ordered' })]);
  });

  test('an unexpected failure of one standing order is recorded as an error and the run goes on', async () => {
    const { world, ids } = await threeSubscribers();
    // A stored answer for the job's key that points at no order: the replay of this one fails.
    await IdempotencyRecord.put({ scope: 'job#standing-orders', key: `${ids[world.elder.elderId]}-${TUESDAY}-lunch`, fingerprint: 'x', resultId: 'missing-order', expiresAt: 4_000_000_000 }).go();

    const summary = await runStandingOrders(TUESDAY);

    expect(summary.errors).toBeGreaterThanOrEqual(1);
    const runs = await storedRuns(ids[world.elder.elderId]);
    expect(runs).toEqual([expect.objectContaining({ date: TUESDAY, outcome: 'error' })]);
    expect(runs[0].message).toMatch(/手动订餐/);
    expect(await storedOrdersOfElder(world.young.elderId)).toHaveLength(1);
    expect(await storedOrdersOfElder(world.tekun.elderId)).toHaveLength(1);
  });
});

describe('the limit of six standing orders is a conditional write', () => {
  test('twelve parallel requests for twelve different meals and days: exactly six are created, the rest told the limit', async () => {
    const world = await createCanteenWorld();
    const requests = Array.from({ length: 12 }, (_, i) => ({ meal: i % 2 ? 'dinner' : 'lunch', fulfilment: 'eat_in', weekdays: [Math.floor(i / 2) + 1] }));
    const responses = await Promise.all(requests.map((body) => api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/subscriptions`, body)));
    const statuses = responses.map((response) => response.status).filter((status) => status !== 503);
    expect(statuses.filter((status) => status === 201)).toHaveLength(6);
    expect(responses.filter((response) => response.status === 400).map(errorCode)).toEqual(expect.arrayContaining(['TOO_MANY_SUBSCRIPTIONS']));
    expect((await Subscription.query.byElder({ elderId: world.elder.elderId }).go()).data).toHaveLength(6);
  });

  test('after cancelling one of six, a seventh fits', async () => {
    const world = await createCanteenWorld();
    const created = [];
    for (let day = 1; day <= 6; day++) {
      created.push((await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/subscriptions`, { meal: 'lunch', fulfilment: 'eat_in', weekdays: [day] })).body.subscription);
    }
    const seventh = { meal: 'dinner', fulfilment: 'eat_in', weekdays: [7] };
    expect(errorCode(await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/subscriptions`, seventh))).toBe('TOO_MANY_SUBSCRIPTIONS');
    expect((await api.as(world.elder.elderId).delete(`/elders/${world.elder.elderId}/subscriptions/${created[0].subscriptionId}`)).status).toBe(204);
    expect((await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/subscriptions`, seventh)).status).toBe(201);
    expect((await Subscription.query.byElder({ elderId: world.elder.elderId }).go()).data).toHaveLength(6);
  });

  test('of eight parallel requests for the same meal and day, exactly one gets in; the others overlap', async () => {
    const world = await createCanteenWorld();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/subscriptions`, { meal: 'lunch', fulfilment: 'pick_up', weekdays: [1, 3] })),
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    expect(responses.filter((response) => response.status !== 201 && response.status !== 503).every((response) => errorCode(response) === 'SUBSCRIPTION_OVERLAPS')).toBe(true);
    expect((await Subscription.query.byElder({ elderId: world.elder.elderId }).go()).data).toHaveLength(1);
  });
});
