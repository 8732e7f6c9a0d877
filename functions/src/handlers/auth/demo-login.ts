import { httpHandler } from '../../lib/http';
import { DemoLoginBody } from '../../schemas/api';
import { signInAsDemo } from '../../services/auth';

export const handler = httpHandler('auth/demo-login', { body: DemoLoginBody }, async ({ body }) => ({
  body: await signInAsDemo(body.userId),
}));
