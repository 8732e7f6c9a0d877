import { httpHandler } from '../../../../platform/http';
import { cancelOrder } from '../../orders';

export const handler = httpHandler('canteen/cancel-order', {}, async ({ session, params }) => ({
  body: await cancelOrder(session, params.orderId),
}));
