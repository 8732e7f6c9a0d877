import type { Actor, RouteSpec } from './matrix-spec';
import { elderSecrets, otherCounty } from './world';

/**
 * The authorisation matrix of the audit trail (merged into matrix-spec.ts): a community's trail, the county's,
 * and an elder's own access log. Every call only reads; a refusal never shows the elder's data.
 */

export type Relation = 'self' | 'family' | 'community-worker' | 'centre-worker' | 'county-admin' | 'none';

/**
 * How an actor stands to each case's place, worked out here from the world (world.ts), apart from the policy
 * module: the matrix's worker is of the own community; `same-centre` is another community of their centre.
 */
export function relationOf(actor: Actor, caseName: string): Relation {
  switch (actor) {
    case 'elder':
      return caseName === 'own' ? 'self' : 'none';
    case 'family':
      return caseName === 'own' ? 'family' : 'none';
    case 'worker':
      return caseName === 'own' || caseName === 'other-elder' ? 'community-worker' : caseName === 'same-centre' ? 'centre-worker' : 'none';
    case 'admin':
      return caseName === 'other-county' ? 'none' : 'county-admin';
    default:
      return 'none';
  }
}

/**
 * Who reads which trail. A community or county is no secret (403); an elder's log is refused as not found
 * (404), so elder ids cannot be probed.
 */
const scopes = {
  'community-audit': { cases: ['own', 'same-centre', 'other-community', 'other-county'], reach: ['community-worker', 'centre-worker', 'county-admin'], refusal: 403 },
  'county-audit': { cases: ['own', 'other-county'], reach: ['county-admin'], refusal: 403 },
  'access-log': { cases: ['own', 'other-elder', 'same-centre', 'other-community', 'other-county'], reach: ['self', 'family'], refusal: 404 },
} as const satisfies Record<string, { cases: string[]; reach: readonly Relation[]; refusal: 403 | 404 }>;

export type AuditScope = keyof typeof scopes;
export const isAuditScope = (scope: string): scope is AuditScope => scope in scopes;
export const auditCases = Object.fromEntries(Object.entries(scopes).map(([scope, { cases }]) => [scope, [...cases]])) as Record<AuditScope, string[]>;
export const auditRefusalStatus = (scope: AuditScope) => scopes[scope].refusal;
export const auditAllowed = (scope: AuditScope, actor: Actor, caseName: string): boolean => (scopes[scope].reach as readonly Relation[]).includes(relationOf(actor, caseName));

const countyOf = (caseName: string) => (caseName === 'other-county' ? otherCounty.countyId : 'demo-county');

export const auditMatrix: Record<string, RouteSpec> = {
  'insights/county-audit': { scope: 'county-audit', success: [200], plan: async ({ case: caseName }) => ({ method: 'GET', path: `/counties/${countyOf(caseName)}/audit` }) },
  'insights/community-audit': { scope: 'community-audit', success: [200], plan: async ({ target }) => ({ method: 'GET', path: `/communities/${target.communityId}/audit` }) },
  'insights/elder-access-log': {
    scope: 'access-log',
    success: [200],
    plan: async ({ target }) => ({ method: 'GET', path: `/elders/${target.elderId}/access-log`, secrets: await elderSecrets(target.elderId) }),
  },
};
