import { httpHandler } from '../../lib/http';
import { getOrderDetail } from '../../services/orders';

export const handler = httpHandler('canteen/get-order', {}, async ({ session, params }) => ({
  body: await getOrderDetail(session, params.orderId),
}));
