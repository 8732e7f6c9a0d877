import { auditActionName, auditChangesText } from '@yilin/contract';
import { setClock } from '../../src/platform/clock';
import { auditOf, subjectOf } from '../../src/store/audit';
import { errorCode, useApi } from '../support/api';
import { idempotencyKey } from '../support/canteen-fixtures';
import { createWorld, tableItems } from '../support/seed';
import {
  createVolunteer,
  expectRefusedUnchanged,
  grantPoints,
  IN_WINDOW,
  OUT_OF_WINDOW,
  pointsEntriesOf,
  pointsOf,
  setWishSettings,
  stockOf,
  storeItem,
  storeItemBody,
} from '../support/wish-fixtures';

/**
 * The community's points store: a worker adds, changes and restocks items; a holder redeems one in a
 * redemption window, the points and one piece of stock taken together; the redemption waits at the centre
 * until a worker hands it over, or is cancelled with the points and the piece put back.
 */
const api = useApi();
beforeEach(() => setClock(IN_WINDOW));

type World = Awaited<ReturnType<typeof createWorld>>;

const redeemAs = (callerId: string, holderId: string, itemId: string, key = idempotencyKey()) =>
  api.as(callerId).post(`/points/${holderId}/redemptions`, { itemId, idempotencyKey: key });

/** A volunteer of the home community with points, and an item of its store. */
async function shopper(world: World, points: number, item: Record<string, unknown> = {}) {
  const volunteer = await createVolunteer(world.home, { name: '李华' });
  if (points > 0) await grantPoints(api, world.worker.userId, volunteer.userId, points);
  const added = await storeItem(api, world.worker.userId, world.home.communityId, item);
  return { volunteer, item: added };
}

describe('the community keeps its store', () => {
  test('adding an item twice with the same key adds it once; the same key with another body is IDEMPOTENCY_KEY_REUSED', async () => {
    const world = await createWorld();
    const body = storeItemBody({ stock: 5 });
    const first = await api.as(world.worker.userId).post(`/communities/${world.home.communityId}/store/items`, body);
    const again = await api.as(world.worker.userId).post(`/communities/${world.home.communityId}/store/items`, body);
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(first.body).toMatchObject({ communityId: world.home.communityId, name: '洗衣液', description: '2 公斤装', pricePoints: 20, active: true, stock: 5 });
    expect(await stockOf(first.body.itemId)).toBe(5);
    const store = await api.as(world.worker.userId).get(`/communities/${world.home.communityId}/store`);
    expect(store.body.items.map((item: { itemId: string }) => item.itemId)).toEqual([first.body.itemId]);

    const before = await tableItems();
    await expectRefusedUnchanged(await api.as(world.worker.userId).post(`/communities/${world.home.communityId}/store/items`, { ...body, stock: 50 }), 409, 'IDEMPOTENCY_KEY_REUSED', before);
  });

  test('an item changed off the shelf is hidden from volunteers, shown to the worker, and cannot be redeemed', async () => {
    const world = await createWorld();
    const { volunteer, item } = await shopper(world, 50);
    const changed = await api.as(world.worker.userId).put(`/communities/${world.home.communityId}/store/items/${item.itemId}`, {
      name: '洗洁精',
      description: '1 公斤装',
      pricePoints: 12,
      active: false,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: '洗洁精', pricePoints: 12, active: false, stock: 5 });
    expect((await api.as(volunteer.userId).get(`/communities/${world.home.communityId}/store`)).body.items).toEqual([]);
    expect((await api.as(world.worker.userId).get(`/communities/${world.home.communityId}/store`)).body.items).toHaveLength(1);
    const before = await tableItems();
    await expectRefusedUnchanged(await redeemAs(volunteer.userId, volunteer.userId, item.itemId), 409, 'STORE_ITEM_OFF_SHELF', before);
  });

  test('restocking adds with a reason, once per key; taking off more than there is is STOCK_TOO_LOW', async () => {
    const world = await createWorld();
    const item = await storeItem(api, world.worker.userId, world.home.communityId, { stock: 5 });
    const path = `/communities/${world.home.communityId}/store/items/${item.itemId}/restock`;
    const body = { count: 3, reason: '社区又采购了一批', idempotencyKey: idempotencyKey() };
    const first = await api.as(world.worker.userId).post(path, body);
    const again = await api.as(world.worker.userId).post(path, body);
    expect([first.status, first.body.stock, again.status, again.body.stock]).toEqual([200, 8, 200, 8]);
    const down = await api.as(world.worker.userId).post(path, { count: -2, reason: '盘点少了两件', idempotencyKey: idempotencyKey() });
    expect(down.body.stock).toBe(6);

    const before = await tableItems();
    const refused = await api.as(world.worker.userId).post(path, { count: -7, reason: '盘点', idempotencyKey: idempotencyKey() });
    await expectRefusedUnchanged(refused, 409, 'STOCK_TOO_LOW', before);
    expect(refused.body.error.message).toBe('库存只有 6 件，不能减去 7 件。');
    const zero = await api.as(world.worker.userId).post(path, { count: 0, reason: '盘点', idempotencyKey: idempotencyKey() });
    await expectRefusedUnchanged(zero, 400, 'INVALID_INPUT', before);
    expect(zero.body.error.details.fields[0]).toEqual({ field: 'count', message: '数量不能是 0' });
  });

  test('a worker of another community cannot add, change or restock items', async () => {
    const world = await createWorld();
    const item = await storeItem(api, world.worker.userId, world.home.communityId);
    const before = await tableItems();
    const base = `/communities/${world.home.communityId}/store/items`;
    const other = api.as(world.otherWorker.userId);
    await expectRefusedUnchanged(await other.post(base, storeItemBody()), 403, 'NOT_YOUR_COMMUNITY', before);
    await expectRefusedUnchanged(await other.put(`${base}/${item.itemId}`, { name: '洗衣液', description: '', pricePoints: 1, active: true }), 403, 'NOT_YOUR_COMMUNITY', before);
    await expectRefusedUnchanged(await other.post(`${base}/${item.itemId}/restock`, { count: 5, reason: '补货', idempotencyKey: idempotencyKey() }), 403, 'NOT_YOUR_COMMUNITY', before);
  });
});

