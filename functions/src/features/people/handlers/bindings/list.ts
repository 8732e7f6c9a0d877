import { httpHandler } from '../../../../platform/http';
import { PageQuery, pageLimit } from '@yilin/contract';
import { listBindings } from '../../bindings';

export const handler = httpHandler('bindings/list', { query: PageQuery }, async ({ session, params, query }) => ({
  body: await listBindings(session, params.elderId, query.cursor, pageLimit(query)),
}));
