import { httpHandler } from '../../../../platform/http';
import { PageQuery } from '@yilin/contract';
import { listWorkers } from '../../staff-accounts';

export const handler = httpHandler('workers/list', { query: PageQuery }, async ({ session, query }) => ({
  body: await listWorkers(session, query),
}));
