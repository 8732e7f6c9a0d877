import type { PriceRule, SubsidyCategory } from '@yilin/contract';
import { ageOn } from './age';

/** Below this age no subsidy tier applies, the category tiers included. */
export const ELDER_AGE = 60;

export type SubsidyTier = Exclude<PriceRule, 'standard'>;

/**
 * The subsidy tiers an elder stands in on a day, for meals and home visits alike: one age tier (60–69,
 * 70–79, 80+, counted on that day from the birth date) and the category a worker verified (低保, 特困, 残疾).
 * Every tier is for elders (低保老人, 特困和残疾老人): under 60, a verified category gives none. The age tier
 * comes first, so on a tie the one that holds without any verification is kept.
 */
export function subsidyTiersOf(birthDate: string, verifiedCategory: SubsidyCategory | null, onDate: string): SubsidyTier[] {
  const age = ageOn(birthDate, onDate);
  if (age < ELDER_AGE) return [];
  const tiers: SubsidyTier[] = [age >= 80 ? 'age80' : age >= 70 ? 'age70' : 'age60'];
  if (verifiedCategory === 'dibao' || verifiedCategory === 'tekun' || verifiedCategory === 'disabled') tiers.push(verifiedCategory);
  return tiers;
}

/** A tier's amount in a table of them (`age80` → `age80Fen`). */
export const tierAmount = (table: Record<`${SubsidyTier}Fen`, number>, tier: SubsidyTier) => table[`${tier}Fen`];
