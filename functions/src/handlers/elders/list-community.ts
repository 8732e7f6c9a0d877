import { httpHandler } from '../../lib/http';
import { PageQuery, pageLimit } from '../../schemas/api';
import { listCommunityElders } from '../../services/elders';

export const handler = httpHandler('elders/list-community', { query: PageQuery }, async ({ session, params, query }) => ({
  body: await listCommunityElders(session, params.communityId, query.cursor, pageLimit(query)),
}));
