import { httpHandler } from '../../../../platform/http';
import { WechatLoginBody } from '../../../../schemas/people';
import { signInWithWechat } from '../../auth';

export const handler = httpHandler('auth/wechat-login', { body: WechatLoginBody }, async ({ body }) => ({
  body: await signInWithWechat(body.code),
}));
