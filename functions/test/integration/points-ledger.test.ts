import { setClock } from '../../src/platform/clock';
import { errorCode, useApi, type ApiResponse } from '../support/api';
import { idempotencyKey } from '../support/canteen-fixtures';
import { createWorld, tableItems } from '../support/seed';
import {
  createVolunteer,
  deliveredWish,
  expectRefusedUnchanged,
  grantPoints,
  IN_WINDOW,
  pointsEntriesOf,
  setWishSettings,
  storeItem,
} from '../support/wish-fixtures';

/**
 * A person's points: earned when a wish they fulfilled is realised, granted for volunteer hours, adjusted
 * with a reason, never below zero; the balance is always the sum of the entries. Only the person, their
 * family (for an elder) and their community read them.
 */
const api = useApi();
beforeEach(() => setClock(IN_WINDOW));

const grantBody = (overrides: Record<string, unknown> = {}) => ({ hours: 2, points: 15, reason: '重阳节敬老活动', idempotencyKey: idempotencyKey(), ...overrides });
const adjustBody = (points: number, reason = '上次多记了') => ({ points, reason, idempotencyKey: idempotencyKey() });
const pointsView = async (callerId: string, holderId: string) => (await api.as(callerId).get(`/points/${holderId}`)).body;

describe('points for a realised wish', () => {
  test('confirming earns the claimer the community’s points per wish, with a ledger entry and a leaderboard row, once', async () => {
    const world = await createWorld();
    await setWishSettings(api, world.worker.userId, world.home.communityId, { pointsPerWish: 25 });
    const volunteer = await createVolunteer(world.home, { name: '李华', partyMember: true });
    const wish = await deliveredWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);

    const confirmed = await api.as(world.family.userId).post(`/wishes/${wish.wishId}/confirm`);
    expect(confirmed.body.wish).toMatchObject({ status: 'realised', points: 25 });
    const again = await api.as(world.elder.elderId).post(`/wishes/${wish.wishId}/confirm`);
    expect([again.status, again.body.wish.status]).toEqual([200, 'realised']);

    const mine = await pointsView(volunteer.userId, volunteer.userId);
    expect(mine).toMatchObject({ holderId: volunteer.userId, holderName: '李华', kind: 'volunteer', communityName: '学院路社区', balance: 25 });
    expect(mine.entries).toEqual([{ entryId: expect.any(String), amount: 25, kind: 'wish', kindName: '实现心愿', note: '实现心愿“想请人上门理个发”', at: IN_WINDOW }]);
    const board = await api.as(volunteer.userId).get(`/communities/${world.home.communityId}/leaderboard`);
    expect(board.body).toMatchObject({ month: '2026-12', rows: [{ rank: 1, name: '李华', points: 25, partyMember: true, you: true }] });
    const seenByWorker = await api.as(world.worker.userId).get(`/communities/${world.home.communityId}/leaderboard`);
    expect(seenByWorker.body.rows).toEqual([{ rank: 1, name: '李华', points: 25, partyMember: true }]);
    expect((await api.as(volunteer.userId).get('/me/wishes')).body.balance).toBe(25);
  });

  test('a community that gives no points for a wish writes no entry', async () => {
    const world = await createWorld();
    await setWishSettings(api, world.worker.userId, world.home.communityId, { pointsPerWish: 0 });
    const volunteer = await createVolunteer(world.home);
    const wish = await deliveredWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    const confirmed = await api.as(world.worker.userId).post(`/wishes/${wish.wishId}/confirm`);
    expect(confirmed.body.wish).toMatchObject({ status: 'realised', points: 0 });
    expect(await pointsEntriesOf(volunteer.userId)).toEqual([]);
    expect((await api.as(volunteer.userId).get(`/communities/${world.home.communityId}/leaderboard`)).body.rows).toEqual([]);
  });
});

