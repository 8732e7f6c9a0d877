import { httpHandler } from '../../../../platform/http';
import { handOver } from '../../store';

export const handler = httpHandler('points/hand-over', {}, async ({ session, params }) => ({ body: await handOver(session, params.redemptionId) }));
