import { httpHandler } from '../../../../platform/http';
import { CommunityWishesQuery } from '@yilin/contract';
import { communityWishes } from '../../review';

export const handler = httpHandler('wishes/community', { query: CommunityWishesQuery }, async ({ session, params, query }) => ({ body: await communityWishes(session, params.communityId, query.status, query.cursor) }));
