import { priceRulesOf, savePriceRules } from './data';
import { isoNow } from '../../platform/clock';
import type { Session } from '../../platform/session-token';
import type { PricingInput, PricingResponse } from '@yilin/contract';
import { assertCentreAccess } from '../people/actors';

/**
 * Meal prices per centre. The county platform sets them (subsidy policy is the county's); the centre's
 * workers read them. Orders keep the price they were placed at, so a change never rewrites history.
 */
export async function centrePricing(session: Session, centreId: string): Promise<PricingResponse> {
  await assertCentreAccess(session, centreId, 'centre.read');
  return { centreId, ...(await priceRulesOf(centreId)) };
}

export async function setCentrePricing(session: Session, centreId: string, rules: PricingInput): Promise<PricingResponse> {
  await assertCentreAccess(session, centreId, 'centre.setPricing');
  await savePriceRules(centreId, rules, session.userId, isoNow());
  return { centreId, rules, custom: true };
}
