import { httpHandler } from '../../../../platform/http';
import { removeBindingFor } from '../../bindings';

export const handler = httpHandler('bindings/remove', {}, async ({ session, params }) => {
  await removeBindingFor(session, params.elderId, params.familyId);
  return { statusCode: 204 };
});
