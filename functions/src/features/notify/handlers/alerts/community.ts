import { httpHandler } from '../../../../platform/http';
import { communityAlerts } from '../../alerts';

export const handler = httpHandler('alerts/community', {}, async ({ session, params }) => ({ body: await communityAlerts(session, params.communityId) }));
