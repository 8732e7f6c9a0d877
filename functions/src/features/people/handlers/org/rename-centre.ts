import { httpHandler } from '../../../../platform/http';
import { CentreNameBody } from '@yilin/contract';
import { renameCentreOf } from '../../org-admin';

export const handler = httpHandler('org/rename-centre', { body: CentreNameBody }, async ({ session, params, body }) => ({
  body: await renameCentreOf(session, params.centreId, body.name),
}));
