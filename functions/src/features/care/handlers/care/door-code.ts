import { httpHandler } from '../../../../platform/http';
import { doorCode } from '../../booking';

export const handler = httpHandler('care/door-code', {}, async ({ session, params }) => ({ body: await doorCode(session, params.bookingId) }));
