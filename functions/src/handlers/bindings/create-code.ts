import { httpHandler } from '../../lib/http';
import { createCodeFor } from '../../services/bindings';

export const handler = httpHandler('bindings/create-code', {}, async ({ session, params }) => ({
  statusCode: 201,
  body: await createCodeFor(session, params.elderId),
}));
