import { httpHandler } from '../../lib/http';
import { RedeemBindingBody } from '../../schemas/api';
import { redeemCode } from '../../services/bindings';

export const handler = httpHandler('bindings/redeem', { body: RedeemBindingBody }, async ({ session, body }) => ({
  statusCode: 201,
  body: await redeemCode(session, body.code),
}));
