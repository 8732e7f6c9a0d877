import { httpHandler } from '../../../../platform/http';
import { communityChoices } from '../../org';

export const handler = httpHandler('org/communities', {}, async ({ session }) => ({ body: await communityChoices(session) }));
