import { httpHandler } from '../../../../platform/http';
import { AuditQuery } from '@yilin/contract';
import { communityAudit } from '../../audit-search';

export const handler = httpHandler('insights/community-audit', { query: AuditQuery }, async ({ session, params, query }) => ({ body: await communityAudit(session, params.communityId, query) }));
