import { httpHandler } from '../../../../platform/http';
import { ReasonBody } from '@yilin/contract';
import { rejectBooking } from '../../dispatch';

export const handler = httpHandler('care/reject', { body: ReasonBody }, async ({ session, params, body }) => ({ body: await rejectBooking(session, params.bookingId, body.reason) }));
