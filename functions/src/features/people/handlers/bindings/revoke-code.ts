import { httpHandler } from '../../../../platform/http';
import { revokeCodeFor } from '../../bindings';

export const handler = httpHandler('bindings/revoke-code', {}, async ({ session, params }) => {
  await revokeCodeFor(session, params.elderId);
});
