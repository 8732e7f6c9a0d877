import { httpHandler } from '../../../../platform/http';
import { demoAccounts } from '../../auth';

export const handler = httpHandler('auth/demo-accounts', {}, async () => ({ body: await demoAccounts() }));
