import { randomBytes } from 'node:crypto';
import { useApi, errorCode } from '../support/api';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { createCommunity, createUser, tableItemsButAttempts } from '../support/seed';
import { User, WechatIdentity } from '../../src/features/people/entities';
import { setClock } from '../../src/platform/clock';
import { seedDemoData } from '../../src/local/bootstrap';
import { STANDING_CACHE_SECONDS } from '../../src/features/people/rules/standing';

/**
 * Workers and service staff: the admin adds them by name and phone with a one-time code; the person signs in
 * with WeChat and enters it to take over the account; a move or retirement ends the old rights at once in
 * the container that made it, and everywhere within a minute.
 */
const api = useApi();
let wechat: FakeWechat;
const NOW = '2030-03-04T00:30:00.000Z';
const admin = () => api.as('demo-admin');
const key = () => `k-${randomBytes(8).toString('hex')}`;

beforeAll(async () => {
  wechat = await startFakeWechat();
  process.env.WECHAT_API_BASE = wechat.url;
  setClock(NOW);
  await seedDemoData();
});
afterAll(async () => wechat?.close());
beforeEach(() => setClock(NOW));

const signIn = async (openid: string) => (await api.anonymous.post('/auth/wechat', { code: wechat.codeFor(openid) })).body;
const addWorker = async (name: string, place: { communityId?: string; centreId?: string }, role: 'worker' | 'staff' = 'worker') =>
  (await admin().post('/workers', { role, name, phone: '13907341234', ...place, idempotencyKey: key() })).body;
const listed = async (userId: string) => {
  const page = (await admin().get('/workers?limit=50')).body;
  return page.items.find((item: { userId: string }) => item.userId === userId);
};
/** A worker added, signed in with WeChat and bound by the code: their session. */
async function boundWorker(name: string, communityId: string, openid: string) {
  const added = await addWorker(name, { communityId });
  const newcomer = await signIn(openid);
  const claimed = await api.as(newcomer.token).post('/me/staff-claim', { code: added.code.code });
  expect(claimed.status).toBe(200);
  return { userId: added.worker.userId as string, token: claimed.body.token as string };
}
const elders = (token: string, communityId: string) => api.as(token).get(`/communities/${communityId}/elders`);

test('a worker added by the admin binds their WeChat with the code and works in their community at once', async () => {
  const added = await admin().post('/workers', { role: 'worker', name: '李春花', phone: '13907341234', communityId: 'demo-comm-dongfeng', idempotencyKey: key() });
  expect(added.status).toBe(201);
  expect(added.body.code).toEqual({ code: expect.stringMatching(/^\d{6}$/), expiresAt: '2030-03-05T00:30:00.000Z' });
  expect(added.body.worker).toMatchObject({ role: 'worker', name: '李春花', phone: '13907341234', communityName: '东风社区', centreName: '学院路街道综合养老服务中心', status: 'invited' });
  // The list shows who holds an unused code, and until when.
  expect(await listed(added.body.worker.userId)).toMatchObject({ status: 'invited', liveCode: added.body.code });

  const newcomer = await signIn('openid-lichunhua');
  expect(newcomer.user.role).toBe('family');
  const claimed = await api.as(newcomer.token).post('/me/staff-claim', { code: added.body.code.code });
  expect(claimed.status).toBe(200);
  expect(claimed.body.user).toMatchObject({ userId: added.body.worker.userId, role: 'worker', name: '李春花', communityId: 'demo-comm-dongfeng', centreId: 'demo-centre-xueyuan' });
  expect((await elders(claimed.body.token, 'demo-comm-dongfeng')).status).toBe(200);
  // The placeholder is gone; the same WeChat signs in as the worker from now on; the code is spent.
  expect((await User.get({ userId: newcomer.user.userId }).go()).data).toBeNull();
  expect((await signIn('openid-lichunhua')).user).toMatchObject({ userId: added.body.worker.userId, role: 'worker' });
  expect(await listed(added.body.worker.userId)).toMatchObject({ status: 'active', liveCode: null });
  const again = await api.as((await signIn('openid-someone')).token).post('/me/staff-claim', { code: added.body.code.code });
  expect([again.status, errorCode(again)]).toEqual([410, 'STAFF_CODE_USED']);
});

test('the county’s list has the workers already at work, and nobody of another county', async () => {
  expect(await listed('demo-worker-dongfeng')).toMatchObject({ role: 'worker', name: '陈志明', communityName: '东风社区', status: 'active', liveCode: null });
  const elsewhere = await createCommunity('河西社区');
  const otherAdmin = await createUser('admin', { countyId: elsewhere.countyId });
  expect((await api.as(otherAdmin.userId).get('/workers')).body).toEqual({ items: [], cursor: null });
});

