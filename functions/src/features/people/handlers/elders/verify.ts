import { httpHandler } from '../../../../platform/http';
import { VerificationBody } from '@yilin/contract';
import { verifyElder } from '../../elders';

export const handler = httpHandler('elders/verify', { body: VerificationBody }, async ({ session, params, body }) => ({
  body: await verifyElder(session, params.elderId, body),
}));
