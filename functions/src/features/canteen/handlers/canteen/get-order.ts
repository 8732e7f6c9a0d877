import { httpHandler } from '../../../../platform/http';
import { getOrderDetail } from '../../orders';

export const handler = httpHandler('canteen/get-order', {}, async ({ session, params }) => ({
  body: await getOrderDetail(session, params.orderId),
}));
