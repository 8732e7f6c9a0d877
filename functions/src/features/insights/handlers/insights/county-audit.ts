import { httpHandler } from '../../../../platform/http';
import { AuditQuery } from '@yilin/contract';
import { countyAudit } from '../../audit-search';

export const handler = httpHandler('insights/county-audit', { query: AuditQuery }, async ({ session, params, query }) => ({ body: await countyAudit(session, params.countyId, query) }));
