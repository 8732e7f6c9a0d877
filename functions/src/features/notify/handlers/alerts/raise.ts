import { httpHandler } from '../../../../platform/http';
import { AlertBody } from '@yilin/contract';
import { raise } from '../../alerts';

export const handler = httpHandler('alerts/raise', { body: AlertBody }, async ({ session, params, body }) => {
  const result = await raise(session, params.elderId, body);
  return { statusCode: result.replayed ? 200 : 201, body: result };
});
