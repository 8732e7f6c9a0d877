import { httpHandler } from '../../lib/http';
import { WechatLoginBody } from '../../schemas/api';
import { signInWithWechat } from '../../services/auth';

export const handler = httpHandler('auth/wechat-login', { body: WechatLoginBody }, async ({ body }) => ({
  body: await signInWithWechat(body.code),
}));
