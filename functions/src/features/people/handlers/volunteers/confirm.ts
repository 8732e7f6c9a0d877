import { httpHandler } from '../../../../platform/http';
import { confirmVolunteerBy } from '../../volunteers';

export const handler = httpHandler('volunteers/confirm', {}, async ({ session, params }) => ({
  body: await confirmVolunteerBy(session, params.userId),
}));
