import { httpHandler } from '../../../../platform/http';
import { PageQuery, pageLimit } from '@yilin/contract';
import { elderOrders } from '../../orders';

export const handler = httpHandler('canteen/elder-orders', { query: PageQuery }, async ({ session, params, query }) => ({
  body: await elderOrders(session, params.elderId, query.cursor, pageLimit(query)),
}));
