import { httpHandler } from '../../../../platform/http';
import { AddServiceBody } from '@yilin/contract';
import { addService } from '../../catalogue';

export const handler = httpHandler('care/add-service', { body: AddServiceBody }, async ({ session, params, body }) => ({ statusCode: 201, body: await addService(session, params.centreId, body) }));
