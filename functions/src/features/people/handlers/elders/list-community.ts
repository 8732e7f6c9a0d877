import { httpHandler } from '../../../../platform/http';
import { CommunityEldersQuery, pageLimit } from '@yilin/contract';
import { listCommunityElders } from '../../elders';

export const handler = httpHandler('elders/list-community', { query: CommunityEldersQuery }, async ({ session, params, query }) => ({
  body: await listCommunityElders(session, params.communityId, query.cursor, pageLimit(query), {
    name: query.name || undefined,
    pending: query.pending === '1',
    ability: query.ability,
    livingSituation: query.livingSituation,
    category: query.category,
  }),
}));
