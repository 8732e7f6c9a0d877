import { httpHandler } from '../../lib/http';
import { getMe } from '../../services/me';

export const handler = httpHandler('me/get', {}, async ({ session }) => ({ body: await getMe(session) }));
