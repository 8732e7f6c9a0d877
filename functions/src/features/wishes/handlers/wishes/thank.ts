import { httpHandler } from '../../../../platform/http';
import { ThanksBody } from '@yilin/contract';
import { thank } from '../../wishes';

export const handler = httpHandler('wishes/thank', { body: ThanksBody }, async ({ session, params, body }) => ({ body: await thank(session, params.wishId, body.message) }));
