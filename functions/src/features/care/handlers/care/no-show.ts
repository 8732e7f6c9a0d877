import { httpHandler } from '../../../../platform/http';
import { markNoShow } from '../../dispatch';

export const handler = httpHandler('care/no-show', {}, async ({ session, params }) => ({ body: await markNoShow(session, params.bookingId) }));
