import { httpHandler } from '../../lib/http';
import { UpdateContactBody } from '../../schemas/api';
import { updateContact } from '../../services/elders';

export const handler = httpHandler('elders/update-contact', { body: UpdateContactBody }, async ({ session, params, body }) => ({
  body: await updateContact(session, params.elderId, body),
}));
