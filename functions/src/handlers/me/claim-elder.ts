import { httpHandler } from '../../lib/http';
import { ClaimElderBody } from '../../schemas/api';
import { claimElderProfile } from '../../services/claims';

export const handler = httpHandler('me/claim-elder', { body: ClaimElderBody }, async ({ session, body }) => ({
  body: await claimElderProfile(session, body.code),
}));
