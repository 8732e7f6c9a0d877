import { httpHandler } from '../../../../platform/http';
import { CentreNameBody } from '@yilin/contract';
import { addCentre } from '../../org-admin';

export const handler = httpHandler('org/create-centre', { body: CentreNameBody }, async ({ session, body }) => ({
  statusCode: 201,
  body: await addCentre(session, body.name),
}));
