import { CloseElderBody } from '@yilin/contract';
import { httpHandler } from '../../../../platform/http';
import { closeElder } from '../../elder-closing';

export const handler = httpHandler('rights/close-elder', { body: CloseElderBody }, async ({ session, params, body }) => ({ body: await closeElder(session, params.elderId, body) }));
