import { httpHandler } from '../../../../platform/http';
import { createCodeFor } from '../../bindings';

export const handler = httpHandler('bindings/create-code', {}, async ({ session, params }) => ({
  statusCode: 201,
  body: await createCodeFor(session, params.elderId),
}));
