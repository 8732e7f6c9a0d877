import { httpHandler } from '../../../../platform/http';
import { WallQuery } from '@yilin/contract';
import { wall } from '../../claims';

export const handler = httpHandler('wishes/wall', { query: WallQuery }, async ({ session, query }) => ({ body: await wall(session, query.communityId, query.cursor) }));
