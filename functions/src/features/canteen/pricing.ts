import { priceRulesOf, savePriceRules } from './data';
import { isoNow } from '../../platform/clock';
import type { Session } from '../../platform/session-token';
import type { PricingInput, PricingResponse } from '@yilin/contract';
import { assertCentreAccess } from '../people/actors';

/**
 * Meal prices per centre, and how its elders pay. The county platform sets them (subsidy policy is the
 * county's); the centre's workers read them. Orders keep the price they were placed at, so a change never
 * rewrites history.
 */
export async function centrePricing(session: Session, centreId: string): Promise<PricingResponse> {
  await assertCentreAccess(session, centreId, 'centre.read');
  return { centreId, ...(await priceRulesOf(centreId)) };
}

/** Sets the prices and, when given, how elders pay; left out, the centre keeps the way it has. */
export async function setCentrePricing(session: Session, centreId: string, input: PricingInput): Promise<PricingResponse> {
  await assertCentreAccess(session, centreId, 'centre.setPricing');
  const { payment: chosen, ...rules } = input;
  const payment = chosen ?? (await priceRulesOf(centreId)).payment;
  await savePriceRules(centreId, rules, payment, session.userId, isoNow());
  return { centreId, rules, payment, custom: true };
}
