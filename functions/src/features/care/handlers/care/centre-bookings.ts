import { httpHandler } from '../../../../platform/http';
import { BookingsQuery } from '@yilin/contract';
import { centreBookings } from '../../dispatch';

export const handler = httpHandler('care/centre-bookings', { query: BookingsQuery }, async ({ session, params, query }) => ({ body: await centreBookings(session, params.centreId, query) }));
