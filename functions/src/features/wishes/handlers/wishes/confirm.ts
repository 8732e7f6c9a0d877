import { httpHandler } from '../../../../platform/http';
import { confirm } from '../../wishes';

export const handler = httpHandler('wishes/confirm', {}, async ({ session, params }) => ({ body: await confirm(session, params.wishId) }));
