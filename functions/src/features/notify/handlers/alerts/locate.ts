import { httpHandler } from '../../../../platform/http';
import { LocationSchema } from '@yilin/contract';
import { locate } from '../../alerts';

export const handler = httpHandler('alerts/locate', { body: LocationSchema }, async ({ session, params, body }) => ({ body: await locate(session, params.alertId, body) }));
