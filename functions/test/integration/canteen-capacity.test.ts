import { errorCode, useApi } from '../support/api';
import { MONDAY, TUESDAY, createCanteenWorld, createElders, orderBody, publishMenu, setLocalTime, storedMenu, storedOrdersOfMeal } from '../support/canteen-fixtures';

const api = useApi();

beforeEach(() => setLocalTime(MONDAY, '08:00'));

describe('capacity: seats are never sold twice', () => {
  test('25 seats and 40 elders ordering at once: exactly 25 orders are placed, 15 are told SOLD_OUT', async () => {
    const world = await createCanteenWorld();
    await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch', { seatCapacity: 25, deliveryCapacity: 5 });
    const elders = await createElders(world.home, 40);

    const responses = await Promise.all(
      elders.map((elder) => api.as(elder.elderId).post(`/elders/${elder.elderId}/orders`, orderBody(TUESDAY, 'lunch'))),
    );

    const placed = responses.filter((response) => response.status === 201);
    const refused = responses.filter((response) => response.status !== 201);
    expect(placed).toHaveLength(25);
    expect(refused.map((response) => `${response.status} ${errorCode(response)}`)).toEqual(Array(15).fill('409 SOLD_OUT'));
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 25, deliveriesTaken: 0 });
    const orders = await storedOrdersOfMeal(world.home.centreId, TUESDAY, 'lunch');
    expect(orders).toHaveLength(25);
    expect(new Set(orders.map((order) => order.elderId)).size).toBe(25);
    expect(orders.map((order) => order.orderId).sort()).toEqual(placed.map((response) => response.body.order.orderId).sort());
  });

  test('when the seats are gone, deliveries are still counted separately and can be ordered', async () => {
    const world = await createCanteenWorld();
    await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch', { seatCapacity: 1, deliveryCapacity: 2 });
    const homebound = await createElders(world.home, 3, { mobilityLimited: true });

    expect((await api.as(world.young.elderId).post(`/elders/${world.young.elderId}/orders`, orderBody(TUESDAY, 'lunch'))).status).toBe(201);
    const seatGone = await api.as(world.tekun.elderId).post(`/elders/${world.tekun.elderId}/orders`, orderBody(TUESDAY, 'lunch', 'pick_up'));
    expect(seatGone.status).toBe(409);
    expect(errorCode(seatGone)).toBe('SOLD_OUT');

    const deliveries = await Promise.all(
      homebound.map((elder) => api.as(elder.elderId).post(`/elders/${elder.elderId}/orders`, orderBody(TUESDAY, 'lunch', 'delivery'))),
    );
    expect(deliveries.map((response) => response.status).sort()).toEqual([201, 201, 409]);
    expect(errorCode(deliveries.find((response) => response.status === 409)!)).toBe('SOLD_OUT');

    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 1, deliveriesTaken: 2 });
    const orders = await storedOrdersOfMeal(world.home.centreId, TUESDAY, 'lunch');
    expect(orders.filter((order) => order.fulfilment === 'delivery')).toHaveLength(2);
    expect(orders.filter((order) => order.fulfilment !== 'delivery')).toHaveLength(1);
  });

  test('a sold-out meal shows as not orderable (已订满) to an elder who has not ordered', async () => {
    const world = await createCanteenWorld();
    await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch', { seatCapacity: 1, deliveryCapacity: 0 });
    expect((await api.as(world.young.elderId).post(`/elders/${world.young.elderId}/orders`, orderBody(TUESDAY, 'lunch'))).status).toBe(201);
    const menus = await api.as(world.elder.elderId).get(`/elders/${world.elder.elderId}/menus`);
    const tuesday = menus.body.days.find((day: { date: string }) => day.date === TUESDAY);
    expect(tuesday.meals[0]).toMatchObject({ orderable: false, closedReason: '已订满', menu: { seatsLeft: 0 } });
  });

  test('a seat released by a cancellation can be taken by the next elder', async () => {
    const world = await createCanteenWorld();
    await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch', { seatCapacity: 1, deliveryCapacity: 0 });
    const first = await api.as(world.young.elderId).post(`/elders/${world.young.elderId}/orders`, orderBody(TUESDAY, 'lunch'));
    expect((await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch'))).status).toBe(409);
    expect((await api.as(world.young.elderId).post(`/orders/${first.body.order.orderId}/cancel`)).status).toBe(200);
    expect((await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch'))).status).toBe(201);
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 1 });
  });
});
