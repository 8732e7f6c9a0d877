import { httpHandler } from '../../../../platform/http';
import { DutyPhoneBody } from '@yilin/contract';
import { changeDutyPhone } from '../../duty-phone';

export const handler = httpHandler('alerts/set-duty-phone', { body: DutyPhoneBody }, async ({ session, params, body }) => ({ body: await changeDutyPhone(session, params.communityId, body.dutyPhone) }));
