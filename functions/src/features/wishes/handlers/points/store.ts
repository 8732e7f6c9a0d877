import { httpHandler } from '../../../../platform/http';
import { store } from '../../store';

export const handler = httpHandler('points/store', {}, async ({ session, params }) => ({ body: await store(session, params.communityId) }));
