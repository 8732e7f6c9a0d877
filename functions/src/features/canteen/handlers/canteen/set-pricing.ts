import { httpHandler } from '../../../../platform/http';
import { PricingBody } from '@yilin/contract';
import { setCentrePricing } from '../../pricing';

export const handler = httpHandler('canteen/set-pricing', { body: PricingBody }, async ({ session, params, body }) => ({
  body: await setCentrePricing(session, params.centreId, body),
}));
