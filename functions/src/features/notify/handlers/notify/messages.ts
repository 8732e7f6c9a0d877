import { httpHandler } from '../../../../platform/http';
import { CursorQuery } from '@yilin/contract';
import { myMessages } from '../../messages';

export const handler = httpHandler('notify/messages', { query: CursorQuery }, async ({ session, query }) => ({ body: await myMessages(session, query.cursor) }));
