import { httpHandler } from '../../../../platform/http';
import { retireWorker } from '../../staff-accounts';

export const handler = httpHandler('workers/retire', {}, async ({ session, params }) => ({
  body: await retireWorker(session, params.userId),
}));
