import { CloseAccountBody } from '@yilin/contract';
import { httpHandler } from '../../../../platform/http';
import { closeAccount } from '../../closing';

export const handler = httpHandler('rights/close-account', { body: CloseAccountBody }, async ({ session }) => ({ body: await closeAccount(session) }));
