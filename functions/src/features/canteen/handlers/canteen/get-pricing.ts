import { httpHandler } from '../../../../platform/http';
import { centrePricing } from '../../pricing';

export const handler = httpHandler('canteen/get-pricing', {}, async ({ session, params }) => ({
  body: await centrePricing(session, params.centreId),
}));
