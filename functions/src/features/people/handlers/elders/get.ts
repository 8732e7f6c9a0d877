import { httpHandler } from '../../../../platform/http';
import { getElderDetail } from '../../elders';

export const handler = httpHandler('elders/get', {}, async ({ session, params }) => ({
  body: await getElderDetail(session, params.elderId),
}));
