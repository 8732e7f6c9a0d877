import { httpHandler } from '../../../../platform/http';
import { DashboardQuery } from '@yilin/contract';
import { countyDashboard } from '../../dashboard';

export const handler = httpHandler('insights/county-dashboard', { query: DashboardQuery }, async ({ session, params, query }) => ({ body: await countyDashboard(session, params.countyId, query.month) }));
