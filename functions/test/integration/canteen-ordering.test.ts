import { OrderSlot } from '../../src/features/canteen/entities';
import type { Meal } from '../../src/features/canteen/rules/canteen';
import { errorCode, useApi } from '../support/api';
import {
  MONDAY,
  TUESDAY,
  createWorldWithTuesdayMenus,
  orderBody,
  placeOrder,
  publishMenu,
  setLocalTime,
  storedMenu,
  storedOrder,
  storedOrdersOfElder,
  storedOrdersOfMeal,
} from '../support/canteen-fixtures';

const api = useApi();

beforeEach(() => setLocalTime(MONDAY, '08:00'));

const worldWithMenus = () => createWorldWithTuesdayMenus(api);

/** A refused order leaves no trace: no order, no seat or delivery taken, no slot claimed. */
async function expectNothingWritten(centreId: string, elderId: string, date: string, meal: Meal) {
  expect(await storedOrdersOfMeal(centreId, date, meal)).toEqual([]);
  expect(await storedOrdersOfElder(elderId)).toEqual([]);
  const menu = await storedMenu(centreId, date, meal);
  if (menu) expect(menu).toMatchObject({ seatsTaken: 0, deliveriesTaken: 0 });
  expect((await OrderSlot.get({ elderId, date, meal }).go()).data).toBeNull();
}

