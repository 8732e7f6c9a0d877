import { httpHandler } from '../../../../platform/http';
import { ClaimElderBody } from '../../../../schemas/people';
import { claimElderProfile } from '../../claims';

export const handler = httpHandler('me/claim-elder', { body: ClaimElderBody }, async ({ session, body }) => ({
  body: await claimElderProfile(session, body.code),
}));
