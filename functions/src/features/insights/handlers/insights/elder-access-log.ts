import { httpHandler } from '../../../../platform/http';
import { AuditQuery } from '@yilin/contract';
import { elderAccessLog } from '../../audit-search';

export const handler = httpHandler('insights/elder-access-log', { query: AuditQuery }, async ({ session, params, query }) => ({ body: await elderAccessLog(session, params.elderId, query) }));
