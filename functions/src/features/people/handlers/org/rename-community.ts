import { httpHandler } from '../../../../platform/http';
import { CommunityNameBody } from '@yilin/contract';
import { renameCommunityOf } from '../../org-admin';

export const handler = httpHandler('org/rename-community', { body: CommunityNameBody }, async ({ session, params, body }) => ({
  body: await renameCommunityOf(session, params.communityId, body.name),
}));
