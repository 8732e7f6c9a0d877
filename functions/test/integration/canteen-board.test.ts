import { errorCode, useApi } from '../support/api';
import { bind, createUser, uniqueId } from '../support/seed';
import { Community } from '../../src/features/people/entities';
import { timelineOf } from '../../src/features/canteen/data';
import { MONDAY, TUESDAY, createCanteenWorld, placeOrder, publishMenu, setLocalTime, storedOrder, storedOrdersOfMeal } from '../support/canteen-fixtures';

const api = useApi();

beforeEach(() => setLocalTime(MONDAY, '08:00'));

/** Tuesday's lunch with four orders: eat-in, pick-up, a delivery, and one cancelled. */
async function boardWorld() {
  const world = await createCanteenWorld();
  await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch');
  const eatIn = await placeOrder(api, world.elder.elderId, world.elder.elderId, TUESDAY, 'lunch', 'eat_in');
  const pickUp = await placeOrder(api, world.young.elderId, world.young.elderId, TUESDAY, 'lunch', 'pick_up');
  const delivery = await placeOrder(api, world.homebound.elderId, world.homebound.elderId, TUESDAY, 'lunch', 'delivery');
  const cancelled = await placeOrder(api, world.tekun.elderId, world.tekun.elderId, TUESDAY, 'lunch', 'eat_in');
  const cancel = await api.as(world.tekun.elderId).post(`/orders/${cancelled.orderId}/cancel`);
  if (cancel.status !== 200) throw new Error(`cancel failed: ${cancel.text}`);
  return { ...world, orders: { eatIn, pickUp, delivery, cancelled } };
}

const board = (world: { home: { centreId: string } }, userId: string) =>
  api.as(userId).get(`/centres/${world.home.centreId}/board?date=${TUESDAY}&meal=lunch`);

const setStatus = (userId: string, orderId: string, status: string) => api.as(userId).post(`/orders/${orderId}/status`, { status });

describe('GET /centres/{centreId}/board: the day’s board for one meal', () => {
  test('counts active orders by fulfilment; cancelled orders are listed but not counted', async () => {
    const world = await boardWorld();
    const response = await board(world, world.worker.userId);
    expect(response.status).toBe(200);
    expect(response.body.counts).toEqual({ eat_in: 1, pick_up: 1, delivery: 1, pending: 3, total: 3, needsDecision: 0 });
    expect(response.body.menu).toMatchObject({ seatsLeft: 48, deliveriesLeft: 14 });
    expect(response.body.items).toHaveLength(4);
    expect(response.body.items.at(-1)).toMatchObject({ orderId: world.orders.cancelled.orderId, status: 'cancelled' });
  });

  test('each item carries what the kitchen and the delivery need: dietary needs, phone, address, category', async () => {
    const world = await boardWorld();
    const response = await board(world, world.worker.userId);
    const wang = response.body.items.find((item: { orderId: string }) => item.orderId === world.orders.eatIn.orderId);
    expect(wang).toMatchObject({
      elderName: '王秀英',
      elderPhone: '13807340001',
      elderAddress: '学院路 12 号 3 栋 101',
      dietary: { lowSalt: true, lowSugar: false, softFood: true, allergies: '' },
      subsidyCategory: null,
    });
    const sun = response.body.items.find((item: { orderId: string }) => item.orderId === world.orders.delivery.orderId);
    expect(sun).toMatchObject({ elderName: '孙玉珍', fulfilment: 'delivery', dietary: { softFood: true }, subsidyCategory: 'disabled' });
  });

  test('the admin may read the board; a worker of another centre may not (403 NOT_YOUR_CENTRE)', async () => {
    const world = await boardWorld();
    expect((await board(world, world.admin.userId)).status).toBe(200);
    const foreign = await board(world, world.otherWorker.userId);
    expect(foreign.status).toBe(403);
    expect(errorCode(foreign)).toBe('NOT_YOUR_CENTRE');
  });
});

