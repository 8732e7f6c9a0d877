import { httpHandler } from '../../../../platform/http';
import { elderServices } from '../../booking';

export const handler = httpHandler('care/elder-services', {}, async ({ session, params }) => ({ body: await elderServices(session, params.elderId) }));