describe('POST /elders/{elderId}/orders: placing an order', () => {
  test('an elder orders their own lunch at their own price; the order, the seat and the slot are stored', async () => {
    const world = await worldWithMenus();
    const response = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch', 'eat_in', { note: '少放辣' }));
    expect(response.status).toBe(201);
    expect(response.body.replayed).toBe(false);
    const order = response.body.order;
    // 王秀英 is 85 and her 低保 is not verified yet: the 80+ price.
    expect(order).toMatchObject({
      elderId: world.elder.elderId,
      date: TUESDAY,
      meal: 'lunch',
      fulfilment: 'eat_in',
      fulfilmentName: '堂食',
      note: '少放辣',
      status: 'placed',
      statusName: '已下单',
      priceFen: 800,
      standardPriceFen: 1500,
      subsidyFen: 700,
      priceRule: 'age80',
      priceReason: '80岁以上 ¥8',
      cutoffAt: '2026-11-17T01:30:00.000Z',
      cancellable: true,
    });
    expect(order.timeline).toEqual([{ status: 'placed', statusName: '已下单', at: '2026-11-16T00:00:00.000Z', byName: '王秀英' }]);

    const stored = await storedOrder(order.orderId);
    expect(stored).toMatchObject({ placedBy: world.elder.elderId, centreId: world.home.centreId, priceFen: 800, status: 'placed' });
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 1, deliveriesTaken: 0 });
    expect((await OrderSlot.get({ elderId: world.elder.elderId, date: TUESDAY, meal: 'lunch' }).go()).data?.orderId).toBe(order.orderId);
  });

  test('a verified 特困 elder orders for free', async () => {
    const world = await worldWithMenus();
    const order = await placeOrder(api, world.tekun.elderId, world.tekun.elderId, TUESDAY, 'lunch');
    expect(order).toMatchObject({ priceFen: 0, subsidyFen: 1500, priceRule: 'tekun', priceReason: '特困 免费' });
  });

  test('a bound family member orders for the elder; the timeline names them', async () => {
    const world = await worldWithMenus();
    const response = await api.as(world.family.userId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'dinner', 'pick_up'));
    expect(response.status).toBe(201);
    expect(response.body.order.timeline[0]).toMatchObject({ status: 'placed', byName: '王磊' });
    expect((await storedOrder(response.body.order.orderId))?.placedBy).toBe(world.family.userId);
  });

  test('a worker of the elder’s community takes a phone order', async () => {
    const world = await worldWithMenus();
    const response = await api.as(world.worker.userId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch'));
    expect(response.status).toBe(201);
    expect(response.body.order.timeline[0].byName).toBe('刘晓燕');
  });

  test('a family member not bound to the elder is told the elder does not exist (404) and nothing is written', async () => {
    const world = await worldWithMenus();
    const response = await api.as(world.otherFamily.userId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch'));
    expect(response.status).toBe(404);
    expect(errorCode(response)).toBe('ELDER_NOT_FOUND');
    await expectNothingWritten(world.home.centreId, world.elder.elderId, TUESDAY, 'lunch');
  });

  test('another elder and a worker of another community may not order for the elder', async () => {
    const world = await worldWithMenus();
    for (const userId of [world.neighbour.elderId, world.otherWorker.userId]) {
      const response = await api.as(userId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch'));
      expect(response.status).toBe(404);
    }
    await expectNothingWritten(world.home.centreId, world.elder.elderId, TUESDAY, 'lunch');
  });

  test('at the cutoff ordering is closed: 409 ORDER_CLOSED and nothing is written', async () => {
    const world = await worldWithMenus();
    setLocalTime(TUESDAY, '09:30');
    const response = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch'));
    expect(response.status).toBe(409);
    expect(errorCode(response)).toBe('ORDER_CLOSED');
    await expectNothingWritten(world.home.centreId, world.elder.elderId, TUESDAY, 'lunch');
  });

  test('a minute before the cutoff an order is still taken', async () => {
    const world = await worldWithMenus();
    setLocalTime(TUESDAY, '09:29');
    const response = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch'));
    expect(response.status).toBe(201);
  });

  test('a date without a menu is 404 MENU_NOT_FOUND and nothing is written', async () => {
    const world = await worldWithMenus();
    const response = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, orderBody('2026-11-18', 'lunch'));
    expect(response.status).toBe(404);
    expect(errorCode(response)).toBe('MENU_NOT_FOUND');
    await expectNothingWritten(world.home.centreId, world.elder.elderId, '2026-11-18', 'lunch');
  });

  test('a menu of another centre cannot be ordered: the elder’s own centre has none', async () => {
    const world = await worldWithMenus();
    const response = await api.as(world.elderElsewhere.elderId).post(`/elders/${world.elderElsewhere.elderId}/orders`, orderBody(TUESDAY, 'lunch'));
    expect(response.status).toBe(404);
    expect(errorCode(response)).toBe('MENU_NOT_FOUND');
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 0 });
  });

  test('a past date is 400 DATE_PAST, even when its menu exists, and nothing is written', async () => {
    const world = await worldWithMenus();
    await publishMenu(api, world.worker.userId, world.home.centreId, MONDAY, 'dinner');
    setLocalTime(TUESDAY, '08:00');
    const response = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, orderBody(MONDAY, 'dinner'));
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('DATE_PAST');
    await expectNothingWritten(world.home.centreId, world.elder.elderId, MONDAY, 'dinner');
  });

  test('ordering the same meal twice is 409 ALREADY_ORDERED; one order and one seat remain', async () => {
    const world = await worldWithMenus();
    const first = await placeOrder(api, world.elder.elderId, world.elder.elderId, TUESDAY, 'lunch');
    const second = await api.as(world.family.userId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch', 'pick_up'));
    expect(second.status).toBe(409);
    expect(errorCode(second)).toBe('ALREADY_ORDERED');
    const orders = await storedOrdersOfMeal(world.home.centreId, TUESDAY, 'lunch');
    expect(orders.map((order) => order.orderId)).toEqual([first.orderId]);
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 1 });
  });

  test('lunch and dinner of the same day are separate meals', async () => {
    const world = await worldWithMenus();
    await placeOrder(api, world.elder.elderId, world.elder.elderId, TUESDAY, 'lunch');
    await placeOrder(api, world.elder.elderId, world.elder.elderId, TUESDAY, 'dinner');
    expect(await storedOrdersOfElder(world.elder.elderId)).toHaveLength(2);
  });

  test('delivery for an elder who is not mobility-limited is 400 DELIVERY_NOT_ELIGIBLE and nothing is written', async () => {
    const world = await worldWithMenus();
    const response = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch', 'delivery'));
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('DELIVERY_NOT_ELIGIBLE');
    await expectNothingWritten(world.home.centreId, world.elder.elderId, TUESDAY, 'lunch');
  });

  test('a mobility-limited elder’s delivery takes a delivery slot, not a seat', async () => {
    const world = await worldWithMenus();
    const order = await placeOrder(api, world.homebound.elderId, world.homebound.elderId, TUESDAY, 'lunch', 'delivery');
    expect(order).toMatchObject({ fulfilment: 'delivery', fulfilmentName: '送餐上门', priceFen: 0, priceReason: '残疾 免费' });
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 0, deliveriesTaken: 1 });
  });

  test('a malformed body is 400 INVALID_INPUT and nothing is written', async () => {
    const world = await worldWithMenus();
    const response = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, { ...orderBody(TUESDAY, 'lunch'), idempotencyKey: 'short' });
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('INVALID_INPUT');
    await expectNothingWritten(world.home.centreId, world.elder.elderId, TUESDAY, 'lunch');
  });
});

