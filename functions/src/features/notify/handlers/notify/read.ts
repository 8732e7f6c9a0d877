import { httpHandler } from '../../../../platform/http';
import { markRead } from '../../messages';

export const handler = httpHandler('notify/read', {}, async ({ session }) => {
  await markRead(session);
});
