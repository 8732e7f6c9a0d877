import { httpHandler } from '../../../../platform/http';
import { readHealthConsent } from '../../health-consent';

export const handler = httpHandler('consent/health', {}, async ({ session, params }) => ({ body: await readHealthConsent(session, params.elderId) }));
