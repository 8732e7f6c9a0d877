import { priceRuleNames, yuan, type ServicePrice, type SubsidyCategory, type TierSubsidies } from '@yilin/contract';
import { subsidyTiersOf, tierAmount } from '../../people/rules/subsidy-tiers';

/**
 * What an elder pays for a visit: the service's price less the largest subsidy the centre set for the
 * service's category in any tier the elder stands in on the visit's day (the same tiers and 60+ rule as
 * meals). A subsidy never exceeds the price.
 */
export function servicePriceFor(input: {
  birthDate: string;
  verifiedCategory: SubsidyCategory | null;
  visitDate: string;
  standardPriceFen: number;
  subsidies: TierSubsidies;
}): ServicePrice {
  const tiers = subsidyTiersOf(input.birthDate, input.verifiedCategory, input.visitDate);
  const best = tiers.reduce<{ tier?: (typeof tiers)[number]; fen: number }>(
    (high, tier) => (tierAmount(input.subsidies, tier) > high.fen ? { tier, fen: tierAmount(input.subsidies, tier) } : high),
    { fen: 0 },
  );
  const subsidyFen = Math.min(best.fen, input.standardPriceFen);
  const priceFen = input.standardPriceFen - subsidyFen;
  if (!best.tier || subsidyFen === 0) return { priceFen, subsidyFen: 0, rule: 'standard', reason: `标准价 ${yuan(priceFen)}` };
  // The price itself is shown beside the reason: the reason says only where the difference comes from.
  return { priceFen, subsidyFen, rule: best.tier, reason: priceFen === 0 ? `${priceRuleNames[best.tier]} 全免` : `${priceRuleNames[best.tier]} 补贴 ${yuan(subsidyFen)}` };
}

const none = { age60Fen: 0, age70Fen: 0, age80Fen: 0, dibaoFen: 0, tekunFen: 0, disabledFen: 0 };

/**
 * Until a centre sets its own: household help and medical visits are subsidised for the oldest and the
 * poorest (特困 free), companionship is not.
 */
export const defaultCareSubsidies = {
  housework: { age60Fen: 0, age70Fen: 1000, age80Fen: 3000, dibaoFen: 5000, tekunFen: 100_000, disabledFen: 5000 },
  medical: { age60Fen: 0, age70Fen: 1000, age80Fen: 2000, dibaoFen: 3000, tekunFen: 100_000, disabledFen: 3000 },
  companionship: none,
};

/** @default the elder or family cancel themselves until 12 hours before the window. */
export const DEFAULT_CANCEL_HOURS = 12;
