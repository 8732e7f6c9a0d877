import { httpHandler } from '../../../../platform/http';
import { MarkReadBody } from '@yilin/contract';
import { markRead } from '../../messages';

export const handler = httpHandler('notify/read', { body: MarkReadBody }, async ({ session, body }) => {
  await markRead(session, body.upTo);
});
