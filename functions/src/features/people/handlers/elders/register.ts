import { httpHandler } from '../../../../platform/http';
import { RegisterElderBody } from '@yilin/contract';
import { registerElder } from '../../elder-registration';

export const handler = httpHandler('elders/register', { body: RegisterElderBody }, async ({ session, params, body }) => ({
  statusCode: 201,
  body: await registerElder(session, params.communityId, body),
}));
