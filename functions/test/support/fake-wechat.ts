import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';

/**
 * A loopback stand-in for WeChat's `GET /sns/jscode2session`:
 *  - `valid-<openid>` or `valid-<openid>:<anything>` → `{ openid, session_key }` the first time,
 *    `{ errcode: 40163 }` (code been used) every time after;
 *  - `bad-…` or any code it never issued → `{ errcode: 40029 }` (invalid code); `busy-…` → `{ errcode: 45011 }`
 *    (rate limited); `other-…` → `{ errcode: -1 }` (WeChat's own system error);
 *  - `mode` simulates WeChat being down: `http-500`, `hang` (never answers), `refuse` (nothing listens).
 */
export type FakeWechatMode = 'normal' | 'http-500' | 'hang' | 'refuse';

export interface FakeWechat {
  readonly url: string;
  /** The session_key handed out, so tests can check it never leaves the backend. */
  readonly sessionKeys: string[];
  readonly requests: URLSearchParams[];
  /** A fresh, unused code that signs in as `openid`. */
  codeFor(openid: string): string;
  setMode(mode: FakeWechatMode): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const usedCodes = new Set<string>();
  const sessionKeys: string[] = [];
  const requests: URLSearchParams[] = [];
  let mode: FakeWechatMode = 'normal';

  const answer = (res: ServerResponse, body: object) => {
    res.writeHead(200, { 'content-type': 'text/plain' }); // WeChat really answers JSON as text/plain
    res.end(JSON.stringify(body));
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.searchParams);
    if (mode === 'hang') return; // the connection stays open until close()
    if (mode === 'http-500') {
      res.writeHead(500);
      res.end('internal error');
      return;
    }
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
    async setMode(next) {
      if (next === 'refuse' && server.listening) await stop();
      if (next !== 'refuse' && !server.listening) await listen();
      if (next !== 'hang') server.closeAllConnections();
      mode = next;
    },
    close: stop,
  };
}
