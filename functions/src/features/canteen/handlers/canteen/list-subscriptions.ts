import { httpHandler } from '../../../../platform/http';
import { listSubscriptions } from '../../standing-orders';

export const handler = httpHandler('canteen/list-subscriptions', {}, async ({ session, params }) => ({
  body: await listSubscriptions(session, params.elderId),
}));