describe('points for hours and corrections', () => {
  test('hours granted twice with the same key make one entry; the same key with another body is IDEMPOTENCY_KEY_REUSED', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home, { name: '李华' });
    const body = grantBody();
    const first = await api.as(world.worker.userId).post(`/points/${volunteer.userId}/grants`, body);
    const again = await api.as(world.worker.userId).post(`/points/${volunteer.userId}/grants`, body);
    expect([first.status, again.status, first.body.balance, again.body.balance]).toEqual([200, 200, 15, 15]);
    expect(again.body.entries).toEqual([{ entryId: expect.any(String), amount: 15, kind: 'hours', kindName: '志愿服务时长', note: '重阳节敬老活动（2 小时）', at: IN_WINDOW }]);

    const before = await tableItems();
    const reused = await api.as(world.worker.userId).post(`/points/${volunteer.userId}/grants`, { ...body, points: 30 });
    await expectRefusedUnchanged(reused, 409, 'IDEMPOTENCY_KEY_REUSED', before);
    expect(await pointsEntriesOf(volunteer.userId)).toHaveLength(1);
    const board = await api.as(world.worker.userId).get(`/communities/${world.home.communityId}/leaderboard`);
    expect(board.body.rows).toEqual([{ rank: 1, name: '李华', points: 15, partyMember: false }]);
  });

  test.each([
    ['hours not in half hours', { hours: 1.2 }, 'hours', '服务时长按半小时记'],
    ['no reason', { reason: ' ' }, 'reason', '请填写事由'],
    ['zero points', { points: 0 }, 'points', '积分最少 1'],
  ])('a grant with %s is refused naming the field, nothing written', async (_case, overrides, field, message) => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const before = await tableItems();
    const refused = await api.as(world.worker.userId).post(`/points/${volunteer.userId}/grants`, grantBody(overrides));
    await expectRefusedUnchanged(refused, 400, 'INVALID_INPUT', before);
    expect(refused.body.error.details.fields[0]).toEqual({ field, message: expect.stringContaining(message) });
  });

  test('an adjustment up or down is an entry with its reason, and corrects the month on the leaderboard', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    await grantPoints(api, world.worker.userId, volunteer.userId, 20);
    const up = await api.as(world.worker.userId).post(`/points/${volunteer.userId}/adjustments`, adjustBody(5, '补记上月的活动'));
    const down = await api.as(world.worker.userId).post(`/points/${volunteer.userId}/adjustments`, adjustBody(-8));
    expect([up.status, up.body.balance, down.status, down.body.balance]).toEqual([200, 25, 200, 17]);
    expect(down.body.entries.slice(0, 2).map(({ amount, kind, kindName, note }: Record<string, unknown>) => ({ amount, kind, kindName, note }))).toEqual(
      expect.arrayContaining([
        { amount: 5, kind: 'adjust', kindName: '社区调整', note: '补记上月的活动' },
        { amount: -8, kind: 'adjust', kindName: '社区调整', note: '上次多记了' },
      ]),
    );
    const board = await api.as(world.worker.userId).get(`/communities/${world.home.communityId}/leaderboard`);
    expect(board.body.rows.map((row: { points: number }) => row.points)).toEqual([17]);
  });

  test('an adjustment below zero is refused as POINTS_NOT_ENOUGH, and nothing is written', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home, { name: '李华' });
    await grantPoints(api, world.worker.userId, volunteer.userId, 10);
    const before = await tableItems();
    const refused = await api.as(world.worker.userId).post(`/points/${volunteer.userId}/adjustments`, adjustBody(-11));
    await expectRefusedUnchanged(refused, 409, 'POINTS_NOT_ENOUGH', before);
    expect(refused.body.error.message).toBe('李华现在只有 10 分，不能减去 11 分。');
    const exact = await api.as(world.worker.userId).post(`/points/${volunteer.userId}/adjustments`, adjustBody(-10));
    expect([exact.status, exact.body.balance]).toEqual([200, 0]);
  });

  test('an adjustment of zero, or without a reason, is refused naming the field', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const before = await tableItems();
    const zero = await api.as(world.worker.userId).post(`/points/${volunteer.userId}/adjustments`, adjustBody(0));
    await expectRefusedUnchanged(zero, 400, 'INVALID_INPUT', before);
    expect(zero.body.error.details.fields[0]).toEqual({ field: 'points', message: '调整的积分不能是 0' });
    const unexplained = await api.as(world.worker.userId).post(`/points/${volunteer.userId}/adjustments`, adjustBody(5, ''));
    await expectRefusedUnchanged(unexplained, 400, 'INVALID_INPUT', before);
    expect(unexplained.body.error.details.fields[0]).toEqual({ field: 'reason', message: '请填写调整原因' });
  });

  test('the balance always equals the sum of the entries, whatever moved it', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const item = await storeItem(api, world.worker.userId, world.home.communityId, { pricePoints: 7, stock: 3 });
    const worker = api.as(world.worker.userId);
    const redeem = () => api.as(volunteer.userId).post(`/points/${volunteer.userId}/redemptions`, { itemId: item.itemId, idempotencyKey: idempotencyKey() });
    let lastRedemption = '';
    const steps: Array<[string, () => Promise<ApiResponse>, number, number]> = [
      ['grant 12', () => worker.post(`/points/${volunteer.userId}/grants`, grantBody({ points: 12 })), 200, 12],
      ['take 5 off', () => worker.post(`/points/${volunteer.userId}/adjustments`, adjustBody(-5)), 200, 7],
      ['redeem for 7', redeem, 201, 0],
      ['take 1 off', () => worker.post(`/points/${volunteer.userId}/adjustments`, adjustBody(-1)), 409, 0],
      ['grant 3 for half an hour', () => worker.post(`/points/${volunteer.userId}/grants`, grantBody({ points: 3, hours: 0.5 })), 200, 3],
      ['redeem for 7 with 3', redeem, 409, 3],
      ['add 4', () => worker.post(`/points/${volunteer.userId}/adjustments`, adjustBody(4)), 200, 7],
      ['redeem for 7', redeem, 201, 0],
      ['cancel that redemption', () => api.as(volunteer.userId).post(`/redemptions/${lastRedemption}/cancel`), 200, 7],
    ];
    for (const [what, step, status, balance] of steps) {
      const answer = await step();
      if (answer.body?.redemption) lastRedemption = answer.body.redemption.redemptionId;
      const view = await pointsView(volunteer.userId, volunteer.userId);
      const sum = (await pointsEntriesOf(volunteer.userId)).reduce((total, entry) => total + entry.amount, 0);
      expect([what, answer.status, view.balance, sum]).toEqual([what, status, balance, balance]);
      expect(view.entries.reduce((total: number, entry: { amount: number }) => total + entry.amount, 0)).toBe(sum);
    }
  });
});

