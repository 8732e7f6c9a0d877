import fc from 'fast-check';
import { ageOn } from '../../src/features/people/rules/age';
import { defaultPriceRules, mealPriceFor, yuan, type PriceRule, type PriceRules, type PricingInput } from '../../src/features/canteen/rules/pricing';
import type { SubsidyCategory } from '@yilin/contract';

const mealDate = '2026-11-16';
const standard = 1500;

/** Pricing input for someone born on `birthDate`, eating on the fixed meal date at the standard ¥15. */
const input = (birthDate: string, verifiedCategory: SubsidyCategory | null = null, overrides: Partial<PricingInput> = {}): PricingInput => ({
  birthDate,
  verifiedCategory,
  mealDate,
  standardPriceFen: standard,
  ...overrides,
});

describe('mealPriceFor: the price an elder pays for one meal', () => {
  test.each<[string, string, SubsidyCategory | null, number, PriceRule, string]>([
    // [case, birth date, verified category, price, rule, reason]
    ['59 the day before turning 60 pays the standard price', '1966-11-17', null, 1500, 'standard', '标准价 ¥15'],
    ['turning 60 on the meal date pays the 60–69 price', '1966-11-16', null, 1000, 'age60', '60–69岁 ¥10'],
    ['69 the day before turning 70 still pays the 60–69 price', '1956-11-17', null, 1000, 'age60', '60–69岁 ¥10'],
    ['turning 70 on the meal date pays the 70–79 price', '1956-11-16', null, 900, 'age70', '70–79岁 ¥9'],
    ['79 the day before turning 80 still pays the 70–79 price', '1946-11-17', null, 900, 'age70', '70–79岁 ¥9'],
    ['turning 80 on the meal date pays the 80+ price', '1946-11-16', null, 800, 'age80', '80岁以上 ¥8'],
    ['at 100 the 80+ price still applies', '1926-01-01', null, 800, 'age80', '80岁以上 ¥8'],
    ['under 60 with no verified category pays the standard price', '1980-05-05', null, 1500, 'standard', '标准价 ¥15'],
    ['a verified "normal" category adds nothing to the age price', '1956-01-01', 'normal', 900, 'age70', '70–79岁 ¥9'],
    ['低保 at 64 pays ¥8 rather than the 60–69 price', '1962-03-03', 'dibao', 800, 'dibao', '低保 ¥8'],
    // Every tier is for elders of 60 and over (低保老人, 特困和残疾老人): under 60 a category changes nothing.
    ['低保 at 55 pays the standard price', '1971-03-03', 'dibao', 1500, 'standard', '标准价 ¥15'],
    ['低保 the day before turning 60 still pays the standard price', '1966-11-17', 'dibao', 1500, 'standard', '标准价 ¥15'],
    ['低保 turning 60 on the meal date pays ¥8', '1966-11-16', 'dibao', 800, 'dibao', '低保 ¥8'],
    ['特困 under 60 pays the standard price', '1980-02-14', 'tekun', 1500, 'standard', '标准价 ¥15'],
    // 80+ and 低保 are both ¥8: the age rule is kept because it holds without any verification.
    ['低保 at 85 pays ¥8, shown as the age rule on a tie', '1941-05-12', 'dibao', 800, 'age80', '80岁以上 ¥8'],
    ['特困 at 62 eats free', '1964-02-14', 'tekun', 0, 'tekun', '特困 免费'],
    ['特困 at 85 eats free: the lowest price wins over the age price', '1941-05-12', 'tekun', 0, 'tekun', '特困 免费'],
    ['残疾 eats free', '1948-07-07', 'disabled', 0, 'disabled', '残疾 免费'],
    ['残疾 under 60 pays the standard price', '1990-07-07', 'disabled', 1500, 'standard', '标准价 ¥15'],
  ])('%s', (_case, birthDate, category, priceFen, rule, reason) => {
    const price = mealPriceFor(input(birthDate, category));
    expect(price).toEqual({ priceFen, subsidyFen: standard - priceFen, rule, reason });
  });

  test('age is counted on the meal date, not on the day of ordering: the same elder pays less from their 80th birthday', () => {
    const birthDate = '1946-11-18';
    expect(mealPriceFor(input(birthDate, null, { mealDate: '2026-11-17' })).priceFen).toBe(900);
    expect(mealPriceFor(input(birthDate, null, { mealDate: '2026-11-18' })).priceFen).toBe(800);
  });

  test('someone born on 29 February turns 70 on 1 March in a common year, and 80 on 29 February in a leap year', () => {
    expect(mealPriceFor(input('1956-02-29', null, { mealDate: '2026-02-28' })).rule).toBe('age60');
    expect(mealPriceFor(input('1956-02-29', null, { mealDate: '2026-03-01' })).rule).toBe('age70');
    expect(mealPriceFor(input('1948-02-29', null, { mealDate: '2028-02-28' })).rule).toBe('age70');
    expect(mealPriceFor(input('1948-02-29', null, { mealDate: '2028-02-29' })).rule).toBe('age80');
  });

  test('an unverified (null) category gives the age price only', () => {
    expect(mealPriceFor(input('1941-05-12', null))).toMatchObject({ priceFen: 800, rule: 'age80' });
    expect(mealPriceFor(input('1970-05-12', null))).toMatchObject({ priceFen: 1500, rule: 'standard' });
  });

  test('a standard price below the tier is charged as is: nobody pays more than the standard price', () => {
    const cheap = mealPriceFor(input('1960-01-01', null, { standardPriceFen: 700 }));
    expect(cheap).toEqual({ priceFen: 700, subsidyFen: 0, rule: 'standard', reason: '标准价 ¥7' });
    const dibao = mealPriceFor(input('1975-01-01', 'dibao', { standardPriceFen: 600 }));
    expect(dibao).toEqual({ priceFen: 600, subsidyFen: 0, rule: 'standard', reason: '标准价 ¥6' });
  });

  test('the subsidy is the standard price minus what the elder pays', () => {
    expect(mealPriceFor(input('1946-01-01', null, { standardPriceFen: 1800 }))).toMatchObject({ priceFen: 800, subsidyFen: 1000 });
    expect(mealPriceFor(input('1964-02-14', 'tekun', { standardPriceFen: 1800 }))).toMatchObject({ priceFen: 0, subsidyFen: 1800 });
    expect(mealPriceFor(input('1980-01-01', null, { standardPriceFen: 1800 }))).toMatchObject({ priceFen: 1800, subsidyFen: 0 });
  });

  test('the reason shows fen as yuan with two decimals when there are jiao or fen', () => {
    expect(mealPriceFor(input('1980-01-01', null, { standardPriceFen: 1250 })).reason).toBe('标准价 ¥12.50');
    expect(mealPriceFor(input('1980-01-01', null, { standardPriceFen: 1205 })).reason).toBe('标准价 ¥12.05');
    expect(yuan(800)).toBe('¥8');
    expect(yuan(0)).toBe('¥0');
    expect(yuan(1)).toBe('¥0.01');
  });

  test('a centre may set its own prices per rule, and they replace the defaults', () => {
    const rules: PriceRules = { age60Fen: 1200, age70Fen: 1100, age80Fen: 950, dibaoFen: 500, tekunFen: 200, disabledFen: 300 };
    expect(mealPriceFor(input('1966-11-16', null, { rules }))).toEqual({ priceFen: 1200, subsidyFen: 300, rule: 'age60', reason: '60–69岁 ¥12' });
    expect(mealPriceFor(input('1956-11-16', null, { rules }))).toMatchObject({ priceFen: 1100, rule: 'age70' });
    expect(mealPriceFor(input('1946-11-16', null, { rules }))).toEqual({ priceFen: 950, subsidyFen: 550, rule: 'age80', reason: '80岁以上 ¥9.50' });
    expect(mealPriceFor(input('1946-11-16', 'dibao', { rules }))).toMatchObject({ priceFen: 500, rule: 'dibao', reason: '低保 ¥5' });
    expect(mealPriceFor(input('1960-01-01', 'tekun', { rules }))).toEqual({ priceFen: 200, subsidyFen: 1300, rule: 'tekun', reason: '特困 ¥2' });
    expect(mealPriceFor(input('1960-01-01', 'disabled', { rules }))).toMatchObject({ priceFen: 300, rule: 'disabled', reason: '残疾 ¥3' });
  });

  test('a custom rule priced above the standard price never raises the price', () => {
    const rules: PriceRules = { ...defaultPriceRules, age80Fen: 2000 };
    expect(mealPriceFor(input('1940-01-01', null, { rules }))).toEqual({ priceFen: 1500, subsidyFen: 0, rule: 'standard', reason: '标准价 ¥15' });
  });
});

