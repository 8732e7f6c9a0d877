import { httpHandler } from '../../lib/http';
import { getOrg } from '../../services/org';

export const handler = httpHandler('org/get', {}, async ({ session }) => ({ body: await getOrg(session) }));
