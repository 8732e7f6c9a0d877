import { httpHandler } from '../../../../platform/http';
import { StaffProfileBody } from '@yilin/contract';
import { setCentreStaffProfile } from '../../staff-members';

export const handler = httpHandler('staff/set-profile', { body: StaffProfileBody }, async ({ session, params, body }) => ({ body: await setCentreStaffProfile(session, params.userId, body) }));
