import { httpHandler } from '../../../../platform/http';
import { ServiceBody } from '@yilin/contract';
import { addService } from '../../catalogue';

export const handler = httpHandler('care/add-service', { body: ServiceBody }, async ({ session, params, body }) => ({ statusCode: 201, body: await addService(session, params.centreId, body) }));
