import { httpHandler } from '../../lib/http';
import { centrePricing } from '../../services/pricing';

export const handler = httpHandler('canteen/get-pricing', {}, async ({ session, params }) => ({
  body: await centrePricing(session, params.centreId),
}));