describe('redeeming', () => {
  test('a redemption takes the points and one piece of stock; the same key again is the same redemption, answered 200', async () => {
    const world = await createWorld();
    const { volunteer, item } = await shopper(world, 50, { pricePoints: 20, stock: 2 });
    const key = idempotencyKey();
    const first = await redeemAs(volunteer.userId, volunteer.userId, item.itemId, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      balance: 30,
      redemption: { holderId: volunteer.userId, holderName: '李华', communityId: world.home.communityId, itemName: '洗衣液', pricePoints: 20, status: 'waiting', statusName: '待领取' },
    });
    expect(first.body.replayed).toBeUndefined();
    expect(await stockOf(item.itemId)).toBe(1);

    const before = await tableItems();
    const again = await redeemAs(volunteer.userId, volunteer.userId, item.itemId, key);
    expect([again.status, again.body.replayed, again.body.redemption.redemptionId, again.body.balance]).toEqual([200, true, first.body.redemption.redemptionId, 30]);
    expect(await tableItems()).toEqual(before);

    const mine = await api.as(volunteer.userId).get(`/points/${volunteer.userId}`);
    expect(mine.body.redemptions.map((redemption: { redemptionId: string }) => redemption.redemptionId)).toEqual([first.body.redemption.redemptionId]);
    expect(mine.body.entries[0]).toMatchObject({ amount: -20, kind: 'redeem', kindName: '兑换', note: '兑换“洗衣液”' });
    const waiting = await api.as(world.worker.userId).get(`/communities/${world.home.communityId}/redemptions?status=waiting`);
    expect(waiting.body.items.map((redemption: { redemptionId: string }) => redemption.redemptionId)).toEqual([first.body.redemption.redemptionId]);
  });

  test('a redemption is on its trail from the start: who redeemed what, for whom, then the hand-over, in Chinese', async () => {
    const world = await createWorld();
    const { volunteer, item } = await shopper(world, 50, { pricePoints: 20 });
    const redeemed = await redeemAs(volunteer.userId, volunteer.userId, item.itemId);
    const redemptionId = redeemed.body.redemption.redemptionId;
    const [event] = await auditOf(subjectOf('redemption', redemptionId));
    expect(event).toMatchObject({
      action: 'redemption.redeemed',
      concerns: volunteer.userId,
      actorId: volunteer.userId,
      actorName: '李华',
      actorRole: 'volunteer',
      at: IN_WINDOW,
      changes: [{ field: 'status', after: 'waiting' }, { field: 'item', after: '洗衣液' }, { field: 'pricePoints', after: '20' }],
    });
    expect(`${event.actorName}${auditActionName(event.action)}：${auditChangesText(event.changes, event.action)}`).toBe('李华用积分兑换了物品：状态：待领取；物品：洗衣液；所需积分：20');

    await api.as(world.worker.userId).post(`/redemptions/${redemptionId}/hand-over`);
    const trail = await auditOf(subjectOf('redemption', redemptionId));
    expect(trail.map((one) => auditActionName(one.action)).reverse()).toEqual(['用积分兑换了物品', '交付了兑换的物品']);
  });

  test('a relative redeeming with the elder’s points is named on the elder’s trail', async () => {
    const world = await createWorld();
    await setWishSettings(api, world.worker.userId, world.home.communityId, { eldersRedeem: true });
    await grantPoints(api, world.worker.userId, world.elder.elderId, 50);
    const item = await storeItem(api, world.worker.userId, world.home.communityId, { pricePoints: 20 });
    const redeemed = await redeemAs(world.family.userId, world.elder.elderId, item.itemId);
    expect(redeemed.status).toBe(201);
    const [event] = await auditOf(subjectOf('redemption', redeemed.body.redemption.redemptionId));
    expect(event).toMatchObject({ action: 'redemption.redeemed', concerns: world.elder.elderId, actorId: world.family.userId, actorName: '王磊', actorRole: 'family' });
  });

  test('too few points is POINTS_NOT_ENOUGH, with the price and the balance, and nothing is written', async () => {
    const world = await createWorld();
    const { volunteer, item } = await shopper(world, 10, { pricePoints: 20 });
    const before = await tableItems();
    const refused = await redeemAs(volunteer.userId, volunteer.userId, item.itemId);
    await expectRefusedUnchanged(refused, 409, 'POINTS_NOT_ENOUGH', before);
    expect(refused.body.error.message).toContain('要 20 分，现在有 10 分');
  });

  test('a holder who never had points is refused as POINTS_NOT_ENOUGH too', async () => {
    const world = await createWorld();
    const { volunteer, item } = await shopper(world, 0);
    const before = await tableItems();
    await expectRefusedUnchanged(await redeemAs(volunteer.userId, volunteer.userId, item.itemId), 409, 'POINTS_NOT_ENOUGH', before);
  });

  test('an item out of stock is OUT_OF_STOCK, and nothing is written', async () => {
    const world = await createWorld();
    const { volunteer, item } = await shopper(world, 100, { stock: 0 });
    const before = await tableItems();
    const refused = await redeemAs(volunteer.userId, volunteer.userId, item.itemId);
    await expectRefusedUnchanged(refused, 409, 'OUT_OF_STOCK', before);
    expect(refused.body.error.message).toContain('洗衣液');

    const last = await storeItem(api, world.worker.userId, world.home.communityId, { name: '毛巾', stock: 1, pricePoints: 5 });
    expect((await redeemAs(volunteer.userId, volunteer.userId, last.itemId)).status).toBe(201);
    const afterLast = await tableItems();
    await expectRefusedUnchanged(await redeemAs(volunteer.userId, volunteer.userId, last.itemId), 409, 'OUT_OF_STOCK', afterLast);
  });

  test('outside a window the store is closed (STORE_CLOSED) with the next window’s dates', async () => {
    const world = await createWorld();
    const { volunteer, item } = await shopper(world, 50);
    setClock(OUT_OF_WINDOW);
    const before = await tableItems();
    const refused = await redeemAs(volunteer.userId, volunteer.userId, item.itemId);
    await expectRefusedUnchanged(refused, 409, 'STORE_CLOSED', before);
    expect(refused.body.error.message).toBe('现在不是兑换期。下次兑换：12月18日 至 12月31日');
    expect(refused.body.error.details).toEqual({ next: { from: '2026-12-18', to: '2026-12-31' } });
    const store = await api.as(volunteer.userId).get(`/communities/${world.home.communityId}/store`);
    expect(store.body.redemption).toEqual({ open: false, window: { from: '2026-12-18', to: '2026-12-31' }, text: '现在不是兑换期。下次兑换：12月18日 至 12月31日' });
  });

  test('the window opens at midnight in China, not in UTC', async () => {
    const world = await createWorld();
    const { volunteer, item } = await shopper(world, 50);
    setClock('2026-12-17T15:59:00.000Z');
    const before = await tableItems();
    await expectRefusedUnchanged(await redeemAs(volunteer.userId, volunteer.userId, item.itemId), 409, 'STORE_CLOSED', before);
    setClock('2026-12-17T16:01:00.000Z');
    expect((await redeemAs(volunteer.userId, volunteer.userId, item.itemId)).status).toBe(201);
  });

  test('a community’s own windows replace the quarters, and with none to come the message says so', async () => {
    const world = await createWorld();
    const { volunteer, item } = await shopper(world, 50);
    await setWishSettings(api, world.worker.userId, world.home.communityId, { redemptionWindows: [{ from: '2026-12-01', to: '2026-12-10' }] });
    const before = await tableItems();
    const refused = await redeemAs(volunteer.userId, volunteer.userId, item.itemId);
    await expectRefusedUnchanged(refused, 409, 'STORE_CLOSED', before);
    expect(refused.body.error.message).toBe('现在不是兑换期，社区还没有定下次兑换的时间');

    setClock('2026-12-05T02:00:00.000Z');
    expect((await redeemAs(volunteer.userId, volunteer.userId, item.itemId)).status).toBe(201);
  });

  test('an elder cannot redeem where the community does not allow it (ELDERS_CANNOT_REDEEM), for themselves or through family', async () => {
    const world = await createWorld();
    await grantPoints(api, world.worker.userId, world.elder.elderId, 50);
    const item = await storeItem(api, world.worker.userId, world.home.communityId);
    const before = await tableItems();
    for (const callerId of [world.elder.elderId, world.family.userId]) {
      const refused = await redeemAs(callerId, world.elder.elderId, item.itemId);
      await expectRefusedUnchanged(refused, 409, 'ELDERS_CANNOT_REDEEM', before);
      expect(refused.body.error.message).toContain('只给志愿者兑换');
    }
    expect((await api.as(world.elder.elderId).get(`/communities/${world.home.communityId}/store`)).body.eldersRedeem).toBe(false);
  });

  test('where elders may redeem, the elder and the bound family redeem with the elder’s points; nobody else does', async () => {
    const world = await createWorld();
    await setWishSettings(api, world.worker.userId, world.home.communityId, { eldersRedeem: true });
    await grantPoints(api, world.worker.userId, world.elder.elderId, 50);
    const item = await storeItem(api, world.worker.userId, world.home.communityId, { pricePoints: 20, stock: 5 });

    const byElder = await redeemAs(world.elder.elderId, world.elder.elderId, item.itemId);
    expect([byElder.status, byElder.body.balance, byElder.body.redemption.holderName]).toEqual([201, 30, '王秀英']);
    const byFamily = await redeemAs(world.family.userId, world.elder.elderId, item.itemId);
    expect([byFamily.status, byFamily.body.balance, byFamily.body.redemption.holderId]).toEqual([201, 10, world.elder.elderId]);
    expect(await stockOf(item.itemId)).toBe(3);

    const before = await tableItems();
    await expectRefusedUnchanged(await redeemAs(world.otherFamily.userId, world.elder.elderId, item.itemId), 404, 'POINTS_HOLDER_NOT_FOUND', before);
    await expectRefusedUnchanged(await redeemAs(world.neighbour.elderId, world.elder.elderId, item.itemId), 404, 'POINTS_HOLDER_NOT_FOUND', before);
    const volunteer = await createVolunteer(world.home);
    const afterVolunteer = await tableItems();
    await expectRefusedUnchanged(await redeemAs(volunteer.userId, world.elder.elderId, item.itemId), 404, 'POINTS_HOLDER_NOT_FOUND', afterVolunteer);
  });
});

