import { httpHandler } from '../../../../platform/http';
import { createClaimCode } from '../../claims';

export const handler = httpHandler('elders/create-claim-code', {}, async ({ session, params }) => ({
  statusCode: 201,
  body: await createClaimCode(session, params.elderId),
}));
