import { httpHandler } from '../../../../platform/http';
import { getBookingDetail } from '../../booking';

export const handler = httpHandler('care/get-booking', {}, async ({ session, params }) => ({ body: await getBookingDetail(session, params.bookingId) }));
