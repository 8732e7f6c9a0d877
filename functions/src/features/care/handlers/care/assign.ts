import { httpHandler } from '../../../../platform/http';
import { AssignBody } from '@yilin/contract';
import { assignStaff } from '../../dispatch';

export const handler = httpHandler('care/assign', { body: AssignBody }, async ({ session, params, body }) => ({ body: await assignStaff(session, params.bookingId, body.staffId) }));
