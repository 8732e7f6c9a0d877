import { httpHandler } from '../../../../platform/http';
import { RescheduleBody } from '@yilin/contract';
import { rescheduleBooking } from '../../dispatch';

export const handler = httpHandler('care/reschedule', { body: RescheduleBody }, async ({ session, params, body }) => ({ body: await rescheduleBooking(session, params.bookingId, body) }));
