import { httpHandler } from '../../../../platform/http';
import { PageQuery, pageLimit } from '@yilin/contract';
import { listCommunityVolunteers } from '../../volunteers';

export const handler = httpHandler('volunteers/list-community', { query: PageQuery }, async ({ session, params, query }) => ({
  body: await listCommunityVolunteers(session, params.communityId, query.cursor, pageLimit(query, 50)),
}));