describe('mealPriceFor: properties over any elder, date, category and price rules', () => {
  const day = 86_400_000;
  const isoDate = (from: string, to: string) =>
    fc.integer({ min: Date.parse(from) / day, max: Date.parse(to) / day }).map((n) => new Date(n * day).toISOString().slice(0, 10));
  const fen = fc.integer({ min: 0, max: 5000 });
  const category = fc.constantFrom<SubsidyCategory | null>(null, 'normal', 'dibao', 'tekun', 'disabled');
  const rules = fc.record<PriceRules>({ age60Fen: fen, age70Fen: fen, age80Fen: fen, dibaoFen: fen, tekunFen: fen, disabledFen: fen });
  const pricing = fc.record({
    birthDate: isoDate('1900-01-01', '2010-12-31'),
    verifiedCategory: category,
    mealDate: isoDate('2025-01-01', '2035-12-31'),
    standardPriceFen: fen,
    rules: fc.option(rules, { nil: undefined }),
  });

  /** What the rules say, written independently: every applicable price, the lowest wins. */
  function applicablePrices(p: PricingInput): number[] {
    const r = p.rules ?? defaultPriceRules;
    const age = ageOn(p.birthDate, p.mealDate);
    const prices = [p.standardPriceFen];
    if (age < 60) return prices;
    if (age >= 80) prices.push(r.age80Fen);
    else if (age >= 70) prices.push(r.age70Fen);
    else if (age >= 60) prices.push(r.age60Fen);
    if (p.verifiedCategory === 'dibao') prices.push(r.dibaoFen);
    if (p.verifiedCategory === 'tekun') prices.push(r.tekunFen);
    if (p.verifiedCategory === 'disabled') prices.push(r.disabledFen);
    return prices;
  }

  test('the price never exceeds the standard price and the subsidy is never negative', () => {
    fc.assert(
      fc.property(pricing, (p) => {
        const price = mealPriceFor(p);
        expect(price.priceFen).toBeLessThanOrEqual(p.standardPriceFen);
        expect(price.priceFen).toBeGreaterThanOrEqual(0);
        expect(price.subsidyFen).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  test('price plus subsidy is exactly the standard price', () => {
    fc.assert(fc.property(pricing, (p) => {
      const price = mealPriceFor(p);
      expect(price.priceFen + price.subsidyFen).toBe(p.standardPriceFen);
    }));
  });

  test('the price is the minimum of the applicable candidates', () => {
    fc.assert(fc.property(pricing, (p) => {
      expect(mealPriceFor(p).priceFen).toBe(Math.min(...applicablePrices(p)));
    }));
  });

  test('the rule named is one that applies and whose price is the one charged', () => {
    fc.assert(fc.property(pricing, (p) => {
      const price = mealPriceFor(p);
      const r = p.rules ?? defaultPriceRules;
      const priceOfRule: Record<PriceRule, number> = {
        standard: p.standardPriceFen,
        age60: r.age60Fen,
        age70: r.age70Fen,
        age80: r.age80Fen,
        dibao: r.dibaoFen,
        tekun: r.tekunFen,
        disabled: r.disabledFen,
      };
      expect(priceOfRule[price.rule]).toBe(price.priceFen);
      const free = price.priceFen === 0 && price.rule !== 'standard';
      expect(price.reason.endsWith(free ? '免费' : yuan(price.priceFen))).toBe(true);
    }));
  });

  test('an unverified category never lowers the price below the age price', () => {
    fc.assert(fc.property(pricing, (p) => {
      const unverified = mealPriceFor({ ...p, verifiedCategory: null });
      const normal = mealPriceFor({ ...p, verifiedCategory: 'normal' });
      expect(normal.priceFen).toBe(unverified.priceFen);
      expect(['standard', 'age60', 'age70', 'age80']).toContain(unverified.rule);
    }));
  });
});
