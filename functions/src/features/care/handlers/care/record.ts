import { httpHandler } from '../../../../platform/http';
import { VisitRecordBody } from '@yilin/contract';
import { writeRecord } from '../../visits';

export const handler = httpHandler('care/record', { body: VisitRecordBody }, async ({ session, params, body }) => ({ body: await writeRecord(session, params.bookingId, body) }));
