import { httpHandler } from '../../../../platform/http';
import { AddWorkerBody } from '@yilin/contract';
import { addWorker } from '../../staff-accounts';

export const handler = httpHandler('workers/add', { body: AddWorkerBody }, async ({ session, body }) => ({
  statusCode: 201,
  body: await addWorker(session, body),
}));
