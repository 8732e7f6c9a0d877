import { httpHandler } from '../../lib/http';
import { cancelOrder } from '../../services/orders';

export const handler = httpHandler('canteen/cancel-order', {}, async ({ session, params }) => ({
  body: await cancelOrder(session, params.orderId),
}));
