import { httpHandler } from '../../../../platform/http';
import { DeliverWishBody } from '@yilin/contract';
import { deliver } from '../../claims';

export const handler = httpHandler('wishes/deliver', { body: DeliverWishBody }, async ({ session, params, body }) => ({ body: await deliver(session, params.wishId, body) }));
