import { httpHandler } from '../../../../platform/http';
import { ServiceBody } from '@yilin/contract';
import { updateService } from '../../catalogue';

export const handler = httpHandler('care/update-service', { body: ServiceBody }, async ({ session, params, body }) => ({ body: await updateService(session, params.centreId, params.serviceId, body) }));
