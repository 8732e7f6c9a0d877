import { errorCode, useApi, type ApiResponse } from '../support/api';
import { MONDAY, TUESDAY, createWorldWithTuesdayMenus, idempotencyKey, orderBody, setLocalTime, storedMenu, storedOrdersOfMeal } from '../support/canteen-fixtures';

const api = useApi();

beforeEach(() => setLocalTime(MONDAY, '08:00'));

const worldWithMenus = () => createWorldWithTuesdayMenus(api);
const statuses = (responses: ApiResponse[]) => responses.map((response) => response.status).sort();

describe('idempotency: a retried order never orders twice', () => {
  test('the same request sent again answers 200 with the same order, marked replayed', async () => {
    const world = await worldWithMenus();
    const body = orderBody(TUESDAY, 'lunch');
    const first = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, body);
    const again = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.replayed).toBe(true);
    expect(again.body.order.orderId).toBe(first.body.order.orderId);
    expect(await storedOrdersOfMeal(world.home.centreId, TUESDAY, 'lunch')).toHaveLength(1);
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 1 });
  });

  test('the same request sent 10 times at once places one order; every answer carries its id (one 201, nine 200 replayed)', async () => {
    const world = await worldWithMenus();
    const body = orderBody(TUESDAY, 'lunch');
    const responses = await Promise.all(Array.from({ length: 10 }, () => api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, body)));
    expect(statuses(responses)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const orderIds = new Set(responses.map((response) => response.body.order?.orderId));
    expect(orderIds.size).toBe(1);
    for (const response of responses) expect(response.body.replayed).toBe(response.status === 200);
    const orders = await storedOrdersOfMeal(world.home.centreId, TUESDAY, 'lunch');
    expect(orders.map((order) => order.orderId)).toEqual([...orderIds]);
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 1 });
  });

  test('the same key for a different meal is 409 IDEMPOTENCY_KEY_REUSED and places nothing more', async () => {
    const world = await worldWithMenus();
    const key = idempotencyKey();
    const first = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch', 'eat_in', { idempotencyKey: key }));
    expect(first.status).toBe(201);
    const reused = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'dinner', 'eat_in', { idempotencyKey: key }));
    expect(reused.status).toBe(409);
    expect(errorCode(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await storedOrdersOfMeal(world.home.centreId, TUESDAY, 'dinner')).toEqual([]);
    expect(await storedMenu(world.home.centreId, TUESDAY, 'dinner')).toMatchObject({ seatsTaken: 0 });
  });

  test('10 concurrent requests for one elder and meal with different keys place exactly one order', async () => {
    const world = await worldWithMenus();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch'))),
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    expect(responses.filter((response) => response.status === 409).map(errorCode)).toEqual(Array(9).fill('ALREADY_ORDERED'));
    expect(await storedOrdersOfMeal(world.home.centreId, TUESDAY, 'lunch')).toHaveLength(1);
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatsTaken: 1 });
  });

  test('the same key with another note (an allergy warning) is 409 IDEMPOTENCY_KEY_REUSED: the note is never dropped', async () => {
    const world = await worldWithMenus();
    const key = idempotencyKey();
    const first = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch', 'eat_in', { idempotencyKey: key }));
    expect(first.status).toBe(201);
    const withNote = await api.as(world.elder.elderId).post(
      `/elders/${world.elder.elderId}/orders`,
      orderBody(TUESDAY, 'lunch', 'eat_in', { idempotencyKey: key, note: '对花生过敏，请不要放花生' }),
    );
    expect([withNote.status, errorCode(withNote)]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    expect((await storedOrdersOfMeal(world.home.centreId, TUESDAY, 'lunch')).map((order) => order.note)).toEqual(['']);
  });

  test('keys belong to whoever sends them: a relative using the elder’s key places their own order, never sees the elder’s', async () => {
    const world = await worldWithMenus();
    const key = idempotencyKey();
    const byElder = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch', 'eat_in', { idempotencyKey: key }));
    expect(byElder.status).toBe(201);
    const byFamily = await api.as(world.family.userId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'dinner', 'eat_in', { idempotencyKey: key }));
    expect(byFamily.status).toBe(201);
    expect(byFamily.body.order.orderId).not.toBe(byElder.body.order.orderId);
  });
});
