import { setClock } from '../../src/platform/clock';
import { useApi } from '../support/api';
import { idempotencyKey } from '../support/canteen-fixtures';
import { createWorld, tableItems } from '../support/seed';
import { expectRefusedUnchanged, IN_WINDOW, setWishSettings, storeItem } from '../support/wish-fixtures';

/**
 * Elders earn points the way the community gives them (time at its activities, a correction), from a worker of
 * their own community, and spend them in the store where the community lets elders redeem. An elder's points
 * are not on the volunteers' leaderboard.
 */
const api = useApi();
beforeEach(() => setClock(IN_WINDOW));

const activity = (points: number) => ({ hours: 2, points, reason: '重阳节包饺子', idempotencyKey: idempotencyKey() });

test('a worker grants and corrects an elder’s points; the elder sees them and redeems in the window', async () => {
  const world = await createWorld();
  await setWishSettings(api, world.worker.userId, world.home.communityId, { eldersRedeem: true });
  const worker = api.as(world.worker.userId);
  const granted = await worker.post(`/points/${world.elder.elderId}/grants`, activity(50));
  expect(granted.status).toBe(200);
  expect(granted.body).toMatchObject({ holderId: world.elder.elderId, holderName: '王秀英', kind: 'elder', balance: 50 });
  const corrected = await worker.post(`/points/${world.elder.elderId}/adjustments`, { points: -5, reason: '多记了半小时', idempotencyKey: idempotencyKey() });
  expect(corrected.body.balance).toBe(45);

  const own = await api.as(world.elder.elderId).get(`/points/${world.elder.elderId}`);
  expect(own.body.balance).toBe(45);
  expect(own.body.entries.map(({ amount, kind, note }: Record<string, unknown>) => ({ amount, kind, note }))).toEqual([
    { amount: -5, kind: 'adjust', note: '多记了半小时' },
    { amount: 50, kind: 'hours', note: '重阳节包饺子（2 小时）' },
  ]);
  const board = await worker.get(`/communities/${world.home.communityId}/leaderboard`);
  expect(board.body.rows).toEqual([]);

  const item = await storeItem(api, world.worker.userId, world.home.communityId, { pricePoints: 40 });
  const redeemed = await api.as(world.elder.elderId).post(`/points/${world.elder.elderId}/redemptions`, { itemId: item.itemId, idempotencyKey: idempotencyKey() });
  expect([redeemed.status, redeemed.body.balance, redeemed.body.redemption.holderName]).toEqual([201, 5, '王秀英']);
});

test('a worker of another community, or a relative, cannot give an elder points', async () => {
  const world = await createWorld();
  const before = await tableItems();
  await expectRefusedUnchanged(await api.as(world.otherWorker.userId).post(`/points/${world.elder.elderId}/grants`, activity(10)), 404, 'POINTS_HOLDER_NOT_FOUND', before);
  const adjust = { points: 10, reason: '补记', idempotencyKey: idempotencyKey() };
  await expectRefusedUnchanged(await api.as(world.otherWorker.userId).post(`/points/${world.elder.elderId}/adjustments`, adjust), 404, 'POINTS_HOLDER_NOT_FOUND', before);
  await expectRefusedUnchanged(await api.as(world.family.userId).post(`/points/${world.elder.elderId}/grants`, activity(10)), 403, 'ROLE_NOT_ALLOWED', before);
});
