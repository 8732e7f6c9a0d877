import { httpHandler } from '../../../../platform/http';
import { checkIn } from '../../visits';

export const handler = httpHandler('care/check-in', {}, async ({ session, params }) => ({ body: await checkIn(session, params.bookingId) }));
