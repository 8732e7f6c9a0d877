import { httpHandler } from '../../../../platform/http';
import { RedemptionsQuery } from '@yilin/contract';
import { communityRedemptions } from '../../store';

export const handler = httpHandler('points/redemptions', { query: RedemptionsQuery }, async ({ session, params, query }) => ({ body: await communityRedemptions(session, params.communityId, query.status, query.cursor) }));
