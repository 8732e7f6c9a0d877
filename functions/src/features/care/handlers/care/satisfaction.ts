import { httpHandler } from '../../../../platform/http';
import { centreSatisfaction } from '../../catalogue';

export const handler = httpHandler('care/satisfaction', {}, async ({ session, params }) => ({ body: await centreSatisfaction(session, params.centreId) }));
