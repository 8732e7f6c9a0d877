import { httpHandler } from '../../../../platform/http';
import { retireCentreStaff } from '../../staff-members';

export const handler = httpHandler('staff/retire', {}, async ({ session, params }) => ({ body: await retireCentreStaff(session, params.userId) }));
