import { httpHandler } from '../../../../platform/http';
import { DashboardQuery } from '@yilin/contract';
import { communityDashboard } from '../../dashboard';

export const handler = httpHandler('insights/community-dashboard', { query: DashboardQuery }, async ({ session, params, query }) => ({ body: await communityDashboard(session, params.communityId, query.month) }));
