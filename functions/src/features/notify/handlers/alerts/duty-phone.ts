import { httpHandler } from '../../../../platform/http';
import { dutyPhoneOf } from '../../duty-phone';

export const handler = httpHandler('alerts/duty-phone', {}, async ({ session, params }) => ({ body: await dutyPhoneOf(session, params.communityId) }));