describe('moving orders along the board', () => {
  test('a worker confirms one order; the elder sees 已确认 in the timeline', async () => {
    const world = await boardWorld();
    setLocalTime(MONDAY, '18:00');
    const response = await setStatus(world.worker.userId, world.orders.eatIn.orderId, 'confirmed');
    expect(response.status).toBe(200);
    expect(response.body.order).toMatchObject({ status: 'confirmed', statusName: '已确认' });
    expect(await storedOrder(world.orders.eatIn.orderId)).toMatchObject({ status: 'confirmed' });

    const seenByElder = await api.as(world.elder.elderId).get(`/orders/${world.orders.eatIn.orderId}`);
    expect(seenByElder.body.order.timeline.map((entry: { statusName: string }) => entry.statusName)).toEqual(['已下单', '已确认']);
    expect(seenByElder.body.order.timeline[1]).toMatchObject({ at: '2026-11-16T10:00:00.000Z', byName: '刘晓燕' });
    expect((await board(world, world.worker.userId)).body.counts.pending).toBe(2);
  });

  test('confirm all confirms every order still waiting, and only those', async () => {
    const world = await boardWorld();
    await setStatus(world.worker.userId, world.orders.eatIn.orderId, 'confirmed');
    const response = await api.as(world.worker.userId).post(`/centres/${world.home.centreId}/board/confirm-all`, { date: TUESDAY, meal: 'lunch' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ confirmed: 2 });
    const stored = await storedOrdersOfMeal(world.home.centreId, TUESDAY, 'lunch');
    const statusOf = (orderId: string) => stored.find((order) => order.orderId === orderId)?.status;
    expect(statusOf(world.orders.eatIn.orderId)).toBe('confirmed');
    expect(statusOf(world.orders.pickUp.orderId)).toBe('confirmed');
    expect(statusOf(world.orders.delivery.orderId)).toBe('confirmed');
    expect(statusOf(world.orders.cancelled.orderId)).toBe('cancelled');
    // the one confirmed earlier was not confirmed a second time
    expect(await timelineOf(world.orders.eatIn.orderId)).toHaveLength(2);
    expect((await board(world, world.worker.userId)).body.counts).toMatchObject({ pending: 0, total: 3 });
  });

  test('confirm all by a worker of another centre is 403 and changes nothing', async () => {
    const world = await boardWorld();
    const response = await api.as(world.otherWorker.userId).post(`/centres/${world.home.centreId}/board/confirm-all`, { date: TUESDAY, meal: 'lunch' });
    expect(response.status).toBe(403);
    expect(errorCode(response)).toBe('NOT_YOUR_CENTRE');
    const stored = await storedOrdersOfMeal(world.home.centreId, TUESDAY, 'lunch');
    expect(stored.filter((order) => order.status === 'placed')).toHaveLength(3);
  });

  test('eat-in is served, pick-up can be a no-show, delivery goes out and is delivered', async () => {
    const world = await boardWorld();
    await api.as(world.worker.userId).post(`/centres/${world.home.centreId}/board/confirm-all`, { date: TUESDAY, meal: 'lunch' });
    setLocalTime(TUESDAY, '11:40');
    expect((await setStatus(world.worker.userId, world.orders.eatIn.orderId, 'served')).body.order).toMatchObject({ status: 'served', statusName: '已取餐' });
    expect((await setStatus(world.worker.userId, world.orders.pickUp.orderId, 'no_show')).body.order).toMatchObject({ status: 'no_show', statusName: '未到' });
    expect((await setStatus(world.worker.userId, world.orders.delivery.orderId, 'out_for_delivery')).body.order).toMatchObject({ status: 'out_for_delivery', statusName: '配送中' });
    expect((await setStatus(world.worker.userId, world.orders.delivery.orderId, 'delivered')).body.order).toMatchObject({ status: 'delivered', statusName: '已送达' });

    const stored = await storedOrdersOfMeal(world.home.centreId, TUESDAY, 'lunch');
    expect(Object.fromEntries(stored.map((order) => [order.orderId, order.status]))).toEqual({
      [world.orders.eatIn.orderId]: 'served',
      [world.orders.pickUp.orderId]: 'no_show',
      [world.orders.delivery.orderId]: 'delivered',
      [world.orders.cancelled.orderId]: 'cancelled',
    });
  });

  test('the elder and bound family see 已送达 in the delivered order’s timeline', async () => {
    const world = await boardWorld();
    const { family, homebound } = world;
    await bind(homebound.elderId, family);
    await setStatus(world.worker.userId, world.orders.delivery.orderId, 'confirmed');
    setLocalTime(TUESDAY, '11:10');
    await setStatus(world.worker.userId, world.orders.delivery.orderId, 'out_for_delivery');
    setLocalTime(TUESDAY, '11:35');
    await setStatus(world.worker.userId, world.orders.delivery.orderId, 'delivered');

    for (const viewer of [homebound.elderId, family.userId]) {
      const response = await api.as(viewer).get(`/orders/${world.orders.delivery.orderId}`);
      expect(response.status).toBe(200);
      expect(response.body.order).toMatchObject({ status: 'delivered', statusName: '已送达', cancellable: false });
      expect(response.body.order.timeline.map((entry: { status: string; at: string }) => [entry.status, entry.at])).toEqual([
        ['placed', '2026-11-16T00:00:00.000Z'],
        ['confirmed', '2026-11-16T00:00:00.000Z'],
        ['out_for_delivery', '2026-11-17T03:10:00.000Z'],
        ['delivered', '2026-11-17T03:35:00.000Z'],
      ]);
    }
    const unbound = await api.as(world.otherFamily.userId).get(`/orders/${world.orders.delivery.orderId}`);
    expect(unbound.status).toBe(404);
  });

  test.each([
    ['a placed order cannot be served before it is confirmed', 'eatIn', [], 'served'],
    ['an eat-in order never goes out for delivery', 'eatIn', ['confirmed'], 'out_for_delivery'],
    ['a delivery is never "served"', 'delivery', ['confirmed'], 'served'],
    ['a delivery cannot be delivered before it goes out', 'delivery', ['confirmed'], 'delivered'],
    ['a served order is final', 'eatIn', ['confirmed', 'served'], 'no_show'],
    ['a delivered order is final', 'delivery', ['confirmed', 'out_for_delivery', 'delivered'], 'no_show'],
    ['a cancelled order cannot be confirmed', 'cancelled', [], 'confirmed'],
  ] as const)('%s: 409 STATUS_NOT_ALLOWED and the order is unchanged', async (_rule, which, path, illegal) => {
    const world = await boardWorld();
    const { orderId } = world.orders[which];
    setLocalTime(TUESDAY, '11:40');
    for (const status of path) expect((await setStatus(world.worker.userId, orderId, status)).status).toBe(200);
    const before = await storedOrder(orderId);
    const response = await setStatus(world.worker.userId, orderId, illegal);
    expect(response.status).toBe(409);
    expect(errorCode(response)).toBe('STATUS_NOT_ALLOWED');
    expect(await storedOrder(orderId)).toEqual(before);
  });

  test('a worker cannot set "placed" or "cancelled" through the status route (400); another centre’s order is answered as missing (404)', async () => {
    const world = await boardWorld();
    for (const status of ['placed', 'cancelled']) {
      const response = await setStatus(world.worker.userId, world.orders.eatIn.orderId, status);
      expect(response.status).toBe(400);
      expect(errorCode(response)).toBe('INVALID_INPUT');
    }
    const foreign = await setStatus(world.otherWorker.userId, world.orders.eatIn.orderId, 'confirmed');
    expect(foreign.status).toBe(404);
    expect(errorCode(foreign)).toBe('ORDER_NOT_FOUND');
    const byElder = await setStatus(world.elder.elderId, world.orders.eatIn.orderId, 'confirmed');
    expect(byElder.status).toBe(403);
    expect(await storedOrder(world.orders.eatIn.orderId)).toMatchObject({ status: 'placed' });
  });

  test('two workers confirming the same order at once: one succeeds, the timeline has one confirmation', async () => {
    const world = await boardWorld();
    const responses = await Promise.all([
      setStatus(world.worker.userId, world.orders.eatIn.orderId, 'confirmed'),
      setStatus(world.worker.userId, world.orders.eatIn.orderId, 'confirmed'),
    ]);
    expect(responses.filter((response) => response.status === 200)).toHaveLength(1);
    expect(responses.filter((response) => response.status === 409).map(errorCode)[0]).toMatch(/ORDER_CHANGED|STATUS_NOT_ALLOWED/);
    expect((await timelineOf(world.orders.eatIn.orderId)).map((event) => event.action)).toEqual(['order.placed', 'order.confirmed']);
  });
});

