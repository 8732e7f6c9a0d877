import { httpHandler } from '../../../../platform/http';
import { PageQuery, pageLimit } from '@yilin/contract';
import { listCommunityElders } from '../../elders';

export const handler = httpHandler('elders/list-community', { query: PageQuery }, async ({ session, params, query }) => ({
  body: await listCommunityElders(session, params.communityId, query.cursor, pageLimit(query)),
}));
