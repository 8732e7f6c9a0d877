import fc from 'fast-check';
import type { PriceRule, SubsidyCategory, TierSubsidies } from '@yilin/contract';
import { defaultCareSubsidies, servicePriceFor } from '../../src/features/care/rules/pricing';

const visitDate = '2026-11-17';
const standard = 10_000;
/** A household visit's subsidies as a centre might set them: 80+ ¥30, 低保 ¥50, 特困 everything. */
const housework: TierSubsidies = { age60Fen: 0, age70Fen: 1000, age80Fen: 3000, dibaoFen: 5000, tekunFen: 100_000, disabledFen: 3000 };

const price = (birthDate: string, verifiedCategory: SubsidyCategory | null, subsidies: TierSubsidies = housework, standardPriceFen = standard) =>
  servicePriceFor({ birthDate, verifiedCategory, visitDate, standardPriceFen, subsidies });

describe('servicePriceFor: the price less the largest subsidy of any tier the elder stands in', () => {
  test.each<[string, string, SubsidyCategory | null, number, PriceRule, string]>([
    // [case, birth date, verified category, price paid, rule, reason]
    ['under 60 pays the standard price', '1980-05-05', null, 10_000, 'standard', '标准价 ¥100'],
    ['特困 under 60 still pays the standard price: every tier is for elders', '1970-02-14', 'tekun', 10_000, 'standard', '标准价 ¥100'],
    ['a tier the centre gives nothing is the standard price', '1962-03-03', null, 10_000, 'standard', '标准价 ¥100'],
    ['70–79 gets the 70–79 subsidy', '1951-06-01', null, 9000, 'age70', '70–79岁 补贴 ¥10'],
    ['低保 at 85 gets the 低保 ¥50, larger than the 80+ ¥30', '1941-05-12', 'dibao', 5000, 'dibao', '低保 补贴 ¥50'],
    ['残疾 at 85 gets the 80+ ¥30 when that is the larger one', '1941-05-12', 'disabled', 7000, 'age80', '80岁以上 补贴 ¥30'],
    ['特困 at 62 is free', '1964-02-14', 'tekun', 0, 'tekun', '特困 全免'],
  ])('%s', (_case, birthDate, category, priceFen, rule, reason) => {
    expect(price(birthDate, category)).toEqual({ priceFen, subsidyFen: standard - priceFen, rule, reason });
  });

  test('on a tie the age tier is shown, since it holds without any verification', () => {
    expect(price('1941-05-12', 'dibao', { ...housework, dibaoFen: 3000 })).toMatchObject({ rule: 'age80', subsidyFen: 3000 });
  });

  test('a subsidy never exceeds the price: a ¥30 visit with a ¥1,000 subsidy is free, not ¥970 back', () => {
    expect(price('1964-02-14', 'tekun', housework, 3000)).toEqual({ priceFen: 0, subsidyFen: 3000, rule: 'tekun', reason: '特困 全免' });
  });

  test('for any price and subsidies, the elder pays between nothing and the full price, and the two add up', () => {
    const fen = fc.integer({ min: 0, max: 100_000 });
    const subsidies = fc.record({ age60Fen: fen, age70Fen: fen, age80Fen: fen, dibaoFen: fen, tekunFen: fen, disabledFen: fen });
    const birthDate = fc.constantFrom('1930-01-01', '1950-06-15', '1960-03-03', '1990-09-09');
    const category = fc.constantFrom<SubsidyCategory | null>(null, 'normal', 'dibao', 'tekun', 'disabled');
    fc.assert(
      fc.property(birthDate, category, subsidies, fen, (born, verified, table, standardPriceFen) => {
        const result = price(born, verified, table, standardPriceFen);
        expect(result.subsidyFen).toBeGreaterThanOrEqual(0);
        expect(result.subsidyFen).toBeLessThanOrEqual(standardPriceFen);
        expect(result.priceFen + result.subsidyFen).toBe(standardPriceFen);
        expect(result.rule === 'standard').toBe(result.subsidyFen === 0);
      }),
    );
  });
});

describe('defaultCareSubsidies: until a centre sets its own', () => {
  test('特困 household and medical visits are free; companionship is not subsidised', () => {
    const tekun = (subsidies: TierSubsidies) => servicePriceFor({ birthDate: '1950-01-01', verifiedCategory: 'tekun', visitDate, standardPriceFen: 8000, subsidies });
    expect(tekun(defaultCareSubsidies.housework).priceFen).toBe(0);
    expect(tekun(defaultCareSubsidies.medical).priceFen).toBe(0);
    expect(tekun(defaultCareSubsidies.companionship)).toMatchObject({ priceFen: 8000, rule: 'standard' });
  });
});
