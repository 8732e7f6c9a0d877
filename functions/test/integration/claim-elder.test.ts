import { useApi, errorCode } from '../support/api';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { User, WechatIdentity } from '../../src/features/people/entities';
import { setClock } from '../../src/platform/clock';
import { seedDemoData } from '../../src/local/bootstrap';
import { PRIVACY_NOTICE_VERSION } from '@yilin/contract';
import { PrivacyAcceptance } from '../../src/features/consent/entities';

/**
 * An elder with their own WeChat: the first sign-in makes a family account; a worker's 6-digit claim
 * code turns that account into the elder's own, once.
 */
const api = useApi();

/** A six-digit code that is none of `taken`. */
const unusedCode = (taken: string[]) => ['000000', '111111', '222222', '333333'].find((candidate) => !taken.includes(candidate))!;
let wechat: FakeWechat;
const NOW = '2030-03-04T00:30:00.000Z';

beforeAll(async () => {
  wechat = await startFakeWechat();
  process.env.WECHAT_API_BASE = wechat.url;
  setClock(NOW);
  await seedDemoData();
});
afterAll(async () => wechat?.close());
beforeEach(() => setClock(NOW));

const signIn = async (openid: string) => (await api.anonymous.post('/auth/wechat', { code: wechat.codeFor(openid) })).body;
const claimCode = async (elderId: string) => (await api.as('demo-worker-xueyuan').post(`/elders/${elderId}/claim-codes`)).body.code as string;

test('an elder who signs in with their own WeChat and enters the worker’s claim code becomes that elder, for good', async () => {
  const first = await signIn('openid-zhang');
  expect(first.user.role).toBe('family');
  const code = await claimCode('demo-elder-zhang');
  const claimed = await api.as(first.token).post('/me/claim', { code });
  expect(claimed.status).toBe(200);
  expect(claimed.body.user).toMatchObject({ userId: 'demo-elder-zhang', role: 'elder', name: '张桂兰' });
  expect((await api.as(claimed.body.token).get('/me')).body.elder.name).toBe('张桂兰');
  // The placeholder account is gone, and the next sign-in with the same WeChat is the elder.
  expect((await User.get({ userId: first.user.userId }).go()).data).toBeNull();
  expect((await signIn('openid-zhang')).user).toMatchObject({ userId: 'demo-elder-zhang', role: 'elder' });
  // The placeholder's old token acts no more: it can neither bind nor claim.
  const invitation = (await api.as('demo-elder-li').post('/elders/demo-elder-li/binding-codes')).body.code;
  for (const [path, body] of [['/bindings', { code: invitation, relation: 'son' }], ['/me/claim', { code: await claimCode('demo-elder-li') }]] as const) {
    const stale = await api.as(first.token).post(path, body);
    expect([stale.status, errorCode(stale)]).toEqual([401, 'SESSION_INVALID']);
  }
  expect((await api.as(first.token).get('/me')).status).toBe(401);
  // The code cannot be used twice.
  const other = await signIn('openid-stranger');
  expect(errorCode(await api.as(other.token).post('/me/claim', { code }))).toBe('CLAIM_CODE_USED');
});

test('the privacy notice the newcomer just accepted comes with the elder account they claim: not asked twice', async () => {
  await PrivacyAcceptance.delete({ userId: 'demo-elder-wu', version: PRIVACY_NOTICE_VERSION }).go();
  const newcomer = await signIn('openid-wu');
  expect((await api.as(newcomer.token).post('/me/consents/privacy', { version: PRIVACY_NOTICE_VERSION })).status).toBe(200);
  const code = (await api.as('demo-worker-guzhangping').post('/elders/demo-elder-wu/claim-codes')).body.code as string;
  const claimed = await api.as(newcomer.token).post('/me/claim', { code });
  expect(claimed.status).toBe(200);
  expect((await api.as(claimed.body.token).get('/me')).body.privacyNotice).toMatchObject({ version: PRIVACY_NOTICE_VERSION, accepted: true });
});

test('claiming again from a new phone moves the elder to the new WeChat; the old one signs in as a newcomer', async () => {
  const oldPhone = await signIn('openid-sun-old');
  await api.as('demo-worker-dongfeng').post('/elders/demo-elder-sun/claim-codes');
  const codeA = (await api.as('demo-worker-dongfeng').post('/elders/demo-elder-sun/claim-codes')).body.code;
  expect((await api.as(oldPhone.token).post('/me/claim', { code: codeA })).status).toBe(200);
  const newPhone = await signIn('openid-sun-new');
  const codeB = (await api.as('demo-worker-dongfeng').post('/elders/demo-elder-sun/claim-codes')).body.code;
  expect((await api.as(newPhone.token).post('/me/claim', { code: codeB })).body.user.userId).toBe('demo-elder-sun');
  expect((await WechatIdentity.get({ openid: 'openid-sun-old' }).go()).data).toBeNull();
  expect((await signIn('openid-sun-old')).user.role).toBe('family');
});

test('a claim is refused for accounts that look after elders, for family invitations, and for expired codes; nothing changes', async () => {
  const code = await claimCode('demo-elder-li');
  // A relative who already looks after elders cannot become one.
  expect(errorCode(await api.as('demo-family-wanglei').post('/me/claim', { code }))).toBe('CLAIM_NOT_ALLOWED');
  // A family invitation is not a claim code, and a claim code is not a family invitation.
  const newcomer = await signIn('openid-li');
  const invitation = (await api.as('demo-elder-li').post('/elders/demo-elder-li/binding-codes')).body.code;
  // A code of the other kind is answered exactly like a code that does not exist.
  const asClaim = await api.as(newcomer.token).post('/me/claim', { code: invitation });
  const unknownClaim = await api.as(newcomer.token).post('/me/claim', { code: unusedCode([code, invitation]) });
  expect([asClaim.status, asClaim.body]).toEqual([unknownClaim.status, unknownClaim.body]);
  expect([asClaim.status, errorCode(asClaim)]).toEqual([404, 'CLAIM_CODE_NOT_FOUND']);
  const asBinding = await api.as(newcomer.token).post('/bindings', { code, relation: 'son' });
  const unknownBinding = await api.as(newcomer.token).post('/bindings', { code: unusedCode([code, invitation]), relation: 'son' });
  expect([asBinding.status, asBinding.body]).toEqual([unknownBinding.status, unknownBinding.body]);
  expect([asBinding.status, errorCode(asBinding)]).toEqual([404, 'BINDING_CODE_NOT_FOUND']);
  // A day later the code has expired.
  setClock(new Date(Date.parse(NOW) + 25 * 3600 * 1000));
  const late = await signIn('openid-li-late');
  expect(errorCode(await api.as(late.token).post('/me/claim', { code }))).toBe('CLAIM_CODE_EXPIRED');
  expect((await User.get({ userId: 'demo-elder-li' }).go()).data?.openid).toBeUndefined();
});

test('only a worker of the elder’s community issues claim codes', async () => {
  expect((await api.as('demo-worker-guzhangping').post('/elders/demo-elder-zhang/claim-codes')).status).toBe(404);
  expect((await api.as('demo-elder-zhang').post('/elders/demo-elder-zhang/claim-codes')).status).toBe(403);
});
