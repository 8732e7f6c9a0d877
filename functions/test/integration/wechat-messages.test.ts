import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { forgetAccessToken, sendSubscribeMessage, type SubscribeMessageInput } from '../../src/platform/wechat-messages';

/**
 * The subscribe-message client against a loopback WeChat: one token refresh at a time, values cut to what
 * WeChat takes, and every answer WeChat gives turned into sent, refused or failed. The configuration is read
 * on each call, so pointing the environment at the fake in beforeAll is enough.
 */
let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
  Object.assign(process.env, {
    WECHAT_API_BASE: wechat.url,
    WECHAT_APPID: 'wx-test-appid',
    WECHAT_SECRET: 'wechat-test-secret',
    WECHAT_RETRY_BASE_MS: '5',
  });
});
beforeEach(() => forgetAccessToken());
afterEach(async () => {
  wechat.setTokenDelay(0);
  await wechat.setMode('normal');
});
afterAll(() => wechat.close());

let serial = 0;
const message = (data: Record<string, string> = { thing1: '午餐已送到', phrase2: '已送达' }): SubscribeMessageInput => {
  serial += 1;
  return { openid: `openid-${serial}`, templateId: 'tmpl-meal', page: 'pages/messages/index', data };
};

/** What a test changed on the fake, counted from the moment it started. */
const countsFrom = () => {
  const tokens = wechat.tokenRequests;
  const attempts = wechat.sendAttempts;
  const messages = wechat.messages.length;
  return () => ({
    tokenRequests: wechat.tokenRequests - tokens,
    sendAttempts: wechat.sendAttempts - attempts,
    messages: wechat.messages.slice(messages),
  });
};

describe('the access token', () => {
  test('20 concurrent sends with no token fetch exactly one token, and all 20 are delivered', async () => {
    const counts = countsFrom();
    wechat.setTokenDelay(100);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => sendSubscribeMessage(message())));
    expect(outcomes).toEqual(Array(20).fill({ status: 'sent', attempts: 1 }));
    expect(counts().tokenRequests).toBe(1);
    expect(counts().messages).toHaveLength(20);
  });

  test('the token is kept for later sends, not fetched for each', async () => {
    const counts = countsFrom();
    for (let i = 0; i < 3; i += 1) await sendSubscribeMessage(message());
    expect(counts().tokenRequests).toBe(1);
  });

  test('a token is not used in its last 5 minutes: one given with 300 seconds left is fetched again next time', async () => {
    wechat.tokenLifetimeSeconds = 300;
    try {
      const counts = countsFrom();
      await sendSubscribeMessage(message());
      await sendSubscribeMessage(message());
      expect(counts().tokenRequests).toBe(2);
    } finally {
      wechat.tokenLifetimeSeconds = 7200;
    }
  });

  test('the message goes as WeChat expects: touser, template, page, values, miniprogram_state and lang', async () => {
    const counts = countsFrom();
    const input = message({ thing1: '张奶奶的午餐已送到', time2: '2025年3月1日 12:05' });
    expect(await sendSubscribeMessage(input)).toEqual({ status: 'sent', attempts: 1 });
    expect(counts().messages).toEqual([
      {
        touser: input.openid,
        template_id: 'tmpl-meal',
        page: 'pages/messages/index',
        data: { thing1: { value: '张奶奶的午餐已送到' }, time2: { value: '2025年3月1日 12:05' } },
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      },
    ]);
    expect(wechat.requests.at(-1)?.get('access_token')).toMatch(/^tok-\d+$/);
  });

  test('a token WeChat will not give (no appid: 40013) fails the send at once', async () => {
    const appid = process.env.WECHAT_APPID;
    process.env.WECHAT_APPID = '';
    try {
      expect(await sendSubscribeMessage(message())).toEqual({
        status: 'failed',
        code: 40013,
        reason: '取不到微信调用凭证（40013：invalid appid）',
        attempts: 1,
      });
    } finally {
      process.env.WECHAT_APPID = appid;
    }
  });

  test('an expired token is refreshed once and the message still goes', async () => {
    await sendSubscribeMessage(message());
    wechat.expireTokens();
    const counts = countsFrom();
    expect(await sendSubscribeMessage(message())).toEqual({ status: 'sent', attempts: 2 });
    expect(counts().tokenRequests).toBe(1);
    expect(counts().messages).toHaveLength(1);
  });

  test('sends that all find the token expired refresh it once between them', async () => {
    await sendSubscribeMessage(message());
    wechat.expireTokens();
    wechat.setTokenDelay(50);
    const counts = countsFrom();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => sendSubscribeMessage(message())));
    expect(outcomes.every((outcome) => outcome.status === 'sent')).toBe(true);
    expect(counts().tokenRequests).toBe(1);
    expect(counts().messages).toHaveLength(5);
  });

  test('a failed refresh is not shared with later sends: the next send asks again', async () => {
    await wechat.setMode('http-500');
    const counts = countsFrom();
    expect((await sendSubscribeMessage(message())).status).toBe('failed');
    await wechat.setMode('normal');
    expect(await sendSubscribeMessage(message())).toEqual({ status: 'sent', attempts: 1 });
    expect(counts().messages).toHaveLength(1);
  });
});