describe('after redeeming', () => {
  test('a worker hands it over; cancelling after that is refused, and nothing is written', async () => {
    const world = await createWorld();
    const { volunteer, item } = await shopper(world, 50);
    const redeemed = await redeemAs(volunteer.userId, volunteer.userId, item.itemId);
    const redemptionId = redeemed.body.redemption.redemptionId;

    const before = await tableItems();
    await expectRefusedUnchanged(await api.as(volunteer.userId).post(`/redemptions/${redemptionId}/hand-over`), 403, 'ROLE_NOT_ALLOWED', before);
    await expectRefusedUnchanged(await api.as(world.otherWorker.userId).post(`/redemptions/${redemptionId}/hand-over`), 404, 'REDEMPTION_NOT_FOUND', before);

    const handed = await api.as(world.worker.userId).post(`/redemptions/${redemptionId}/hand-over`);
    expect(handed.status).toBe(200);
    expect(handed.body.redemption).toMatchObject({ status: 'handed', statusName: '已领取', handedAt: IN_WINDOW, handedByName: '刘晓燕' });
    const again = await api.as(world.worker.userId).post(`/redemptions/${redemptionId}/hand-over`);
    expect([again.status, again.body.redemption.status]).toEqual([200, 'handed']);

    const afterHanding = await tableItems();
    for (const callerId of [volunteer.userId, world.worker.userId]) {
      const refused = await api.as(callerId).post(`/redemptions/${redemptionId}/cancel`);
      await expectRefusedUnchanged(refused, 409, 'TRANSITION_NOT_ALLOWED', afterHanding);
      expect(refused.body.error.message).toContain('已经领走');
    }
    expect([await pointsOf(volunteer.userId), await stockOf(item.itemId)]).toEqual([30, 4]);
  });

  test('the holder cancels while it waits: the points and the piece go back, with a refund entry', async () => {
    const world = await createWorld();
    const { volunteer, item } = await shopper(world, 50, { pricePoints: 20, stock: 2 });
    const redeemed = await redeemAs(volunteer.userId, volunteer.userId, item.itemId);
    const redemptionId = redeemed.body.redemption.redemptionId;
    const stranger = await createVolunteer(world.home, { name: '张伟' });
    const before = await tableItems();
    await expectRefusedUnchanged(await api.as(stranger.userId).post(`/redemptions/${redemptionId}/cancel`), 404, 'REDEMPTION_NOT_FOUND', before);

    const cancelled = await api.as(volunteer.userId).post(`/redemptions/${redemptionId}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ balance: 50, redemption: { status: 'cancelled', statusName: '已取消', cancelReason: '自己取消', cancelledAt: IN_WINDOW } });
    expect(await stockOf(item.itemId)).toBe(2);
    const entries = (await api.as(volunteer.userId).get(`/points/${volunteer.userId}`)).body.entries;
    expect(entries.map(({ amount, kind }: { amount: number; kind: string }) => [amount, kind]).sort()).toEqual([[-20, 'redeem'], [20, 'refund'], [50, 'hours']].sort());

    const afterCancel = await tableItems();
    const again = await api.as(volunteer.userId).post(`/redemptions/${redemptionId}/cancel`);
    expect([again.status, again.body.balance]).toEqual([200, 50]);
    expect(await tableItems()).toEqual(afterCancel);
    const handOver = await api.as(world.worker.userId).post(`/redemptions/${redemptionId}/hand-over`);
    await expectRefusedUnchanged(handOver, 409, 'TRANSITION_NOT_ALLOWED', afterCancel);
    expect(await pointsEntriesOf(volunteer.userId)).toHaveLength(3);
  });

  test('a worker of the community cancels a waiting redemption, saying so', async () => {
    const world = await createWorld();
    const { volunteer, item } = await shopper(world, 50);
    const redeemed = await redeemAs(volunteer.userId, volunteer.userId, item.itemId);
    const cancelled = await api.as(world.worker.userId).post(`/redemptions/${redeemed.body.redemption.redemptionId}/cancel`);
    expect(cancelled.body).toMatchObject({ balance: 50, redemption: { status: 'cancelled', cancelReason: '社区取消（刘晓燕）' } });
    expect(await stockOf(item.itemId)).toBe(5);
  });

  test('the family cancels the bound elder’s waiting redemption', async () => {
    const world = await createWorld();
    await setWishSettings(api, world.worker.userId, world.home.communityId, { eldersRedeem: true });
    await grantPoints(api, world.worker.userId, world.elder.elderId, 40);
    const item = await storeItem(api, world.worker.userId, world.home.communityId, { pricePoints: 15 });
    const redeemed = await redeemAs(world.elder.elderId, world.elder.elderId, item.itemId);
    const before = await tableItems();
    const refused = await api.as(world.otherFamily.userId).post(`/redemptions/${redeemed.body.redemption.redemptionId}/cancel`);
    await expectRefusedUnchanged(refused, 404, 'REDEMPTION_NOT_FOUND', before);
    const cancelled = await api.as(world.family.userId).post(`/redemptions/${redeemed.body.redemption.redemptionId}/cancel`);
    expect([cancelled.status, cancelled.body.balance, errorCode(cancelled)]).toEqual([200, 40, undefined]);
  });
});
