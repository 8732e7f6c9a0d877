import { Subscription } from '../../src/data/canteen-entities';
import { runStandingOrders } from '../../src/services/standing-orders';
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

// The job walks every centre of every county in this file's table.
jest.setTimeout(30_000);

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
    expect(orders[0].timeline[0].byName).toBe('长期订餐');
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
