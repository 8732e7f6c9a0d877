import { httpHandler } from '../../../../platform/http';
import { PlaceOrderBody } from '../../../../schemas/canteen';
import { placeOrder } from '../../orders';

export const handler = httpHandler('canteen/place-order', { body: PlaceOrderBody }, async ({ session, params, body }) => {
  const result = await placeOrder(session, params.elderId, body);
  return { statusCode: result.replayed ? 200 : 201, body: result };
});
