import { httpHandler } from '../../../../platform/http';
import { ResolveAlertBody } from '@yilin/contract';
import { resolve } from '../../alerts';

export const handler = httpHandler('alerts/resolve', { body: ResolveAlertBody }, async ({ session, params, body }) => ({ body: await resolve(session, params.alertId, body.note) }));
