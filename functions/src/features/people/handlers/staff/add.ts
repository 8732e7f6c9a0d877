import { httpHandler } from '../../../../platform/http';
import { AddStaffBody } from '@yilin/contract';
import { addCentreStaff } from '../../staff-members';

export const handler = httpHandler('staff/add', { body: AddStaffBody }, async ({ session, params, body }) => ({ statusCode: 201, body: await addCentreStaff(session, params.centreId, body) }));
