import { PRIVACY_NOTICE_VERSION } from '@yilin/contract';
import { getHealthConsent } from '../../src/features/consent/data';
import { staffVisitsOwnElder } from './matrix-care';
import type { Actor, RouteSpec } from './matrix-spec';
import { elderSecrets } from './world';

/**
 * The authorisation matrix of consent (merged into matrix-spec.ts): a person's own acceptance of the privacy
 * notice, and an elder's health-data consent, read like the health record (scope `health`) and given or
 * withdrawn by the elder or a bound relative only. A refused change must leave the consent as it was.
 */

const elderCases = ['own', 'other-elder', 'same-centre', 'other-community', 'other-county'];

/** Giving or withdrawing the consent: the own elder, or the relative bound to them; anyone else is told 404. */
const scopes = {
  'health-consent-set': { cases: elderCases, refusal: 404 },
} as const;

export type ConsentScope = keyof typeof scopes;
export const isConsentScope = (scope: string): scope is ConsentScope => scope in scopes;
export const consentCases = Object.fromEntries(Object.entries(scopes).map(([scope, { cases }]) => [scope, [...cases]])) as Record<ConsentScope, string[]>;
export const consentRefusalStatus = (scope: ConsentScope) => scopes[scope].refusal;
export const consentAllowed = (_scope: ConsentScope, actor: Actor, caseName: string): boolean => (actor === 'elder' || actor === 'family') && caseName === 'own';

/** What each refused cell saw before its call. */
const before = new Map<string, unknown>();
const cellKey = (actor: Actor, caseName: string) => `${actor} ${caseName}`;

export const consentMatrix: Record<string, RouteSpec> = {
  'consent/accept-privacy': { scope: 'none', success: [200], plan: async () => ({ method: 'POST', path: '/me/consents/privacy', body: { version: PRIVACY_NOTICE_VERSION } }) },
  'consent/health': {
    scope: 'health',
    success: [200],
    plan: async (cell) => {
      await staffVisitsOwnElder(cell);
      return { method: 'GET', path: `/elders/${cell.target.elderId}/health-consent`, secrets: await elderSecrets(cell.target.elderId) };
    },
  },
  // Always `given: true`: the own elder's consent (the demo's) stays given, so the visits' readings are still kept.
  'consent/set-health': {
    scope: 'health-consent-set',
    success: [200],
    plan: async ({ actor, case: caseName, target }) => {
      before.set(cellKey(actor, caseName), (await getHealthConsent(target.elderId)) ?? null);
      return { method: 'PUT', path: `/elders/${target.elderId}/health-consent`, body: { given: true }, secrets: await elderSecrets(target.elderId) };
    },
    cleanup: async ({ actor, case: caseName, target }) => {
      const seen = before.get(cellKey(actor, caseName));
      before.delete(cellKey(actor, caseName));
      if (consentAllowed('health-consent-set', actor, caseName)) return;
      expect({ afterRefusal: (await getHealthConsent(target.elderId)) ?? null }).toEqual({ afterRefusal: seen });
    },
  },
};
