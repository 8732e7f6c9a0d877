import { httpHandler } from '../../../../platform/http';
import { points } from '../../points';

export const handler = httpHandler('points/get', {}, async ({ session, params }) => ({ body: await points(session, params.holderId) }));
