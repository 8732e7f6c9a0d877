import { httpHandler } from '../../../../platform/http';
import { withdraw } from '../../wishes';

export const handler = httpHandler('wishes/withdraw', {}, async ({ session, params }) => ({ body: await withdraw(session, params.wishId) }));
