import { httpHandler } from '../../../../platform/http';
import { DemoLoginBody } from '@yilin/contract';
import { signInAsDemo } from '../../auth';

export const handler = httpHandler('auth/demo-login', { body: DemoLoginBody }, async ({ body }) => ({
  body: await signInAsDemo(body.userId),
}));
