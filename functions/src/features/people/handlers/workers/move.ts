import { httpHandler } from '../../../../platform/http';
import { MoveWorkerBody } from '@yilin/contract';
import { moveWorker } from '../../staff-accounts';

export const handler = httpHandler('workers/move', { body: MoveWorkerBody }, async ({ session, params, body }) => ({
  body: await moveWorker(session, params.userId, body),
}));
