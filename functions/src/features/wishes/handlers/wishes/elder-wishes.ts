import { httpHandler } from '../../../../platform/http';
import { elderWishes } from '../../wishes';

export const handler = httpHandler('wishes/elder-wishes', {}, async ({ session, params }) => ({ body: await elderWishes(session, params.elderId) }));
