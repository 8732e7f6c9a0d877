import { httpHandler } from '../../../../platform/http';
import { getMe } from '../../me';

export const handler = httpHandler('me/get', {}, async ({ session }) => ({ body: await getMe(session) }));
