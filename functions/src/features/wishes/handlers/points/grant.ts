import { httpHandler } from '../../../../platform/http';
import { GrantPointsBody } from '@yilin/contract';
import { grant } from '../../points';

export const handler = httpHandler('points/grant', { body: GrantPointsBody }, async ({ session, params, body }) => ({ body: await grant(session, params.holderId, body) }));
