import { httpHandler } from '../../lib/http';
import { PageQuery, pageLimit } from '../../schemas/api';
import { elderOrders } from '../../services/orders';

export const handler = httpHandler('canteen/elder-orders', { query: PageQuery }, async ({ session, params, query }) => ({
  body: await elderOrders(session, params.elderId, query.cursor, pageLimit(query)),
}));
