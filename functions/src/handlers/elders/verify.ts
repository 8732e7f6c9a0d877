import { httpHandler } from '../../lib/http';
import { VerificationBody } from '../../schemas/api';
import { verifyElder } from '../../services/elders';

export const handler = httpHandler('elders/verify', { body: VerificationBody }, async ({ session, params, body }) => ({
  body: await verifyElder(session, params.elderId, body),
}));
