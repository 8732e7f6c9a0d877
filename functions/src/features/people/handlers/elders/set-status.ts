import { httpHandler } from '../../../../platform/http';
import { ElderStatusBody } from '@yilin/contract';
import { setElderStatus } from '../../elder-changes';

export const handler = httpHandler('elders/set-status', { body: ElderStatusBody }, async ({ session, params, body }) => ({
  body: await setElderStatus(session, params.elderId, body),
}));
