import { httpHandler } from '../../../../platform/http';
import { revokeWorkerCode } from '../../staff-accounts';

export const handler = httpHandler('workers/revoke-code', {}, async ({ session, params }) => {
  await revokeWorkerCode(session, params.userId);
});
