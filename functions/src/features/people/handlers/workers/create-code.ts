import { httpHandler } from '../../../../platform/http';
import { createWorkerCode } from '../../staff-accounts';

export const handler = httpHandler('workers/create-code', {}, async ({ session, params }) => ({
  statusCode: 201,
  body: await createWorkerCode(session, params.userId),
}));
