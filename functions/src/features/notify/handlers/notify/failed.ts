import { httpHandler } from '../../../../platform/http';
import { CursorQuery } from '@yilin/contract';
import { failedNotifications } from '../../messages';

export const handler = httpHandler('notify/failed', { query: CursorQuery }, async ({ session, params, query }) => ({ body: await failedNotifications(session, params.communityId, query.cursor) }));
