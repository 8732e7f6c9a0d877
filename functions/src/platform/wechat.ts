import { config } from './config';
import { wechatSecret } from './secrets';
import { AppError, unauthorized, unavailable } from './errors';

/**
 * WeChat's `code2Session`: exchanges the one-time `wx.login` code for the user's openid. The
 * session_key WeChat returns is never stored nor sent on: we issue our own session token.
 */
export interface WechatIdentityResult {
  openid: string;
  unionid?: string;
}

interface Code2SessionAnswer {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

const WECHAT_TIMEOUT_MS = 3000;

export async function code2Session(code: string): Promise<WechatIdentityResult> {
  const url = new URL('/sns/jscode2session', config.wechatApiBase);
  url.search = new URLSearchParams({
    appid: config.wechatAppId,
    secret: await wechatSecret(),
    js_code: code,
    grant_type: 'authorization_code',
  }).toString();
  let answer: Code2SessionAnswer;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(WECHAT_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`WeChat answered HTTP ${response.status}`);
    answer = (await response.json()) as Code2SessionAnswer;
  } catch {
    throw unavailable('WECHAT_UNAVAILABLE', '暂时连不上微信，请稍后再试。', 5);
  }
  switch (answer.errcode ?? 0) {
    case 0:
      if (!answer.openid) throw unavailable('WECHAT_UNAVAILABLE', '暂时连不上微信，请稍后再试。', 5);
      return { openid: answer.openid, unionid: answer.unionid };
    case 40029:
    case 40163:
      throw unauthorized('WECHAT_CODE_INVALID', '微信登录凭证已失效，请重新打开小程序再登录。');
    case 45011:
      throw new AppError(429, 'WECHAT_RATE_LIMITED', '登录太频繁了，请过一分钟再试。');
    default:
      throw unavailable('WECHAT_UNAVAILABLE', '暂时连不上微信，请稍后再试。', 5);
  }
}
