import { httpHandler } from '../../../../platform/http';
import { AdjustPointsBody } from '@yilin/contract';
import { adjust } from '../../points';

export const handler = httpHandler('points/adjust', { body: AdjustPointsBody }, async ({ session, params, body }) => ({ body: await adjust(session, params.holderId, body) }));
