import { httpHandler } from '../../../../platform/http';
import { catalogue } from '../../catalogue';

export const handler = httpHandler('care/catalogue', {}, async ({ session, params }) => ({ body: await catalogue(session, params.centreId) }));