test('a retried add (same idempotency key) answers the same account and code, never a second account', async () => {
  const body = { role: 'worker', name: '何静', phone: '13907345678', communityId: 'demo-comm-xueyuan', idempotencyKey: key() };
  // The answer was lost: the phone sends the same request again.
  const first = await admin().post('/workers', body);
  const second = await admin().post('/workers', body);
  expect([first.status, second.status]).toEqual([201, 201]);
  expect(second.body.worker.userId).toBe(first.body.worker.userId);
  expect(second.body.code).toEqual(first.body.code);
  // Sent twice at the same moment: one account.
  const twice = { ...body, name: '何静同时', idempotencyKey: key() };
  const [a, b] = await Promise.all([admin().post('/workers', twice), admin().post('/workers', twice)]);
  expect(b.body.worker.userId).toBe(a.body.worker.userId);
  const page = (await admin().get('/workers?limit=50')).body;
  expect(page.items.filter((item: { name: string }) => item.name.startsWith('何静'))).toHaveLength(2);
  const reused = await admin().post('/workers', { ...body, name: '何静二' });
  expect([reused.status, errorCode(reused)]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
});

test('a service staff member belongs to a centre; their session reaches nothing of the canteen yet', async () => {
  const added = await addWorker('马丽', { centreId: 'demo-centre-guzhangping' }, 'staff');
  expect(added.worker).toMatchObject({ role: 'staff', centreId: 'demo-centre-guzhangping', centreName: '古丈坪镇综合养老服务中心' });
  expect(added.worker.communityId).toBeUndefined();
  const newcomer = await signIn('openid-mali');
  const claimed = (await api.as(newcomer.token).post('/me/staff-claim', { code: added.code.code })).body;
  expect(claimed.user).toMatchObject({ role: 'staff', centreId: 'demo-centre-guzhangping' });
  expect((await api.as(claimed.token).get('/me')).body.user.role).toBe('staff');
  const board = await api.as(claimed.token).get('/centres/demo-centre-guzhangping/board?date=2030-03-04&meal=lunch');
  expect([board.status, errorCode(board)]).toEqual([403, 'ROLE_NOT_ALLOWED']);
});

test('a new code replaces the earlier one, a revoked code is dead, and another kind of code is answered as unknown', async () => {
  const added = await addWorker('周强', { communityId: 'demo-comm-xueyuan' });
  const renewed = (await admin().post(`/workers/${added.worker.userId}/codes`)).body;
  expect(renewed.liveCode.code).not.toBe(added.code.code);
  const newcomer = await signIn('openid-zhouqiang');
  const old = await api.as(newcomer.token).post('/me/staff-claim', { code: added.code.code });
  expect([old.status, errorCode(old)]).toEqual([410, 'STAFF_CODE_REVOKED']);
  expect((await admin().delete(`/workers/${added.worker.userId}/codes`)).status).toBe(204);
  expect((await listed(added.worker.userId)).liveCode).toBeNull();
  const revoked = await api.as(newcomer.token).post('/me/staff-claim', { code: renewed.liveCode.code });
  expect(errorCode(revoked)).toBe('STAFF_CODE_REVOKED');
  // An elder's claim code entered here is answered like a code that does not exist.
  const claimCode = (await api.as('demo-worker-xueyuan').post('/elders/demo-elder-zhang/claim-codes')).body.code;
  const asStaff = await api.as(newcomer.token).post('/me/staff-claim', { code: claimCode });
  expect([asStaff.status, errorCode(asStaff)]).toEqual([404, 'STAFF_CODE_NOT_FOUND']);
});

test('wrong codes count against the same limit as every one-time code: five, then 429 even for the right code', async () => {
  const added = await addWorker('吴敏', { communityId: 'demo-comm-xueyuan' });
  const newcomer = await signIn('openid-guesser');
  const wrong = ['000001', '000002', '000003', '000004', '000005'].filter((code) => code !== added.code.code).slice(0, 4);
  for (const code of wrong) expect((await api.as(newcomer.token).post('/me/staff-claim', { code })).status).toBe(404);
  // The fifth wrong try is an elder claim code's route: the tries are the account's, whatever the code's kind.
  expect((await api.as(newcomer.token).post('/me/claim', { code: '999999' })).status).toBe(404);
  const blocked = await api.as(newcomer.token).post('/me/staff-claim', { code: added.code.code });
  expect([blocked.status, errorCode(blocked)]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
  expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
  expect((await listed(added.worker.userId)).status).toBe('invited');
});

test('moving a worker ends the old community’s rights with the next request; a new sign-in carries the new community', async () => {
  const worker = await boundWorker('郑燕', 'demo-comm-xueyuan', 'openid-zhengyan');
  expect((await elders(worker.token, 'demo-comm-xueyuan')).status).toBe(200);
  const moved = await admin().put(`/workers/${worker.userId}/place`, { communityId: 'demo-comm-guzhangping' });
  expect(moved.body).toMatchObject({ communityId: 'demo-comm-guzhangping', centreId: 'demo-centre-guzhangping', communityName: '古丈坪社区' });
  for (const path of ['/communities/demo-comm-xueyuan/elders', '/me']) {
    const refused = await api.as(worker.token).get(path);
    expect([refused.status, errorCode(refused)]).toEqual([401, 'SESSION_REVOKED']);
    expect(refused.body.error.message).toBe('您的岗位有变动，请重新登录。');
  }
  const again = await signIn('openid-zhengyan');
  expect(again.user).toMatchObject({ communityId: 'demo-comm-guzhangping' });
  expect((await elders(again.token, 'demo-comm-guzhangping')).status).toBe(200);
  expect((await elders(again.token, 'demo-comm-xueyuan')).status).toBe(404);
});

test(`a move made by another function container ends the old rights within ${STANDING_CACHE_SECONDS} seconds`, async () => {
  const worker = await boundWorker('冯刚', 'demo-comm-xueyuan', 'openid-fenggang');
  expect((await elders(worker.token, 'demo-comm-xueyuan')).status).toBe(200);
  // Written straight to the table: this container still holds the worker's standing from the request above.
  await User.patch({ userId: worker.userId }).set({ communityId: 'demo-comm-dongfeng' }).go();
  expect((await elders(worker.token, 'demo-comm-xueyuan')).status).toBe(200);
  setClock(new Date(Date.parse(NOW) + STANDING_CACHE_SECONDS * 1000));
  const refused = await elders(worker.token, 'demo-comm-xueyuan');
  expect([refused.status, errorCode(refused)]).toEqual([401, 'SESSION_REVOKED']);
});

test('retiring a worker ends their access at once; their WeChat signs in afresh as a newcomer; they cannot be moved or given a code', async () => {
  const worker = await boundWorker('钱伟', 'demo-comm-xueyuan', 'openid-qianwei');
  expect((await elders(worker.token, 'demo-comm-xueyuan')).status).toBe(200);
  const retired = await admin().post(`/workers/${worker.userId}/retire`);
  expect(retired.body).toMatchObject({ status: 'retired', liveCode: null });
  const refused = await elders(worker.token, 'demo-comm-xueyuan');
  expect([refused.status, errorCode(refused)]).toEqual([401, 'SESSION_REVOKED']);
  expect((await WechatIdentity.get({ openid: 'openid-qianwei' }).go()).data).toBeNull();
  const afterwards = await signIn('openid-qianwei');
  expect(afterwards.user).toMatchObject({ role: 'family' });
  expect(afterwards.user.userId).not.toBe(worker.userId);
  // A retried retirement is answered as done; a retired worker is neither moved nor given a code.
  expect((await admin().post(`/workers/${worker.userId}/retire`)).status).toBe(200);
  expect(errorCode(await admin().put(`/workers/${worker.userId}/place`, { communityId: 'demo-comm-dongfeng' }))).toBe('WORKER_RETIRED');
  expect(errorCode(await admin().post(`/workers/${worker.userId}/codes`))).toBe('WORKER_RETIRED');
  expect(await listed(worker.userId)).toMatchObject({ status: 'retired' });
});

test('retiring a worker whose stored WeChat id is stale (it now names someone else) still retires them, and leaves that identity alone', async () => {
  const worker = await boundWorker('褚明', 'demo-comm-xueyuan', 'openid-chuming');
  const someoneElse = await signIn('openid-stranger');
  await User.patch({ userId: worker.userId }).set({ openid: 'openid-stranger' }).go();
  const retired = await admin().post(`/workers/${worker.userId}/retire`);
  expect(retired.body).toMatchObject({ status: 'retired' });
  expect((await User.get({ userId: worker.userId }).go()).data?.status).toBe('retired');
  expect((await WechatIdentity.get({ openid: 'openid-stranger' }).go()).data?.userId).toBe(someoneElse.user.userId);
  const refused = await elders(worker.token, 'demo-comm-xueyuan');
  expect([refused.status, errorCode(refused)]).toEqual([401, 'SESSION_REVOKED']);
});

test("a worker's WeChat claimed again from a new phone (the old one lost) ends the old phone's session", async () => {
  const worker = await boundWorker('卫东', 'demo-comm-xueyuan', 'openid-weidong-old');
  expect((await elders(worker.token, 'demo-comm-xueyuan')).status).toBe(200);
  setClock(new Date(Date.parse(NOW) + 10_000));
  const code = (await admin().post(`/workers/${worker.userId}/codes`)).body.liveCode.code;
  const newPhone = await signIn('openid-weidong-new');
  const claimed = await api.as(newPhone.token).post('/me/staff-claim', { code });
  expect(claimed.status).toBe(200);
  const lost = await elders(worker.token, 'demo-comm-xueyuan');
  expect([lost.status, errorCode(lost)]).toEqual([401, 'SESSION_REVOKED']);
  expect((await elders(claimed.body.token, 'demo-comm-xueyuan')).status).toBe(200);
});

describe('bad input and another county: a coded 4xx naming the field, and nothing written', () => {
  let elsewhere: Awaited<ReturnType<typeof createCommunity>>;
  beforeAll(async () => {
    elsewhere = await createCommunity('河西社区');
  });

  test('a worker for a community of another county is 404 COMMUNITY_NOT_FOUND on communityId', async () => {
    const before = await tableItemsButAttempts();
    const response = await admin().post('/workers', { role: 'worker', name: '越界', phone: '13907341234', communityId: elsewhere.communityId, idempotencyKey: key() });
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ code: 'COMMUNITY_NOT_FOUND', details: { fields: [{ field: 'communityId', message: expect.stringMatching(/本县/) }] } });
    expect(await tableItemsButAttempts()).toEqual(before);
  });

  test('place and role must agree, and name and phone are checked, each message on its field', async () => {
    const staffId = (await addWorker('孙', { centreId: 'demo-centre-xueyuan' }, 'staff')).worker.userId;
    const before = await tableItemsButAttempts();
    const centreForWorker = await admin().post('/workers', { role: 'worker', name: '王', phone: '13907341234', centreId: 'demo-centre-xueyuan', idempotencyKey: key() });
    expect(centreForWorker.body.error.details.fields).toEqual([
      { field: 'communityId', message: '社区工作者要选所在社区' },
      { field: 'centreId', message: '社区工作者只选社区，不选服务中心' },
    ]);
    const badPhone = await admin().post('/workers', { role: 'staff', name: ' ', phone: '123', centreId: 'demo-centre-xueyuan', idempotencyKey: key() });
    expect(badPhone.body.error.details.fields.map((field: { field: string }) => field.field)).toEqual(['name', 'phone']);
    const staffToCommunity = await admin().put(`/workers/${staffId}/place`, { communityId: 'demo-comm-xueyuan' });
    expect(staffToCommunity.body.error).toMatchObject({ code: 'INVALID_INPUT', details: { fields: [{ field: 'centreId', message: '服务人员要选所在服务中心' }] } });
    expect(await tableItemsButAttempts()).toEqual(before);
  });

  test('another county’s worker is unknown to the admin: 404 WORKER_NOT_FOUND, and left as they were', async () => {
    const stranger = await createUser('worker', { communityId: elsewhere.communityId });
    for (const response of [
      await admin().put(`/workers/${stranger.userId}/place`, { communityId: 'demo-comm-xueyuan' }),
      await admin().post(`/workers/${stranger.userId}/retire`),
      await admin().post(`/workers/${stranger.userId}/codes`),
      await admin().delete(`/workers/${stranger.userId}/codes`),
    ]) {
      expect([response.status, errorCode(response)]).toEqual([404, 'WORKER_NOT_FOUND']);
    }
    expect((await User.get({ userId: stranger.userId }).go()).data).toMatchObject({ communityId: elsewhere.communityId });
  });

  test('moving a worker to where they already are is 409 SAME_PLACE', async () => {
    const added = await addWorker('陈', { communityId: 'demo-comm-xueyuan' });
    const response = await admin().put(`/workers/${added.worker.userId}/place`, { communityId: 'demo-comm-xueyuan' });
    expect([response.status, errorCode(response)]).toEqual([409, 'SAME_PLACE']);
  });
});
