import { httpHandler } from '../../../../platform/http';
import { WishBody } from '@yilin/contract';
import { post } from '../../wishes';

export const handler = httpHandler('wishes/post', { body: WishBody }, async ({ session, params, body }) => {
  const result = await post(session, params.elderId, body);
  return { statusCode: result.replayed ? 200 : 201, body: result };
});
