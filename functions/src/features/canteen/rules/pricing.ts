import { priceRuleNames, yuan, type PriceRule, type SubsidyCategory } from '@yilin/contract';
import { subsidyTiersOf, tierAmount } from '../../people/rules/subsidy-tiers';

export { yuan, type PriceRule } from '@yilin/contract';

/**
 * Canteen meal prices (老年助餐). Defaults from 衡阳学院路社区, configurable per centre, all in fen:
 * 60–69 ¥10, 70–79 ¥9, 80+ ¥8, 低保 ¥8, 特困 and 残疾 free, every tier for elders of 60 and over; under 60
 * the standard price, whatever the subsidy category. Age is counted
 * on the meal's date from the birth date; a subsidy category counts only once a worker verified it;
 * the lowest applicable price wins, and no price exceeds the menu's standard price.
 */
export interface PriceRules {
  age60Fen: number;
  age70Fen: number;
  age80Fen: number;
  dibaoFen: number;
  tekunFen: number;
  disabledFen: number;
}

export const defaultPriceRules: PriceRules = {
  age60Fen: 1000,
  age70Fen: 900,
  age80Fen: 800,
  dibaoFen: 800,
  tekunFen: 0,
  disabledFen: 0,
};

export interface MealPrice {
  priceFen: number;
  /** Owed by government: standard price minus what the elder pays. */
  subsidyFen: number;
  rule: PriceRule;
  /** Why, in words an elder reads before ordering, e.g. "80岁以上 ¥8". */
  reason: string;
}

export interface PricingInput {
  birthDate: string;
  verifiedCategory: SubsidyCategory | null;
  mealDate: string;
  standardPriceFen: number;
  rules?: PriceRules;
}

function candidates(input: PricingInput, rules: PriceRules): Array<{ rule: PriceRule; fen: number }> {
  const tiers = subsidyTiersOf(input.birthDate, input.verifiedCategory, input.mealDate);
  return [{ rule: 'standard', fen: input.standardPriceFen }, ...tiers.map((tier) => ({ rule: tier, fen: tierAmount(rules, tier) }))];
}

export function mealPriceFor(input: PricingInput): MealPrice {
  const rules = input.rules ?? defaultPriceRules;
  // On a tie the age rule, listed first, is kept: it holds without any verification.
  const best = candidates(input, rules).reduce((low, next) => (next.fen < low.fen ? next : low));
  const priceFen = Math.min(best.fen, input.standardPriceFen);
  const rule = best.rule;
  const reason =
    rule === 'standard'
      ? `标准价 ${yuan(priceFen)}`
      : priceFen === 0
        ? `${priceRuleNames[rule]} 免费`
        : `${priceRuleNames[rule]} ${yuan(priceFen)}`;
  return { priceFen, subsidyFen: input.standardPriceFen - priceFen, rule, reason };
}
