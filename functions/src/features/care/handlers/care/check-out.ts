import { httpHandler } from '../../../../platform/http';
import { checkOut } from '../../visits';

export const handler = httpHandler('care/check-out', {}, async ({ session, params }) => ({ body: await checkOut(session, params.bookingId) }));
