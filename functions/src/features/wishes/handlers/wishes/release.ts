import { httpHandler } from '../../../../platform/http';
import { release } from '../../claims';

export const handler = httpHandler('wishes/release', {}, async ({ session, params }) => ({ body: await release(session, params.wishId) }));
