import { httpHandler } from '../../lib/http';
import { PageQuery, pageLimit } from '../../schemas/api';
import { listBindings } from '../../services/bindings';

export const handler = httpHandler('bindings/list', { query: PageQuery }, async ({ session, params, query }) => ({
  body: await listBindings(session, params.elderId, query.cursor, pageLimit(query)),
}));
