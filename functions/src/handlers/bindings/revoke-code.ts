import { httpHandler } from '../../lib/http';
import { revokeCodeFor } from '../../services/bindings';

export const handler = httpHandler('bindings/revoke-code', {}, async ({ session, params }) => {
  await revokeCodeFor(session, params.elderId);
});
