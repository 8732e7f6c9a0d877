import { httpHandler } from '../../../../platform/http';
import { UpdateContactBody } from '@yilin/contract';
import { updateContact } from '../../elders';

export const handler = httpHandler('elders/update-contact', { body: UpdateContactBody }, async ({ session, params, body }) => ({
  body: await updateContact(session, params.elderId, body),
}));
