import { HealthConsentBody } from '@yilin/contract';
import { httpHandler } from '../../../../platform/http';
import { setHealthConsent } from '../../health-consent';

export const handler = httpHandler('consent/set-health', { body: HealthConsentBody }, async ({ session, params, body }) => ({ body: await setHealthConsent(session, params.elderId, body) }));
