/** @dynamodb-streams */
import { useLocalConsumers } from '../support/consumers';
import { Subscription } from '../../src/features/canteen/entities';
import { followElderChange } from '../../src/features/canteen/elder-changes';
import { errorCode, useApi } from '../support/api';
import { createWorldWithTuesdayMenus, MONDAY, orderBody, setLocalTime, storedMenu, storedOrder, TUESDAY } from '../support/canteen-fixtures';
import { createCommunity, createUser, storedElder } from '../support/seed';

const api = useApi();
const runner = useLocalConsumers();

beforeEach(() => setLocalTime(MONDAY, '08:00'));

async function orderAndStandingOrder(world: Awaited<ReturnType<typeof createWorldWithTuesdayMenus>>) {
  const placed = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch'));
  expect(placed.status).toBe(201);
  const standing = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/subscriptions`, { meal: 'dinner', fulfilment: 'pick_up', weekdays: [1, 3, 5] });
  expect(standing.status).toBe(201);
  return { orderId: placed.body.order.orderId as string, subscriptionId: standing.body.subscription.subscriptionId as string };
}

describe('moving an elder to another community of the county', () => {
  test("the new community's worker takes over, the old one's loses access; orders and standing orders follow", async () => {
    const world = await createWorldWithTuesdayMenus(api);
    const { orderId, subscriptionId } = await orderAndStandingOrder(world);

    const moved = await api.as(world.worker.userId).put(`/elders/${world.elder.elderId}/community`, { communityId: world.other.communityId });
    expect(moved.status).toBe(200);
    expect(moved.body.elder).toMatchObject({ communityId: world.other.communityId, communityName: '东风社区' });
    expect(await storedElder(world.elder.elderId)).toMatchObject({ communityId: world.other.communityId, centreId: world.other.centreId });

    const oldWorker = await api.as(world.worker.userId).get(`/elders/${world.elder.elderId}`);
    expect([oldWorker.status, errorCode(oldWorker)]).toEqual([404, 'ELDER_NOT_FOUND']);
    expect((await api.as(world.otherWorker.userId).get(`/elders/${world.elder.elderId}`)).status).toBe(200);
    // Bindings are the elder's: the relative still looks after her.
    expect((await api.as(world.family.userId).get(`/elders/${world.elder.elderId}`)).status).toBe(200);

    await runner.idle();
    expect((await storedOrder(orderId))?.communityId).toBe(world.other.communityId);
    const standing = (await Subscription.get({ elderId: world.elder.elderId, subscriptionId }).go()).data;
    expect(standing?.centreId).toBe(world.other.centreId);
    // The order placed at the old centre's canteen stays a meal of that canteen, for its board and statement.
    expect((await storedOrder(orderId))?.centreId).toBe(world.home.centreId);
    expect((await api.as(world.otherWorker.userId).get(`/elders/${world.elder.elderId}/orders`)).body.items.map((o: { orderId: string }) => o.orderId)).toContain(orderId);

    const history = await api.as(world.admin.userId).get(`/elders/${world.elder.elderId}`);
    expect(history.status).toBe(200);
  });

  test('the county admin moves an elder too; a community of another county is not found; the same community is said plainly', async () => {
    const world = await createWorldWithTuesdayMenus(api);
    const elsewhere = await createCommunity('外县社区');
    const foreign = await api.as(world.worker.userId).put(`/elders/${world.elder.elderId}/community`, { communityId: elsewhere.communityId });
    expect([foreign.status, errorCode(foreign)]).toEqual([404, 'COMMUNITY_NOT_FOUND']);
    const same = await api.as(world.worker.userId).put(`/elders/${world.elder.elderId}/community`, { communityId: world.home.communityId });
    expect([same.status, errorCode(same)]).toEqual([409, 'SAME_COMMUNITY']);
    const byAdmin = await api.as(world.admin.userId).put(`/elders/${world.elder.elderId}/community`, { communityId: world.other.communityId });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.elder.communityId).toBe(world.other.communityId);
  });

  test('nobody else moves an elder: a relative by role, a worker of another community as not found', async () => {
    const world = await createWorldWithTuesdayMenus(api);
    const byFamily = await api.as(world.family.userId).put(`/elders/${world.elder.elderId}/community`, { communityId: world.other.communityId });
    expect([byFamily.status, errorCode(byFamily)]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const byOther = await api.as(world.otherWorker.userId).put(`/elders/${world.elder.elderId}/community`, { communityId: world.other.communityId });
    expect([byOther.status, errorCode(byOther)]).toEqual([404, 'ELDER_NOT_FOUND']);
  });
});

describe('an elder who died or moved away', () => {
  test('keeps every record; standing orders stop and open orders from today on are cancelled with their seats given back', async () => {
    const world = await createWorldWithTuesdayMenus(api);
    const { orderId } = await orderAndStandingOrder(world);
    const seatsBefore = (await storedMenu(world.home.centreId, TUESDAY, 'lunch'))?.seatsTaken;

    const marked = await api.as(world.worker.userId).put(`/elders/${world.elder.elderId}/status`, { status: 'deceased', note: '家属告知' });
    expect(marked.status).toBe(200);
    expect(marked.body.elder.status).toBe('deceased');

    await runner.idle();
    expect((await Subscription.query.byElder({ elderId: world.elder.elderId }).go()).data).toEqual([]);
    const order = (await api.as(world.worker.userId).get(`/orders/${orderId}`)).body.order;
    expect(order.status).toBe('cancelled');
    expect(order.timeline.at(-1)).toMatchObject({ status: 'cancelled', byName: '社区登记变更' });
    expect((await storedMenu(world.home.centreId, TUESDAY, 'lunch'))?.seatsTaken).toBe((seatsBefore ?? 1) - 1);
    // The profile and the order are still there.
    expect((await api.as(world.worker.userId).get(`/elders/${world.elder.elderId}`)).body.elder.name).toBe(world.elder.name);

    const again = await api.as(world.family.userId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'dinner', 'pick_up'));
    expect([again.status, errorCode(again)]).toEqual([409, 'ELDER_NOT_ACTIVE']);
    expect(again.body.error.message).toContain('已故');
    const standing = await api.as(world.worker.userId).post(`/elders/${world.elder.elderId}/subscriptions`, { meal: 'lunch', fulfilment: 'pick_up', weekdays: [2] });
    expect([standing.status, errorCode(standing)]).toEqual([409, 'ELDER_NOT_ACTIVE']);
  });

  test('a mistaken mark is put back: the elder is on the register again and can order', async () => {
    const world = await createWorldWithTuesdayMenus(api);
    await api.as(world.worker.userId).put(`/elders/${world.elder.elderId}/status`, { status: 'movedAway', note: '' });
    const back = await api.as(world.worker.userId).put(`/elders/${world.elder.elderId}/status`, { status: 'active', note: '登记错了' });
    expect(back.body.elder.status).toBe('active');
    const placed = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch'));
    expect(placed.status).toBe(201);
  });

  test('only a worker of the community marks it; bad input is refused naming the field', async () => {
    const world = await createWorldWithTuesdayMenus(api);
    const admin = await api.as(world.admin.userId).put(`/elders/${world.elder.elderId}/status`, { status: 'deceased', note: '' });
    expect([admin.status, errorCode(admin)]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const other = await api.as(world.otherWorker.userId).put(`/elders/${world.elder.elderId}/status`, { status: 'deceased', note: '' });
    expect([other.status, errorCode(other)]).toEqual([404, 'ELDER_NOT_FOUND']);
    const wrong = await api.as(world.worker.userId).put(`/elders/${world.elder.elderId}/status`, { status: 'gone', note: '' });
    expect([wrong.status, errorCode(wrong)]).toEqual([400, 'INVALID_INPUT']);
    expect(wrong.body.error.message).toContain('状态只能是');
    const stranger = await createUser('worker', { name: '路人' });
    expect((await api.as(stranger.userId).put(`/elders/${world.elder.elderId}/status`, { status: 'deceased', note: '' })).status).toBe(404);
  });
});

describe('the canteen acts on the elder as they are now, whatever record arrives', () => {
  test('a 已故 record delivered again after the elder was put back cancels nothing new', async () => {
    const world = await createWorldWithTuesdayMenus(api);
    await api.as(world.worker.userId).put(`/elders/${world.elder.elderId}/status`, { status: 'deceased', note: '' });
    await api.as(world.worker.userId).put(`/elders/${world.elder.elderId}/status`, { status: 'active', note: '登记错了' });
    await runner.idle();
    const placed = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch'));
    expect(placed.status).toBe(201);

    // The stream hands the old 在册 → 已故 change over once more (a retry, a replay).
    const current = (await storedElder(world.elder.elderId))!;
    await followElderChange({ eventId: 'replayed', kind: 'MODIFY', before: { ...current, status: 'active' }, after: { ...current, status: 'deceased' }, at: new Date() });
    expect((await storedOrder(placed.body.order.orderId))?.status).toBe('placed');
  });
});
