import { httpHandler } from '../../../../platform/http';
import { getWishFor } from '../../wishes';

export const handler = httpHandler('wishes/get', {}, async ({ session, params }) => ({ body: await getWishFor(session, params.wishId) }));