describe('a meal is marked only on its day, and an open order after its meal asks for a decision', () => {
  test.each(['served', 'no_show'] as const)('marking a confirmed order "%s" the day before its meal: 409 MEAL_NOT_YET, the order unchanged', async (status) => {
    const world = await boardWorld();
    await setStatus(world.worker.userId, world.orders.eatIn.orderId, 'confirmed');
    setLocalTime(MONDAY, '20:00');
    const before = await storedOrder(world.orders.eatIn.orderId);
    const response = await setStatus(world.worker.userId, world.orders.eatIn.orderId, status);
    expect([response.status, errorCode(response)]).toEqual([409, 'MEAL_NOT_YET']);
    expect(response.body.error.message).toContain('2026-11-17');
    expect(await storedOrder(world.orders.eatIn.orderId)).toEqual(before);
  });

  test('a delivery cannot go out or be delivered before its day', async () => {
    const world = await boardWorld();
    await setStatus(world.worker.userId, world.orders.delivery.orderId, 'confirmed');
    const response = await setStatus(world.worker.userId, world.orders.delivery.orderId, 'out_for_delivery');
    expect([response.status, errorCode(response)]).toEqual([409, 'MEAL_NOT_YET']);
    setLocalTime(TUESDAY, '11:00');
    expect((await setStatus(world.worker.userId, world.orders.delivery.orderId, 'out_for_delivery')).status).toBe(200);
  });

  test('after the meal, orders still placed or confirmed are flagged, first on the board, and counted', async () => {
    const world = await boardWorld();
    await setStatus(world.worker.userId, world.orders.eatIn.orderId, 'confirmed');
    setLocalTime(TUESDAY, '11:45');
    await setStatus(world.worker.userId, world.orders.pickUp.orderId, 'confirmed');
    await setStatus(world.worker.userId, world.orders.pickUp.orderId, 'served');
    expect((await board(world, world.worker.userId)).body.counts.needsDecision).toBe(0);

    setLocalTime(TUESDAY, '13:00');
    const response = await board(world, world.worker.userId);
    expect(response.body.counts.needsDecision).toBe(2);
    const flagged = response.body.items.filter((item: { needsDecision: boolean }) => item.needsDecision).map((item: { orderId: string }) => item.orderId);
    expect(flagged.sort()).toEqual([world.orders.eatIn.orderId, world.orders.delivery.orderId].sort());
    expect(response.body.items.slice(0, 2).every((item: { needsDecision: boolean }) => item.needsDecision)).toBe(true);
  });

  test('the next day, any board of the centre names the earlier meal with open orders', async () => {
    const world = await boardWorld();
    setLocalTime('2026-11-18', '08:00');
    const response = await api.as(world.worker.userId).get(`/centres/${world.home.centreId}/board?date=2026-11-18&meal=lunch`);
    expect(response.status).toBe(200);
    expect(response.body.earlierOpen).toEqual([{ date: TUESDAY, meal: 'lunch', mealName: '午餐', count: 3 }]);
  });
});

