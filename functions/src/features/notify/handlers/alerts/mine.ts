import { httpHandler } from '../../../../platform/http';
import { myAlerts } from '../../alerts';

export const handler = httpHandler('alerts/mine', {}, async ({ session }) => ({ body: await myAlerts(session) }));
