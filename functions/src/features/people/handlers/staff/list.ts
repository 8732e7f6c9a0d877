import { httpHandler } from '../../../../platform/http';
import { listCentreStaff } from '../../staff-members';

export const handler = httpHandler('staff/list', {}, async ({ session, params }) => ({ body: await listCentreStaff(session, params.centreId) }));
