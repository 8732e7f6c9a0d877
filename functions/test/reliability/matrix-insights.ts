import type { RouteSpec } from './matrix-spec';
import { MONTH, otherCounty } from './world';

/**
 * The authorisation matrix of the dashboards and the settlement report (merged into matrix-spec.ts). They
 * reach exactly as the audit trail does (matrix-insights-audit.ts): a community's for its workers, its
 * centre's and the county; a centre's as the centre's other things; the county's for its admin only.
 */
const countyOf = (caseName: string) => (caseName === 'other-county' ? otherCounty.countyId : 'demo-county');
const get = (path: string) => ({ method: 'GET', path });

export const insightsMatrix: Record<string, RouteSpec> = {
  'insights/community-dashboard': { scope: 'community-audit', success: [200], plan: async ({ target }) => get(`/communities/${target.communityId}/dashboard`) },
  'insights/centre-dashboard': { scope: 'centre', success: [200], plan: async ({ target }) => get(`/centres/${target.centreId}/dashboard?month=${MONTH}`) },
  'insights/county-dashboard': { scope: 'county-audit', success: [200], plan: async ({ case: caseName }) => get(`/counties/${countyOf(caseName)}/dashboard`) },
  'insights/settlement': { scope: 'county-audit', success: [200], plan: async ({ case: caseName }) => get(`/counties/${countyOf(caseName)}/settlements/${MONTH}?format=csv`) },
};
