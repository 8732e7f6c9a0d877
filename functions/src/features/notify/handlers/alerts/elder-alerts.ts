import { httpHandler } from '../../../../platform/http';
import { elderAlerts } from '../../alerts';

export const handler = httpHandler('alerts/elder-alerts', {}, async ({ session, params }) => ({ body: await elderAlerts(session, params.elderId) }));
