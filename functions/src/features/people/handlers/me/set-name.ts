import { httpHandler } from '../../../../platform/http';
import { DisplayNameBody } from '@yilin/contract';
import { setDisplayName } from '../../me';

export const handler = httpHandler('me/set-name', { body: DisplayNameBody }, async ({ session, body }) => ({
  body: await setDisplayName(session, body),
}));
