import { httpHandler } from '../../../../platform/http';
import { StaffClaimBody } from '@yilin/contract';
import { claimStaffRole } from '../../staff-accounts';

export const handler = httpHandler('me/claim-staff', { body: StaffClaimBody }, async ({ session, body }) => ({
  body: await claimStaffRole(session, body.code),
}));
