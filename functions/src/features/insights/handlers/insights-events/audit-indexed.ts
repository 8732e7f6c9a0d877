import { streamConsumer } from '../../../../platform/stream';
import { indexAuditEvent } from '../../audit-index';

/** Each audit event is copied into its community's, county's and actor's trails, so the trail can be searched (see audit-index.ts). */
export const handler = streamConsumer('insights-events/audit-indexed', indexAuditEvent);
