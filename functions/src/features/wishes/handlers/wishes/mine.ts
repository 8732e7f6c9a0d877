import { httpHandler } from '../../../../platform/http';
import { myWishes } from '../../claims';

export const handler = httpHandler('wishes/mine', {}, async ({ session }) => ({ body: await myWishes(session) }));