describe('who reads and moves whose points', () => {
  test('a volunteer reads their own points but not another volunteer’s (404 POINTS_HOLDER_NOT_FOUND)', async () => {
    const world = await createWorld();
    const one = await createVolunteer(world.home, { name: '李华' });
    const other = await createVolunteer(world.home, { name: '张伟' });
    await grantPoints(api, world.worker.userId, other.userId, 5);
    expect((await api.as(one.userId).get(`/points/${one.userId}`)).status).toBe(200);
    for (const holderId of [other.userId, world.elder.elderId, 'nobody-here']) {
      const refused = await api.as(one.userId).get(`/points/${holderId}`);
      expect([refused.status, errorCode(refused)]).toEqual([404, 'POINTS_HOLDER_NOT_FOUND']);
    }
  });

  test('the family reads the bound elder’s points; another family and another community’s worker do not', async () => {
    const world = await createWorld();
    await grantPoints(api, world.worker.userId, world.elder.elderId, 6);
    const seen = await api.as(world.family.userId).get(`/points/${world.elder.elderId}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ holderId: world.elder.elderId, holderName: '王秀英', kind: 'elder', communityId: world.home.communityId, balance: 6 });
    expect((await api.as(world.elder.elderId).get(`/points/${world.elder.elderId}`)).body.balance).toBe(6);
    expect((await api.as(world.admin.userId).get(`/points/${world.elder.elderId}`)).status).toBe(200);
    for (const callerId of [world.otherFamily.userId, world.otherWorker.userId, world.neighbour.elderId]) {
      const refused = await api.as(callerId).get(`/points/${world.elder.elderId}`);
      expect([callerId, refused.status, errorCode(refused)]).toEqual([callerId, 404, 'POINTS_HOLDER_NOT_FOUND']);
    }
  });

  test('only a worker of the holder’s community grants or adjusts', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const before = await tableItems();
    await expectRefusedUnchanged(await api.as(world.otherWorker.userId).post(`/points/${volunteer.userId}/grants`, grantBody()), 404, 'POINTS_HOLDER_NOT_FOUND', before);
    await expectRefusedUnchanged(await api.as(world.otherWorker.userId).post(`/points/${volunteer.userId}/adjustments`, adjustBody(3)), 404, 'POINTS_HOLDER_NOT_FOUND', before);
    await expectRefusedUnchanged(await api.as(volunteer.userId).post(`/points/${volunteer.userId}/grants`, grantBody()), 403, 'ROLE_NOT_ALLOWED', before);
  });
});

describe('the monthly leaderboard', () => {
  test('highest first, equal points share a rank, and another month has its own rows', async () => {
    const world = await createWorld();
    const [a, b, c] = await Promise.all([
      createVolunteer(world.home, { name: '李华' }),
      createVolunteer(world.home, { name: '张伟' }),
      createVolunteer(world.home, { name: '王芳', partyMember: true }),
    ]);
    await grantPoints(api, world.worker.userId, a.userId, 10);
    await grantPoints(api, world.worker.userId, b.userId, 30);
    await grantPoints(api, world.worker.userId, c.userId, 10);
    const board = await api.as(a.userId).get(`/communities/${world.home.communityId}/leaderboard`);
    expect(board.body.rows.map(({ rank, points, you }: { rank: number; points: number; you?: true }) => [rank, points, you ?? false])).toEqual([
      [1, 30, false],
      [2, 10, expect.any(Boolean)],
      [2, 10, expect.any(Boolean)],
    ]);
    expect(board.body.rows.filter((row: { you?: true }) => row.you).map((row: { name: string }) => row.name)).toEqual(['李华']);

    setClock('2027-01-05T02:00:00.000Z');
    await grantPoints(api, world.worker.userId, a.userId, 4);
    expect((await api.as(a.userId).get(`/communities/${world.home.communityId}/leaderboard`)).body).toMatchObject({ month: '2027-01', rows: [{ rank: 1, name: '李华', points: 4 }] });
    expect((await api.as(a.userId).get(`/communities/${world.home.communityId}/leaderboard?month=2026-12`)).body.rows).toHaveLength(3);
  });
});
