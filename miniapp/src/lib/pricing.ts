import { priceRuleNames, yuan, type MealPriceRules } from '@yilin/contract'

/** Fen → what goes into a yuan text box ("10", "8.5"), and back with `fenOf`. */
export { yuanInputOf } from '@yilin/contract'

/** The six meal prices of a centre, in the order the county's rules list them. */
export type PriceField = keyof MealPriceRules

export const priceFields: PriceField[] = ['age60Fen', 'age70Fen', 'age80Fen', 'dibaoFen', 'tekunFen', 'disabledFen']

/** Each price is labelled with the name of its rule, as the functions write it into an order's price reason. */
export const priceLabels: Record<PriceField, string> = {
  age60Fen: priceRuleNames.age60,
  age70Fen: priceRuleNames.age70,
  age80Fen: priceRuleNames.age80,
  dibaoFen: priceRuleNames.dibao,
  tekunFen: priceRuleNames.tekun,
  disabledFen: priceRuleNames.disabled,
}

/** Age prices and subsidy-category prices: only neighbours of the same kind are said together. */
const ageFields: PriceField[] = ['age60Fen', 'age70Fen', 'age80Fen']

/** Fen → "¥8", or "免费" for nothing to pay. */
export const priceText = (fen: number) => (fen === 0 ? '免费' : yuan(fen))

/**
 * All six prices on one line, neighbours of the same kind with the same price said once:
 * "60–69岁 ¥10 · 70–79岁 ¥9 · 80岁以上 ¥8 · 低保 ¥8 · 特困、残疾 免费".
 */
export function pricingLine(rules: MealPriceRules): string {
  const groups: Array<{ labels: string[]; fen: number; age: boolean }> = []
  for (const field of priceFields) {
    const age = ageFields.includes(field)
    const last = groups[groups.length - 1]
    if (last && last.fen === rules[field] && last.age === age) last.labels.push(priceLabels[field])
    else groups.push({ labels: [priceLabels[field]], fen: rules[field], age })
  }
  return groups.map((group) => `${group.labels.join('、')} ${priceText(group.fen)}`).join(' · ')
}
