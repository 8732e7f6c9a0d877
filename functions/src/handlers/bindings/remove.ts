import { httpHandler } from '../../lib/http';
import { removeBindingFor } from '../../services/bindings';

export const handler = httpHandler('bindings/remove', {}, async ({ session, params }) => {
  await removeBindingFor(session, params.elderId, params.familyId);
  return { statusCode: 204 };
});
