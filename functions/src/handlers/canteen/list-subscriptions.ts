import { httpHandler } from '../../lib/http';
import { listSubscriptions } from '../../services/standing-orders';

export const handler = httpHandler('canteen/list-subscriptions', {}, async ({ session, params }) => ({
  body: await listSubscriptions(session, params.elderId),
}));
