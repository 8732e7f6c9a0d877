import { httpHandler } from '../../../../platform/http';
import { RedeemBody } from '@yilin/contract';
import { redeem } from '../../store';

export const handler = httpHandler('points/redeem', { body: RedeemBody }, async ({ session, params, body }) => {
  const result = await redeem(session, params.holderId, body);
  return { statusCode: result.replayed ? 200 : 201, body: result };
});