describe('values', () => {
  test("values are cut to WeChat's limits and the fake accepts them", async () => {
    const counts = countsFrom();
    const outcome = await sendSubscribeMessage(
      message({
        thing1: '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十',
        phrase2: '配送中请稍候',
        thing3: '😀'.repeat(25),
        character_string4: 'A'.repeat(40),
        name5: '',
      }),
    );
    expect(outcome).toEqual({ status: 'sent', attempts: 1 });
    const { data } = counts().messages[0];
    expect(Array.from(data.thing1.value)).toHaveLength(20);
    expect(data.thing1.value).toBe('一二三四五六七八九十一二三四五六七八九…');
    expect(data.phrase2.value).toBe('配送中请稍');
    // Emoji are one character each and never split into half a surrogate pair.
    expect(data.thing3.value).toBe(`${'😀'.repeat(19)}…`);
    expect(data.character_string4.value).toBe('A'.repeat(32));
    expect(data.name5.value).toBe('-');
  });

  test('the fake refuses what WeChat refuses: a value too long for its kind is 47003', async () => {
    const token = await (
      await fetch(new URL('/cgi-bin/stable_token', wechat.url), {
        method: 'POST',
        body: JSON.stringify({ grant_type: 'client_credential', appid: 'wx-test-appid', secret: 's' }),
      })
    ).json();
    const send = await fetch(new URL(`/cgi-bin/message/subscribe/send?access_token=${token.access_token}`, wechat.url), {
      method: 'POST',
      body: JSON.stringify({ touser: 'openid-x', template_id: 'tmpl-meal', data: { thing1: { value: 'x'.repeat(21) } } }),
    });
    expect(await send.json()).toEqual({ errcode: 47003, errmsg: 'argument invalid! data.thing1.value' });
  });
});

describe('outcomes', () => {
  test('43101 is refused at once and never retried', async () => {
    const input = message();
    wechat.refuse(input.openid);
    const counts = countsFrom();
    expect(await sendSubscribeMessage(input)).toEqual({
      status: 'refused',
      code: 43101,
      reason: '微信拒收：用户没有订阅这类消息（43101）',
      attempts: 1,
    });
    expect(counts().sendAttempts).toBe(1);
    expect(counts().messages).toEqual([]);
  });

  test('a refusal for one template leaves the same user’s other templates alone', async () => {
    const input = message();
    wechat.refuse(input.openid, 'tmpl-other');
    expect((await sendSubscribeMessage(input)).status).toBe('sent');
    expect((await sendSubscribeMessage({ ...input, templateId: 'tmpl-other' })).status).toBe('refused');
  });

  test('rate limits are retried: 45011 twice, then sent on the third attempt', async () => {
    await sendSubscribeMessage(message()); // a token in hand, so every attempt below is a send
    wechat.failNext(2, 45011);
    const counts = countsFrom();
    expect(await sendSubscribeMessage(message())).toEqual({ status: 'sent', attempts: 3 });
    expect(counts().sendAttempts).toBe(3);
    expect(counts().messages).toHaveLength(1);
  });

  test('a busy WeChat (-1) is retried', async () => {
    await sendSubscribeMessage(message());
    wechat.failNext(1, -1);
    expect(await sendSubscribeMessage(message())).toEqual({ status: 'sent', attempts: 2 });
  });

  test('HTTP 500 four times fails after 4 attempts, and the reason names HTTP 500', async () => {
    await sendSubscribeMessage(message());
    wechat.failNext(4, 'http-500');
    const counts = countsFrom();
    const outcome = await sendSubscribeMessage(message());
    expect(outcome).toEqual({ status: 'failed', reason: '微信暂时不可用（HTTP 500），试了 4 次', attempts: 4 });
    expect(counts().sendAttempts).toBe(4);
    expect(counts().messages).toEqual([]);
  });

  test('47003 fails at once, with WeChat’s message in the reason', async () => {
    await sendSubscribeMessage(message());
    wechat.failNext(1, 47003);
    const counts = countsFrom();
    expect(await sendSubscribeMessage(message())).toEqual({
      status: 'failed',
      code: 47003,
      reason: '微信说参数不对（47003：argument invalid!）',
      attempts: 1,
    });
    expect(counts().sendAttempts).toBe(1);
  });

  test('an invalid openid (40003) fails at once', async () => {
    await sendSubscribeMessage(message());
    wechat.failNext(1, 40003);
    expect(await sendSubscribeMessage(message())).toMatchObject({ status: 'failed', code: 40003, attempts: 1 });
  });

  test('WeChat down (nothing listens) is failed, never thrown', async () => {
    await wechat.setMode('refuse');
    const outcome = await sendSubscribeMessage(message());
    expect(outcome).toEqual({ status: 'failed', reason: '连不上微信，试了 4 次', attempts: 4 });
  });

  test('a missing secret fails the send instead of throwing', async () => {
    const secret = process.env.WECHAT_SECRET;
    delete process.env.WECHAT_SECRET;
    try {
      const outcome = await sendSubscribeMessage(message());
      expect(outcome).toMatchObject({ status: 'failed', attempts: 1 });
    } finally {
      process.env.WECHAT_SECRET = secret;
    }
  });
});
