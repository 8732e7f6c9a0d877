import { httpHandler } from '../../../../platform/http';
import { WechatLoginBody } from '@yilin/contract';
import { signInWithWechat } from '../../auth';

export const handler = httpHandler('auth/wechat-login', { body: WechatLoginBody }, async ({ body }) => ({
  body: await signInWithWechat(body.code),
}));
