import { httpHandler } from '../../../../platform/http';
import { healthReads } from '../../health';

export const handler = httpHandler('care/health-reads', {}, async ({ session, params }) => ({ body: await healthReads(session, params.elderId) }));
