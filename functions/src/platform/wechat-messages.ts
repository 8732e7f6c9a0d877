import { config } from './config';
import { wechatSecret } from './secrets';
import { logger } from './logger';

/**
 * WeChat subscribe messages (订阅消息): the one push a mini-program may send, and only after the user
 * accepted that template. Each send reports what became of the message and never throws, so the
 * notifications consumer can record the outcome next to the in-app copy.
 */
export interface SubscribeMessageInput {
  openid: string;
  templateId: string;
  /** The mini-program page the message opens, e.g. `pages/messages/index`. */
  page?: string;
  /** WeChat's data keys (`thing1`, `phrase2`, `time3`, …) and their values, before fitting. */
  data: Record<string, string>;
}

export type WechatSendOutcome =
  | { status: 'sent'; attempts: number }
  /** 43101: the user has no acceptance left at WeChat (refused or spent): final, never retried. */
  | { status: 'refused'; code: number; reason: string; attempts: number }
  | { status: 'failed'; code?: number; reason: string; attempts: number };

/**
 * The most characters WeChat takes per kind of key ("订阅消息参数值内容限制说明" under sendMessage in WeChat's
 * documentation). WeChat counts characters, not UTF-16 units. `name` allows 20 for pure Latin names but 10
 * once there is any Chinese; 10 always fits. Kinds not listed (time, date, amount, enum) have formats, not
 * lengths, and go as given.
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

/** A value cut to what WeChat accepts for the key's kind (the letters of the key before its digits). */
export function fitField(key: string, value: string): string {
  const trimmed = value.trim();
  // WeChat refuses an empty value (47003 "… is empty"); a dash reads as "nothing here".
  if (trimmed === '') return '-';
  const limit = fieldLimits[/^[A-Za-z_]+/.exec(key)?.[0] ?? ''];
  // Code points, so an emoji counts once and a surrogate pair is never split.
  const chars = Array.from(trimmed);
  if (limit === undefined || chars.length <= limit) return trimmed;
  // A cut sentence says so; the other kinds are codes and names, where an ellipsis would be a wrong value.
  if (key.startsWith('thing')) return `${chars.slice(0, limit - 1).join('').trimEnd()}…`;
  return chars.slice(0, limit).join('').trimEnd();
}

const WECHAT_TIMEOUT_MS = 3000;
const MAX_ATTEMPTS = 4;
/** stable_token hands out a new token in the last 5 minutes of the old one's life: refresh before then. */
const TOKEN_MARGIN_MS = 5 * 60_000;

let cachedToken: { token: string; validUntil: number } | undefined;
let refreshing: Promise<string> | undefined;
/** Bumped by forgetAccessToken, so a refresh already under way cannot put back what was forgotten. */
let tokenGeneration = 0;

/** Forgets the cached access token (tests; and after WeChat says it is invalid). */
export function forgetAccessToken(): void {
  cachedToken = undefined;
  refreshing = undefined;
  tokenGeneration += 1;
}

/** Forgets `token` only if it is still the cached one: sends that failed together refresh once, not once each. */
function forgetToken(token: string): void {
  if (cachedToken?.token === token) cachedToken = undefined;
}

/** What went wrong, and whether another attempt might go better. */
class SendProblem extends Error {
  constructor(
    readonly kind: 'retry' | 'token' | 'final',
    readonly reason: string,
    readonly code?: number,
  ) {
    super(reason);
  }
}

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

/** One POST to WeChat; transport failures and 5xx become retryable problems, the answer is returned as is. */
async function post(path: string, body: object, query?: Record<string, string>): Promise<WechatAnswer> {
  const url = new URL(path, config.wechatApiBase);
  if (query) url.search = new URLSearchParams(query).toString();
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(WECHAT_TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new SendProblem('retry', timedOut ? `微信 ${WECHAT_TIMEOUT_MS / 1000} 秒没有回应` : '连不上微信');
  }
  if (response.status >= 500) throw new SendProblem('retry', `微信暂时不可用（HTTP ${response.status}）`);
  if (!response.ok) throw new SendProblem('final', `微信不接受这个请求（HTTP ${response.status}）`);
  try {
    // WeChat answers JSON labelled text/plain.
    return JSON.parse(await response.text()) as WechatAnswer;
  } catch {
    throw new SendProblem('retry', '微信的回答无法读懂');
  }
}

/** WeChat's errmsg without the request id (`rid: …`, `hint: [...]`) it appends to every one. */
const plainErrmsg = (errmsg: string | undefined) => (errmsg ?? '').replace(/\s*(rid:|hint:).*$/, '').trim();

