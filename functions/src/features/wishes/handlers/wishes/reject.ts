import { httpHandler } from '../../../../platform/http';
import { WishReasonBody } from '@yilin/contract';
import { reject } from '../../review';

export const handler = httpHandler('wishes/reject', { body: WishReasonBody }, async ({ session, params, body }) => ({ body: await reject(session, params.wishId, body.reason) }));
