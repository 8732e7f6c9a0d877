import { httpHandler } from '../../lib/http';
import { SetStatusBody } from '../../schemas/canteen';
import { setOrderStatus } from '../../services/orders';

export const handler = httpHandler('canteen/set-order-status', { body: SetStatusBody }, async ({ session, params, body }) => ({
  body: await setOrderStatus(session, params.orderId, body.status),
}));
