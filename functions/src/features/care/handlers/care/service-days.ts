import { httpHandler } from '../../../../platform/http';
import { serviceDays } from '../../booking';

export const handler = httpHandler('care/service-days', {}, async ({ session, params }) => ({ body: await serviceDays(session, params.elderId, params.serviceId) }));
