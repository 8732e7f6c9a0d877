import { httpHandler } from '../../../../platform/http';
import { AddStoreItemBody } from '@yilin/contract';
import { addItem } from '../../store';

export const handler = httpHandler('points/add-item', { body: AddStoreItemBody }, async ({ session, params, body }) => ({ statusCode: 201, body: await addItem(session, params.communityId, body) }));
