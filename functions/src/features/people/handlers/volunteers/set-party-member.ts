import { httpHandler } from '../../../../platform/http';
import { PartyMemberBody } from '@yilin/contract';
import { markPartyMember } from '../../volunteers';

export const handler = httpHandler('volunteers/set-party-member', { body: PartyMemberBody }, async ({ session, params, body }) => ({
  body: await markPartyMember(session, params.userId, body.partyMember),
}));
