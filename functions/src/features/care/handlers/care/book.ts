import { httpHandler } from '../../../../platform/http';
import { BookingBody } from '@yilin/contract';
import { book } from '../../booking';

export const handler = httpHandler('care/book', { body: BookingBody }, async ({ session, params, body }) => {
  const result = await book(session, params.elderId, body);
  return { statusCode: result.replayed ? 200 : 201, body: result };
});
