import { User, WechatIdentity } from '../../src/features/people/entities';
import { verifySessionToken } from '../../src/platform/session-token';
import { errorCode, useApi } from '../support/api';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { tableItems, uniqueId } from '../support/seed';

const api = useApi();
let wechat: FakeWechat;

beforeAll(async () => {
  wechat = await startFakeWechat();
  process.env.WECHAT_API_BASE = wechat.url;
});
afterEach(() => wechat.setMode('normal'));
afterAll(() => wechat.close());

const signIn = (code: string) => api.anonymous.post('/auth/wechat', { code });

describe('WeChat sign-in', () => {
  test('a valid code gives a session token and creates a family user with that openid', async () => {
    const openid = uniqueId('openid');
    const response = await signIn(wechat.codeFor(openid));

    expect(response.status).toBe(200);
    const { token, expiresAt, user } = response.body;
    expect(user).toMatchObject({ role: 'family', name: '微信用户' });
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    await expect(verifySessionToken(token)).resolves.toMatchObject({ userId: user.userId, role: 'family' });

    const identity = (await WechatIdentity.get({ openid }).go()).data;
    expect(identity).toMatchObject({ openid, userId: user.userId });
    expect((await User.get({ userId: user.userId }).go()).data).toMatchObject({ userId: user.userId, role: 'family', openid });
  });

  test('the code, appid and secret are sent to WeChat as code2Session expects', async () => {
    const code = wechat.codeFor(uniqueId('openid'));
    await signIn(code);
    const sent = wechat.requests.at(-1)!;
    expect(Object.fromEntries(sent)).toEqual({
      appid: 'wx-test-appid',
      secret: 'wechat-test-secret',
      js_code: code,
      grant_type: 'authorization_code',
    });
  });

  test('the same person signing in again is the same user, and no second user is created', async () => {
    const openid = uniqueId('openid');
    const first = await signIn(wechat.codeFor(openid));
    const itemsAfterFirst = await tableItems();
    const second = await signIn(wechat.codeFor(openid));

    expect(second.status).toBe(200);
    expect(second.body.user.userId).toBe(first.body.user.userId);
    expect(await tableItems()).toEqual(itemsAfterFirst);
  });

  test('the same new person signing in on two phones at once becomes one user', async () => {
    const openid = uniqueId('openid');
    const responses = await Promise.all([1, 2, 3, 4, 5].map(() => signIn(wechat.codeFor(openid))));

    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(responses.map((r) => r.body.user.userId)).size).toBe(1);
    const users = (await tableItems()).filter((item) => item.openid === openid && item.__edb_e__ === 'user');
    expect(users).toHaveLength(1);
  });

  test('the session_key WeChat returns never reaches the client', async () => {
    const response = await signIn(wechat.codeFor(uniqueId('openid')));
    expect(response.status).toBe(200);
    expect(response.text).not.toContain('session_key');
    expect(response.text).not.toContain(wechat.sessionKeys.at(-1));
  });

  test('the session_key is not stored either', async () => {
    await signIn(wechat.codeFor(uniqueId('openid')));
    const stored = JSON.stringify(await tableItems());
    for (const key of wechat.sessionKeys) expect(stored).not.toContain(key);
    expect(stored).not.toContain('session_key');
  });

  test('a code already used (40163) is refused with 401 WECHAT_CODE_INVALID and nothing is stored', async () => {
    const openid = uniqueId('openid');
    const code = wechat.codeFor(openid);
    await signIn(code);
    const before = await tableItems();

    const reused = await signIn(code);

    expect(reused.status).toBe(401);
    expect(errorCode(reused)).toBe('WECHAT_CODE_INVALID');
    expect(reused.body.error.message).toBe('微信登录凭证已失效，请重新打开小程序再登录。');
    expect(await tableItems()).toEqual(before);
  });

  test('an invalid code (40029) is refused with 401 WECHAT_CODE_INVALID and nothing is stored', async () => {
    const before = await tableItems();
    const response = await signIn(`bad-${uniqueId('code')}`);
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('WECHAT_CODE_INVALID');
    expect(response.text).not.toMatch(/40029|errcode/);
    expect(await tableItems()).toEqual(before);
  });

  test('WeChat rate limiting (45011) is passed on as 429 WECHAT_RATE_LIMITED', async () => {
    const before = await tableItems();
    const response = await signIn(`busy-${uniqueId('code')}`);
    expect(response.status).toBe(429);
    expect(errorCode(response)).toBe('WECHAT_RATE_LIMITED');
    expect(await tableItems()).toEqual(before);
  });

  test('an unexpected WeChat error code means WeChat is unavailable (503)', async () => {
    const response = await signIn(`other-${uniqueId('code')}`);
    expect(response.status).toBe(503);
    expect(errorCode(response)).toBe('WECHAT_UNAVAILABLE');
  });

  describe('when WeChat is down the app is told to retry later (503 WECHAT_UNAVAILABLE, retry-after) and nothing is stored', () => {
    test.each([
      ['WeChat answers HTTP 500', 'http-500'],
      ['WeChat refuses the connection', 'refuse'],
      ['WeChat does not answer in time', 'hang'],
    ] as const)('%s', async (_, mode) => {
      const before = await tableItems();
      await wechat.setMode(mode);
      const started = Date.now();

      const response = await signIn(wechat.codeFor(uniqueId('openid')));

      expect(response.status).toBe(503);
      expect(errorCode(response)).toBe('WECHAT_UNAVAILABLE');
      expect(response.body.error.message).toBe('暂时连不上微信，请稍后再试。');
      expect(response.body.error.details).toEqual({ retryAfterSeconds: 5 });
      expect(response.headers.get('retry-after')).toBe('5');
      // The client gives up after its own timeout rather than waiting for the function to time out.
      expect(Date.now() - started).toBeLessThan(6000);
      expect(await tableItems()).toEqual(before);
    });
  });

  test('after WeChat comes back, signing in works again', async () => {
    await wechat.setMode('refuse');
    expect((await signIn(wechat.codeFor(uniqueId('openid')))).status).toBe(503);
    await wechat.setMode('normal');
    expect((await signIn(wechat.codeFor(uniqueId('openid')))).status).toBe(200);
  });
});
