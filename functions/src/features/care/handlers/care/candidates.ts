import { httpHandler } from '../../../../platform/http';
import { candidates } from '../../dispatch';

export const handler = httpHandler('care/candidates', {}, async ({ session, params }) => ({ body: await candidates(session, params.bookingId) }));
