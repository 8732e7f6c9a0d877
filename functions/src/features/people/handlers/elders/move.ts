import { httpHandler } from '../../../../platform/http';
import { MoveElderBody } from '@yilin/contract';
import { moveElder } from '../../elder-changes';

export const handler = httpHandler('elders/move', { body: MoveElderBody }, async ({ session, params, body }) => ({
  body: await moveElder(session, params.elderId, body),
}));
