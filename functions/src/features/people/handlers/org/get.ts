import { httpHandler } from '../../../../platform/http';
import { getOrg } from '../../org';

export const handler = httpHandler('org/get', {}, async ({ session }) => ({ body: await getOrg(session) }));
