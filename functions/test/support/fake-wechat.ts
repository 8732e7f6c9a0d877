import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';

/**
 * A loopback stand-in for WeChat. `GET /sns/jscode2session`:
 *  - `valid-<openid>` or `valid-<openid>:<anything>` → `{ openid, session_key }` the first time,
 *    `{ errcode: 40163 }` (code been used) every time after;
 *  - `bad-…` or any code it never issued → `{ errcode: 40029 }` (invalid code); `busy-…` → `{ errcode: 45011 }`
 *    (rate limited); `other-…` → `{ errcode: -1 }` (WeChat's own system error).
 * `POST /cgi-bin/stable_token` → `{ access_token: 'tok-<n>', expires_in }` (`{ errcode: 40013 }` without appid or secret).
 * `POST /cgi-bin/message/subscribe/send`: 40001 for a token it never issued, 42001 for an expired one, 47003 for a
 * value WeChat would refuse (empty, or longer than its key's kind allows), 43101 for a user `refuse`d.
 * `mode` simulates WeChat being down, on every endpoint: `http-500`, `hang` (never answers), `refuse` (nothing listens).
 */
export type FakeWechatMode = 'normal' | 'http-500' | 'hang' | 'refuse';

/** A subscribe message the fake accepted, as WeChat received it. */
export interface FakeWechatMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
}

/**
 * WeChat's limits per kind of data key, in characters (code points), from "订阅消息参数值内容限制说明" under
 * sendMessage. Written out here rather than imported, so the fake checks the client instead of agreeing with it.
 */
const fieldLimits: Record<string, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phone_number: 17,
  car_number: 8,
};

const errmsgs: Record<number, string> = {
  [-1]: 'system error',
  40003: 'invalid openid',
  40037: 'invalid template_id',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit',
  47003: 'argument invalid!',
};

