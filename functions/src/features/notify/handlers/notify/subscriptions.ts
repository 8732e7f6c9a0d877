import { httpHandler } from '../../../../platform/http';
import { mySubscriptions } from '../../messages';

export const handler = httpHandler('notify/subscriptions', {}, async ({ session }) => ({ body: await mySubscriptions(session) }));
