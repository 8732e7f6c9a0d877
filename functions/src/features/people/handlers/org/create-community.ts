import { httpHandler } from '../../../../platform/http';
import { CreateCommunityBody } from '@yilin/contract';
import { addCommunity } from '../../org-admin';

export const handler = httpHandler('org/create-community', { body: CreateCommunityBody }, async ({ session, body }) => ({
  statusCode: 201,
  body: await addCommunity(session, body),
}));
