import { httpHandler } from '../../../../platform/http';
import { elderBookings } from '../../booking';

export const handler = httpHandler('care/elder-bookings', {}, async ({ session, params }) => ({ body: await elderBookings(session, params.elderId) }));
