import { httpHandler } from '../../../../platform/http';
import { LeaderboardQuery } from '@yilin/contract';
import { leaderboard } from '../../points';

export const handler = httpHandler('points/leaderboard', { query: LeaderboardQuery }, async ({ session, params, query }) => ({ body: await leaderboard(session, params.communityId, query.month) }));
