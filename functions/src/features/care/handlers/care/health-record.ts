import { httpHandler } from '../../../../platform/http';
import { healthRecord } from '../../health';

export const handler = httpHandler('care/health-record', {}, async ({ session, params }) => ({ body: await healthRecord(session, params.elderId) }));
