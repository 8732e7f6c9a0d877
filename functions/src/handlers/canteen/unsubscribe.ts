import { httpHandler } from '../../lib/http';
import { unsubscribe } from '../../services/standing-orders';

export const handler = httpHandler('canteen/unsubscribe', {}, async ({ session, params }) => {
  await unsubscribe(session, params.elderId, params.subscriptionId);
  return { statusCode: 204 };
});
