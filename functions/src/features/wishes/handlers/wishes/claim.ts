import { httpHandler } from '../../../../platform/http';
import { claim } from '../../claims';

export const handler = httpHandler('wishes/claim', {}, async ({ session, params }) => ({ body: await claim(session, params.wishId) }));
