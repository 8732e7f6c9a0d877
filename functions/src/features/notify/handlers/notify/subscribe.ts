import { httpHandler } from '../../../../platform/http';
import { SubscriptionsBody } from '@yilin/contract';
import { subscribe } from '../../messages';

export const handler = httpHandler('notify/subscribe', { body: SubscriptionsBody }, async ({ session, body }) => ({ body: await subscribe(session, body) }));