describe('the canteen is the centre’s: a worker of another community of the same centre', () => {
  async function sameCentreWorker(world: { home: { centreId: string; countyId: string } }) {
    const communityId = uniqueId('comm');
    await Community.put({ communityId, centreId: world.home.centreId, countyId: world.home.countyId, name: '东风社区' }).go();
    return createUser('worker', { communityId, name: '何静' });
  }

  test('reads, confirms and cancels the centre’s orders, like the board they run', async () => {
    const world = await boardWorld();
    const worker = await sameCentreWorker(world);
    expect((await api.as(worker.userId).get(`/orders/${world.orders.eatIn.orderId}`)).status).toBe(200);
    expect((await setStatus(worker.userId, world.orders.eatIn.orderId, 'confirmed')).status).toBe(200);
    setLocalTime(TUESDAY, '10:00');
    expect((await api.as(worker.userId).post(`/orders/${world.orders.pickUp.orderId}/cancel`)).status).toBe(200);
  });

  test('but the elder’s profile and order list stay with the elder’s community: 404', async () => {
    const world = await boardWorld();
    const worker = await sameCentreWorker(world);
    for (const path of [`/elders/${world.elder.elderId}`, `/elders/${world.elder.elderId}/orders`]) {
      const response = await api.as(worker.userId).get(path);
      expect([response.status, errorCode(response)]).toEqual([404, 'ELDER_NOT_FOUND']);
    }
  });
});

