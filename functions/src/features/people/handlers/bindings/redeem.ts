import { httpHandler } from '../../../../platform/http';
import { RedeemBindingBody } from '@yilin/contract';
import { redeemCode } from '../../bindings';

export const handler = httpHandler('bindings/redeem', { body: RedeemBindingBody }, async ({ session, body }) => ({
  statusCode: 201,
  body: await redeemCode(session, body),
}));
