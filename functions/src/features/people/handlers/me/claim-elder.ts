import { httpHandler } from '../../../../platform/http';
import { ClaimElderBody } from '@yilin/contract';
import { claimElderProfile } from '../../claims';

export const handler = httpHandler('me/claim-elder', { body: ClaimElderBody }, async ({ session, body }) => ({
  body: await claimElderProfile(session, body.code),
}));
