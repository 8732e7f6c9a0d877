import { httpHandler } from '../../../../platform/http';
import { StaffDayQuery } from '@yilin/contract';
import { staffDay } from '../../visits';

export const handler = httpHandler('care/staff-day', { query: StaffDayQuery }, async ({ session, query }) => ({ body: await staffDay(session, query.date) }));
