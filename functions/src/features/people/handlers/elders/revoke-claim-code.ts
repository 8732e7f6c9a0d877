import { httpHandler } from '../../../../platform/http';
import { revokeClaimCode } from '../../claims';

export const handler = httpHandler('elders/revoke-claim-code', {}, async ({ session, params }) => {
  await revokeClaimCode(session, params.elderId);
});
