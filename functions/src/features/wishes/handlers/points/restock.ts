import { httpHandler } from '../../../../platform/http';
import { RestockBody } from '@yilin/contract';
import { restock } from '../../store';

export const handler = httpHandler('points/restock', { body: RestockBody }, async ({ session, params, body }) => ({ body: await restock(session, params.communityId, params.itemId, body) }));