export interface FakeWechat {
  readonly url: string;
  /** The session_key handed out, so tests can check it never leaves the backend. */
  readonly sessionKeys: string[];
  /** The query of every request that arrived (code2Session sends everything in it). */
  readonly requests: URLSearchParams[];
  /** A fresh, unused code that signs in as `openid`. */
  codeFor(openid: string): string;
  /** How many times `stable_token` was asked. */
  readonly tokenRequests: number;
  /** The `expires_in` of tokens handed out from now on; 7200 unless set (at start or later). */
  tokenLifetimeSeconds: number;
  /** Makes `stable_token` wait this long before answering, so concurrent sends overlap a slow refresh. */
  setTokenDelay(ms: number): void;
  /** Every token handed out so far answers 42001 (expired) from now on. */
  expireTokens(): void;
  /** Sends to `openid` (with `templateId`, or with any template) answer 43101 from now on. */
  refuse(openid: string, templateId?: string): void;
  /** The next `times` sends fail with that errcode, or with HTTP 500. */
  failNext(times: number, how: number | 'http-500'): void;
  /** Every subscribe message accepted, in order. */
  readonly messages: FakeWechatMessage[];
  /** Every send that arrived, accepted or not. */
  readonly sendAttempts: number;
  setMode(mode: FakeWechatMode): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeWechat(options: { tokenLifetimeSeconds?: number } = {}): Promise<FakeWechat> {
  const usedCodes = new Set<string>();
  const sessionKeys: string[] = [];
  const requests: URLSearchParams[] = [];
  let mode: FakeWechatMode = 'normal';
  const hung = new Set<ServerResponse>();

  let tokenRequests = 0;
  let tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 7200;
  let tokenDelayMs = 0;
  /** Token → when it stops working (ms since epoch). */
  const tokens = new Map<string, number>();
  const expiredTokens = new Set<string>();
  /** openid → the templates it refuses; '*' for every template. */
  const refusals = new Map<string, Set<string>>();
  const failures: Array<number | 'http-500'> = [];
  const messages: FakeWechatMessage[] = [];
  let sendAttempts = 0;

  const answer = (res: ServerResponse, body: object) => {
    res.writeHead(200, { 'content-type': 'text/plain' }); // WeChat really answers JSON as text/plain
    res.end(JSON.stringify(body));
  };
  const failWith = (res: ServerResponse, errcode: number) => answer(res, { errcode, errmsg: errmsgs[errcode] ?? 'error' });

  const readJson = async (req: IncomingMessage): Promise<Record<string, any>> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, any>) : {};
    } catch {
      return {};
    }
  };

  const stableToken = async (req: IncomingMessage, res: ServerResponse) => {
    tokenRequests += 1;
    const body = await readJson(req);
    if (tokenDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, tokenDelayMs));
    if (body.grant_type !== 'client_credential') return answer(res, { errcode: 40002, errmsg: 'invalid grant_type' });
    if (!body.appid || !body.secret) return answer(res, { errcode: 40013, errmsg: 'invalid appid' });
    const token = `tok-${tokenRequests}`;
    tokens.set(token, Date.now() + tokenLifetimeSeconds * 1000);
    answer(res, { access_token: token, expires_in: tokenLifetimeSeconds });
  };

  /** The first data value WeChat would refuse, as its errmsg. */
  const invalidField = (data: Record<string, any>): string | undefined => {
    for (const [key, field] of Object.entries(data)) {
      const value: unknown = field?.value;
      if (value === '' || value === undefined) return `argument invalid! data.${key}.value is empty`;
      if (typeof value !== 'string') return `argument invalid! data.${key}.value invalid`;
      const limit = fieldLimits[/^[A-Za-z_]+/.exec(key)?.[0] ?? ''];
      if (limit !== undefined && Array.from(value).length > limit) return `argument invalid! data.${key}.value`;
    }
    return undefined;
  };

  const send = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    sendAttempts += 1;
    const body = await readJson(req);
    const failure = failures.shift();
    if (failure === 'http-500') {
      res.writeHead(500);
      res.end('internal error');
      return;
    }
    if (failure !== undefined) return failWith(res, failure);
    const token = url.searchParams.get('access_token') ?? '';
    const validUntil = tokens.get(token);
    if (validUntil === undefined) return answer(res, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
    if (expiredTokens.has(token) || Date.now() > validUntil) return answer(res, { errcode: 42001, errmsg: 'access_token expired' });
    if (typeof body.touser !== 'string' || body.touser === '') return failWith(res, 40003);
    if (typeof body.template_id !== 'string' || body.template_id === '') return failWith(res, 40037);
    if (!body.data || typeof body.data !== 'object') return answer(res, { errcode: 47003, errmsg: 'argument invalid! data is empty' });
    const invalid = invalidField(body.data);
    if (invalid) return answer(res, { errcode: 47003, errmsg: invalid });
    const refused = refusals.get(body.touser);
    if (refused && (refused.has('*') || refused.has(body.template_id))) return failWith(res, 43101);
    const { touser, template_id, page, data, miniprogram_state, lang } = body;
    messages.push({ touser, template_id, page, data, miniprogram_state, lang });
    answer(res, { errcode: 0, errmsg: 'ok', msgid: messages.length });
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.searchParams);
    if (mode === 'hang') return void hung.add(res); // the connection stays open until the mode changes or close()
    if (mode === 'http-500') {
      res.writeHead(500);
      res.end('internal error');
      return;
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') return void stableToken(req, res).catch(() => res.destroy());
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') return void send(req, res, url).catch(() => res.destroy());
    if (url.pathname !== '/sns/jscode2session') {
      res.writeHead(404);
      res.end();
      return;
    }
    const code = url.searchParams.get('js_code') ?? '';
    if (code.startsWith('bad-')) return answer(res, { errcode: 40029, errmsg: 'invalid code' });
    if (code.startsWith('busy-')) return answer(res, { errcode: 45011, errmsg: 'api minute-quota reach limit' });
    if (code.startsWith('other-')) return answer(res, { errcode: -1, errmsg: 'system error' });
    // Like WeChat, any code it never issued is simply invalid.
    if (!code.startsWith('valid-')) return answer(res, { errcode: 40029, errmsg: 'invalid code' });
    if (usedCodes.has(code)) return answer(res, { errcode: 40163, errmsg: 'code been used' });
    usedCodes.add(code);
    const sessionKey = randomBytes(16).toString('base64');
    sessionKeys.push(sessionKey);
    answer(res, { openid: code.slice('valid-'.length).split(':')[0], session_key: sessionKey });
  };

  let server: Server = createServer(handle);
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer(handle);
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        port = typeof address === 'object' && address ? address.port : port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  await listen();

  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    sessionKeys,
    requests,
    codeFor: (openid) => `valid-${openid}:${randomBytes(4).toString('hex')}`,
    get tokenRequests() {
      return tokenRequests;
    },
    get tokenLifetimeSeconds() {
      return tokenLifetimeSeconds;
    },
    set tokenLifetimeSeconds(seconds: number) {
      tokenLifetimeSeconds = seconds;
    },
    setTokenDelay(ms) {
      tokenDelayMs = ms;
    },
    expireTokens() {
      for (const token of tokens.keys()) expiredTokens.add(token);
    },
    refuse(openid, templateId) {
      const refused = refusals.get(openid) ?? new Set<string>();
      refused.add(templateId ?? '*');
      refusals.set(openid, refused);
    },
    failNext(times, how) {
      for (let i = 0; i < times; i += 1) failures.push(how);
    },
    messages,
    get sendAttempts() {
      return sendAttempts;
    },
    async setMode(next) {
      if (next === 'refuse' && server.listening) await stop();
      if (next !== 'refuse' && !server.listening) await listen();
      // Frees the requests left hanging, and only those: closing idle keep-alive sockets under a client that is
      // about to reuse them would turn its next request into a network error.
      if (next !== 'hang') {
        for (const res of hung) res.destroy();
        hung.clear();
      }
      mode = next;
    },
    close: stop,
  };
}
