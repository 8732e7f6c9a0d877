import { httpHandler } from '../../../../platform/http';
import { SetStatusBody } from '@yilin/contract';
import { setOrderStatus } from '../../orders';

export const handler = httpHandler('canteen/set-order-status', { body: SetStatusBody }, async ({ session, params, body }) => ({
  body: await setOrderStatus(session, params.orderId, body.status),
}));
