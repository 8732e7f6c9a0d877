import { httpHandler } from '../../../../platform/http';
import { RatingBody } from '@yilin/contract';
import { rateBooking } from '../../booking';

export const handler = httpHandler('care/rate', { body: RatingBody }, async ({ session, params, body }) => ({ body: await rateBooking(session, params.bookingId, body) }));
