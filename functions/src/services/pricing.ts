import { priceRulesOf, savePriceRules } from '../data/canteen';
import { getCentre } from '../data/org';
import { getUser } from '../data/users';
import { notFound } from '../lib/errors';
import { isoNow } from '../lib/clock';
import type { Session } from '../lib/session-token';
import type { PricingInput, PricingResponse } from '../schemas/canteen';
import { assertCentreStaff } from './actors';

/**
 * Meal prices per centre. The county platform sets them (subsidy policy is the county's); the centre's
 * workers read them. Orders keep the price they were placed at, so a change never rewrites history.
 */
export async function centrePricing(session: Session, centreId: string): Promise<PricingResponse> {
  assertCentreStaff(session, centreId, true);
  return { centreId, ...(await priceRulesOf(centreId)) };
}

export async function setCentrePricing(session: Session, centreId: string, rules: PricingInput): Promise<PricingResponse> {
  const [centre, admin] = await Promise.all([getCentre(centreId), getUser(session.userId)]);
  if (!centre || centre.countyId !== admin?.countyId) throw notFound('CENTRE_NOT_FOUND', '没有找到这个服务中心。');
  await savePriceRules(centreId, rules, session.userId, isoNow());
  return { centreId, rules, custom: true };
}
