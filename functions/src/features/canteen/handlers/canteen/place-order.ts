import { httpHandler } from '../../../../platform/http';
import { PlaceOrderBody } from '@yilin/contract';
import { placeOrder } from '../../orders';

export const handler = httpHandler('canteen/place-order', { body: PlaceOrderBody }, async ({ session, params, body }) => {
  const result = await placeOrder(session, params.elderId, body);
  return { statusCode: result.replayed ? 200 : 201, body: result };
});
