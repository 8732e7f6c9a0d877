import { httpHandler } from '../../../../platform/http';
import { cancelRedemption } from '../../store';

export const handler = httpHandler('points/cancel-redemption', {}, async ({ session, params }) => ({ body: await cancelRedemption(session, params.redemptionId) }));
