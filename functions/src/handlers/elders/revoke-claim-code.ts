import { httpHandler } from '../../lib/http';
import { revokeClaimCode } from '../../services/claims';

export const handler = httpHandler('elders/revoke-claim-code', {}, async ({ session, params }) => {
  await revokeClaimCode(session, params.elderId);
});
