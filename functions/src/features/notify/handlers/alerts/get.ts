import { httpHandler } from '../../../../platform/http';
import { getAlertFor } from '../../alerts';

export const handler = httpHandler('alerts/get', {}, async ({ session, params }) => ({ body: await getAlertFor(session, params.alertId) }));
