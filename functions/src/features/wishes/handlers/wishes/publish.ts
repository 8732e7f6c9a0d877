import { httpHandler } from '../../../../platform/http';
import { PublishWishBody } from '@yilin/contract';
import { publish } from '../../review';

export const handler = httpHandler('wishes/publish', { body: PublishWishBody }, async ({ session, params, body }) => ({ body: await publish(session, params.wishId, body) }));