describe('undoing a mistaken mark on the board', () => {
  const undo = (userId: string, orderId: string, markId: string) => api.as(userId).post(`/orders/${orderId}/status/undo`, { markId });
  const boardItemOf = async (world: { home: { centreId: string }; worker: { userId: string } }, orderId: string) =>
    (await board(world, world.worker.userId)).body.items.find((item: { orderId: string }) => item.orderId === orderId);

  /** The eat-in order confirmed on Monday and marked 已取餐 at 11:40 on its day. */
  async function servedWorld() {
    const world = await boardWorld();
    await setStatus(world.worker.userId, world.orders.eatIn.orderId, 'confirmed');
    setLocalTime(TUESDAY, '11:40');
    expect((await setStatus(world.worker.userId, world.orders.eatIn.orderId, 'served')).status).toBe(200);
    const { undo: offer } = await boardItemOf(world, world.orders.eatIn.orderId);
    return { ...world, orderId: world.orders.eatIn.orderId, markId: offer.markId as string };
  }

  test('the board offers the undo of a mark for 5 minutes, naming the status it goes back to', async () => {
    const world = await servedWorld();
    setLocalTime(TUESDAY, '11:44');
    expect((await boardItemOf(world, world.orderId)).undo).toEqual({ markId: world.markId, back: 'confirmed', backName: '已确认', until: '2026-11-17T03:45:00.000Z' });
    setLocalTime(TUESDAY, '11:45');
    expect((await boardItemOf(world, world.orderId)).undo).toBeUndefined();
  });

  test('within the window the order goes back to exactly what it was, and the timeline shows the mark and the undo, with who and when', async () => {
    const world = await servedWorld();
    setLocalTime(TUESDAY, '11:43');
    const before = await storedOrder(world.orderId);
    const response = await undo(world.worker.userId, world.orderId, world.markId);
    expect(response.status).toBe(200);
    expect(response.body.order).toMatchObject({ status: 'confirmed', statusName: '已确认' });
    const stored = await storedOrder(world.orderId);
    // Only the status (with when it changed and the mark's record) moves: price, subsidy and the seat stay.
    expect({ ...stored, updatedAt: before!.updatedAt, mark: before!.mark }).toEqual({ ...before, status: 'confirmed' });
    expect((await board(world, world.worker.userId)).body.menu).toMatchObject({ seatsLeft: 48 });
    expect((await boardItemOf(world, world.orderId)).undo).toBeUndefined();

    const seenByElder = await api.as(world.elder.elderId).get(`/orders/${world.orderId}`);
    expect(seenByElder.body.order.timeline.slice(-2)).toEqual([
      { status: 'served', statusName: '已取餐', at: '2026-11-17T03:40:00.000Z', byName: '刘晓燕' },
      { status: 'confirmed', statusName: '已确认', at: '2026-11-17T03:43:00.000Z', byName: '刘晓燕', undone: { status: 'served', statusName: '已取餐' } },
    ]);
    // The undone order is marked again as usual.
    expect((await setStatus(world.worker.userId, world.orderId, 'no_show')).body.order.status).toBe('no_show');
  });

  test('an undone mark no longer counts in the month’s statement', async () => {
    const world = await servedWorld();
    const statement = async () => (await api.as(world.worker.userId).get(`/centres/${world.home.centreId}/statements/2026-11`)).body.totals.meals;
    expect(await statement()).toBe(1);
    await undo(world.worker.userId, world.orderId, world.markId);
    expect(await statement()).toBe(0);
  });

  test('the same undo retried is answered as done and writes one undo', async () => {
    const world = await servedWorld();
    const first = await undo(world.worker.userId, world.orderId, world.markId);
    setLocalTime(TUESDAY, '11:50');
    const again = await undo(world.worker.userId, world.orderId, world.markId);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.order.status).toBe('confirmed');
    expect((await timelineOf(world.orderId)).map((event) => event.action)).toEqual(['order.placed', 'order.confirmed', 'order.served', 'order.undo']);
  });

  test('after 5 minutes: 410 UNDO_TOO_LATE and the order stays as marked', async () => {
    const world = await servedWorld();
    setLocalTime(TUESDAY, '11:45');
    const response = await undo(world.worker.userId, world.orderId, world.markId);
    expect([response.status, errorCode(response)]).toEqual([410, 'UNDO_TOO_LATE']);
    expect(response.body.error.message).toContain('5 分钟');
    expect(await storedOrder(world.orderId)).toMatchObject({ status: 'served' });
  });

  test('an order that moved on since the mark: 409 ORDER_CHANGED, nothing undone', async () => {
    const world = await boardWorld();
    const { orderId } = world.orders.delivery;
    setLocalTime(TUESDAY, '11:00');
    await setStatus(world.worker.userId, orderId, 'confirmed');
    await setStatus(world.worker.userId, orderId, 'out_for_delivery');
    const { markId } = (await boardItemOf(world, orderId)).undo;
    await setStatus(world.worker.userId, orderId, 'delivered');
    const response = await undo(world.worker.userId, orderId, markId);
    expect([response.status, errorCode(response)]).toEqual([409, 'ORDER_CHANGED']);
    expect(response.body.error.message).toContain('已送达');
    expect(await storedOrder(orderId)).toMatchObject({ status: 'delivered' });
  });

  test('a cancelled order and one never marked have nothing to undo', async () => {
    const world = await boardWorld();
    const response = await undo(world.worker.userId, world.orders.pickUp.orderId, '01KAAAAAAAAAAAAAAAAAAAAAAA');
    expect([response.status, errorCode(response)]).toEqual([409, 'NOTHING_TO_UNDO']);
    expect((await boardItemOf(world, world.orders.cancelled.orderId)).undo).toBeUndefined();
  });

  test('only a worker of the order’s centre may undo: another centre’s worker gets 404, the elder 403', async () => {
    const world = await servedWorld();
    const foreign = await undo(world.otherWorker.userId, world.orderId, world.markId);
    expect([foreign.status, errorCode(foreign)]).toEqual([404, 'ORDER_NOT_FOUND']);
    expect((await undo(world.elder.elderId, world.orderId, world.markId)).status).toBe(403);
    expect(await storedOrder(world.orderId)).toMatchObject({ status: 'served' });
  });
});