describe('POST /orders/{orderId}/cancel: cancelling', () => {
  test('the elder cancels before the cutoff: the seat is released and the elder can order again', async () => {
    const world = await worldWithMenus();
    const order = await placeOrder(api, world.elder.elderId, world.elder.elderId, TUESDAY, 'lunch');
    const cancelled = await api.as(world.elder.elderId).post(`/orders/${order.orderId}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.order).toMatchObject({ status: 'cancelled', statusName: '已取消', cancellable: false });
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 0 });
    expect((await OrderSlot.get({ elderId: world.elder.elderId, date: TUESDAY, meal: 'lunch' }).go()).data).toBeNull();

    const again = await placeOrder(api, world.elder.elderId, world.elder.elderId, TUESDAY, 'lunch');
    expect(again.orderId).not.toBe(order.orderId);
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 1 });
  });

  test('a cancelled delivery gives its delivery slot back', async () => {
    const world = await worldWithMenus();
    const order = await placeOrder(api, world.homebound.elderId, world.homebound.elderId, TUESDAY, 'lunch', 'delivery');
    expect((await api.as(world.homebound.elderId).post(`/orders/${order.orderId}/cancel`)).status).toBe(200);
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 0, deliveriesTaken: 0 });
  });

  test('bound family may cancel before the cutoff', async () => {
    const world = await worldWithMenus();
    const order = await placeOrder(api, world.elder.elderId, world.elder.elderId, TUESDAY, 'lunch');
    const response = await api.as(world.family.userId).post(`/orders/${order.orderId}/cancel`);
    expect(response.status).toBe(200);
    expect(response.body.order.timeline.at(-1)).toMatchObject({ status: 'cancelled', byName: '王磊' });
  });

  test('after the cutoff the elder is refused with 409 ORDER_CLOSED; a worker can still cancel', async () => {
    const world = await worldWithMenus();
    const order = await placeOrder(api, world.elder.elderId, world.elder.elderId, TUESDAY, 'lunch');
    setLocalTime(TUESDAY, '10:00');
    const byElder = await api.as(world.elder.elderId).post(`/orders/${order.orderId}/cancel`);
    expect(byElder.status).toBe(409);
    expect(errorCode(byElder)).toBe('ORDER_CLOSED');
    expect(await storedOrder(order.orderId)).toMatchObject({ status: 'placed' });
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 1 });

    const byWorker = await api.as(world.worker.userId).post(`/orders/${order.orderId}/cancel`);
    expect(byWorker.status).toBe(200);
    expect(await storedOrder(order.orderId)).toMatchObject({ status: 'cancelled' });
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 0 });
  });

  test('the timeline shows placed, confirmed and cancelled with who and when', async () => {
    const world = await worldWithMenus();
    const order = await placeOrder(api, world.elder.elderId, world.elder.elderId, TUESDAY, 'lunch');
    setLocalTime(MONDAY, '08:30');
    expect((await api.as(world.worker.userId).post(`/orders/${order.orderId}/status`, { status: 'confirmed' })).status).toBe(200);
    setLocalTime(MONDAY, '09:00');
    expect((await api.as(world.elder.elderId).post(`/orders/${order.orderId}/cancel`)).status).toBe(200);

    const detail = await api.as(world.elder.elderId).get(`/orders/${order.orderId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.order.timeline).toEqual([
      { status: 'placed', statusName: '已下单', at: '2026-11-16T00:00:00.000Z', byName: '王秀英' },
      { status: 'confirmed', statusName: '已确认', at: '2026-11-16T00:30:00.000Z', byName: '刘晓燕' },
      { status: 'cancelled', statusName: '已取消', at: '2026-11-16T01:00:00.000Z', byName: '王秀英' },
    ]);
  });

  test('cancelling twice is 409 ORDER_NOT_CANCELLABLE and the seat is not given back twice', async () => {
    const world = await worldWithMenus();
    const kept = await placeOrder(api, world.young.elderId, world.young.elderId, TUESDAY, 'lunch');
    const order = await placeOrder(api, world.elder.elderId, world.elder.elderId, TUESDAY, 'lunch');
    expect((await api.as(world.elder.elderId).post(`/orders/${order.orderId}/cancel`)).status).toBe(200);
    const again = await api.as(world.elder.elderId).post(`/orders/${order.orderId}/cancel`);
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe('ORDER_NOT_CANCELLABLE');
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 1 });
    expect(await storedOrder(kept.orderId)).toMatchObject({ status: 'placed' });
  });

  test('another elder cannot see or cancel the order: 404', async () => {
    const world = await worldWithMenus();
    const order = await placeOrder(api, world.elder.elderId, world.elder.elderId, TUESDAY, 'lunch');
    expect((await api.as(world.neighbour.elderId).get(`/orders/${order.orderId}`)).status).toBe(404);
    const cancel = await api.as(world.neighbour.elderId).post(`/orders/${order.orderId}/cancel`);
    expect(cancel.status).toBe(404);
    expect(errorCode(cancel)).toBe('ORDER_NOT_FOUND');
    expect(await storedOrder(order.orderId)).toMatchObject({ status: 'placed' });
  });
});
