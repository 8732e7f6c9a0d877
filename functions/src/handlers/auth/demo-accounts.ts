import { httpHandler } from '../../lib/http';
import { demoAccounts } from '../../services/auth';

export const handler = httpHandler('auth/demo-accounts', {}, async () => ({ body: demoAccounts() }));
