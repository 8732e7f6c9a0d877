import { httpHandler } from '../../lib/http';
import { getElderDetail } from '../../services/elders';

export const handler = httpHandler('elders/get', {}, async ({ session, params }) => ({
  body: await getElderDetail(session, params.elderId),
}));
