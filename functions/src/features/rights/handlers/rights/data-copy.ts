import { httpHandler } from '../../../../platform/http';
import { dataCopyOf } from '../../data-copy';

export const handler = httpHandler('rights/data-copy', {}, async ({ session }) => ({ body: await dataCopyOf(session) }));
