import { httpHandler } from '../../../../platform/http';
import { StoreItemBody } from '@yilin/contract';
import { updateItem } from '../../store';

export const handler = httpHandler('points/update-item', { body: StoreItemBody }, async ({ session, params, body }) => ({ body: await updateItem(session, params.communityId, params.itemId, body) }));