async function fetchAccessToken(): Promise<string> {
  const generation = tokenGeneration;
  // stable_token, not token: several Lambda instances asking at once get the same token instead of
  // each invalidating the one the others hold.
  const answer = await post('/cgi-bin/stable_token', {
    grant_type: 'client_credential',
    appid: config.wechatAppId,
    secret: await wechatSecret(),
    force_refresh: false,
  });
  if (!answer.access_token) {
    const code = answer.errcode;
    const kind = code === -1 || code === 45009 || code === 45011 ? 'retry' : 'final';
    throw new SendProblem(kind, `取不到微信调用凭证（${code ?? '无错误码'}：${plainErrmsg(answer.errmsg)}）`, code);
  }
  const lifetimeMs = (answer.expires_in ?? 7200) * 1000;
  if (generation === tokenGeneration) {
    cachedToken = { token: answer.access_token, validUntil: Date.now() + lifetimeMs - TOKEN_MARGIN_MS };
  }
  return answer.access_token;
}

/** The cached token, or the one refresh under way: concurrent sends never ask WeChat for a token twice. */
function accessToken(): Promise<string> {
  if (cachedToken && Date.now() < cachedToken.validUntil) return Promise.resolve(cachedToken.token);
  if (!refreshing) {
    const refresh = fetchAccessToken().finally(() => {
      // Cleared on failure too, so the next send tries again.
      if (refreshing === refresh) refreshing = undefined;
    });
    refreshing = refresh;
  }
  return refreshing;
}

const TOKEN_INVALID = new Set([40001, 40014, 42001]);
const RETRYABLE = new Set([-1, 45009, 45011]);

/** The worker-readable reason for a send WeChat answered with `code`. */
function reasonFor(code: number, errmsg: string): string {
  switch (code) {
    case 43101:
      return '微信拒收：用户没有订阅这类消息（43101）';
    case -1:
      return '微信系统繁忙（-1）';
    case 45009:
    case 45011:
      return `微信限制了发送频率（${code}）`;
    case 40001:
    case 40014:
    case 42001:
      return `微信说调用凭证无效（${code}）`;
    case 40003:
      return '微信说收消息的用户不对（40003：openid 无效）';
    case 40037:
      return '微信说消息模板不对（40037：模板 id 无效）';
    case 41030:
      return `微信说打开的页面不对（41030：${errmsg}）`;
    case 47003:
      return `微信说参数不对（47003：${errmsg}）`;
    default:
      return `微信没有送出（${code}：${errmsg}）`;
  }
}

async function attemptSend(body: object): Promise<void> {
  const token = await accessToken();
  const answer = await post('/cgi-bin/message/subscribe/send', body, { access_token: token });
  const code = answer.errcode ?? 0;
  if (code === 0) return;
  const reason = reasonFor(code, plainErrmsg(answer.errmsg));
  if (TOKEN_INVALID.has(code)) {
    forgetToken(token);
    throw new SendProblem('token', reason, code);
  }
  throw new SendProblem(RETRYABLE.has(code) ? 'retry' : 'final', reason, code);
}

/** Full jitter: sends that failed together do not come back together. */
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * config.wechatRetryBaseMs * 2 ** (attempt - 1)));

export async function sendSubscribeMessage(input: SubscribeMessageInput): Promise<WechatSendOutcome> {
  const body = {
    touser: input.openid,
    template_id: input.templateId,
    page: input.page,
    data: Object.fromEntries(Object.entries(input.data).map(([key, value]) => [key, { value: fitField(key, value) }])),
    miniprogram_state: config.wechatMiniprogramState,
    lang: 'zh_CN',
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      await attemptSend(body);
      return { status: 'sent', attempts: attempt };
    } catch (error) {
      const problem =
        error instanceof SendProblem ? error : new SendProblem('final', `发送微信消息时出错（${(error as Error).message}）`);
      const log = { templateId: input.templateId, code: problem.code, attempt, reason: problem.reason };
      if (problem.code === 43101) {
        logger.info('wechat message refused', log);
        return { status: 'refused', code: 43101, reason: problem.reason, attempts: attempt };
      }
      if (problem.kind === 'final' || attempt >= MAX_ATTEMPTS) {
        logger.warn('wechat message failed', log);
        const reason = problem.kind === 'final' ? problem.reason : `${problem.reason}，试了 ${attempt} 次`;
        return { status: 'failed', code: problem.code, reason, attempts: attempt };
      }
      // A stale token is fixed by the refresh itself: no reason to wait.
      if (problem.kind === 'retry') await pause(attempt);
    }
  }
}
