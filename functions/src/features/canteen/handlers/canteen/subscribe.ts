import { httpHandler } from '../../../../platform/http';
import { SubscriptionBody } from '@yilin/contract';
import { subscribe } from '../../standing-orders';

export const handler = httpHandler('canteen/subscribe', { body: SubscriptionBody }, async ({ session, params, body }) => ({
  statusCode: 201,
  body: await subscribe(session, params.elderId, body),
}));
