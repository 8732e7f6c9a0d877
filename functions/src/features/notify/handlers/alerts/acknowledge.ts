import { httpHandler } from '../../../../platform/http';
import { acknowledge } from '../../alerts';

export const handler = httpHandler('alerts/acknowledge', {}, async ({ session, params }) => ({ body: await acknowledge(session, params.alertId) }));
