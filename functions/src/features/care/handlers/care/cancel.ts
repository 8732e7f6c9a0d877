import { httpHandler } from '../../../../platform/http';
import { cancelBooking } from '../../booking';

export const handler = httpHandler('care/cancel', {}, async ({ session, params }) => ({ body: await cancelBooking(session, params.bookingId) }));
