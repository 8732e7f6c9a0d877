import { httpHandler } from '../../../../platform/http';
import { unsubscribe } from '../../standing-orders';

export const handler = httpHandler('canteen/unsubscribe', {}, async ({ session, params }) => {
  await unsubscribe(session, params.elderId, params.subscriptionId);
  return { statusCode: 204 };
});
