import { httpHandler } from '../../../../platform/http';
import { DashboardQuery } from '@yilin/contract';
import { centreDashboard } from '../../dashboard';

export const handler = httpHandler('insights/centre-dashboard', { query: DashboardQuery }, async ({ session, params, query }) => ({ body: await centreDashboard(session, params.centreId, query.month) }));
