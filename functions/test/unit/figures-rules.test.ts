import fc from 'fast-check';
import { contactDayOf, contributionsOf, differenceOf, sideBySideKey } from '../../src/features/insights/rules/contributions';
import { eldersOf, monthsUpTo, overdueVisits, quietElders } from '../../src/features/insights/rules/dashboard';
import { settlementCsv, settlementRowOf, totalsOf } from '../../src/features/insights/rules/settlement';

const order = (status: string, overrides: Record<string, unknown> = {}) => ({
  status,
  date: '2026-11-17',
  meal: 'lunch',
  fulfilment: 'eat_in',
  priceFen: 800,
  subsidyFen: 700,
  subsidyCategory: 'dibao',
  elderId: 'e1',
  ...overrides,
});
const keys = (entity: string, item: Record<string, unknown>) => Object.fromEntries(contributionsOf(entity, item).map(({ key, amount }) => [key, amount]));

describe('what a record counts for', () => {
  test('an order placed counts in the day’s meals and as pending; a cancelled one counts for nothing', () => {
    expect(keys('order', order('placed'))).toEqual({ 'd#2026-11-17#meals.lunch.eat_in': 1, 'g#ordersPending': 1 });
    expect(keys('order', order('cancelled'))).toEqual({});
  });

  test('a meal served counts in the month as the statement does: the meal, what was paid, the subsidy, by category', () => {
    expect(keys('order', order('served'))).toEqual({
      'd#2026-11-17#meals.lunch.eat_in': 1,
      'd#2026-11-17#mealsDone.lunch': 1,
      'm#2026-11#meals': 1,
      'm#2026-11#mealPaidFen': 800,
      'm#2026-11#mealSubsidyFen': 700,
      'm#2026-11#meals.cat.dibao': 1,
      'm#2026-11#mealPaidFen.cat.dibao': 800,
      'm#2026-11#mealSubsidyFen.cat.dibao': 700,
    });
    expect(keys('order', order('no_show'))).toEqual({ 'd#2026-11-17#meals.lunch.eat_in': 1 });
  });

  test('a confirmed visit waits by the end of its window; a completed one counts with its subsidy and rating', () => {
    const visit = { date: '2026-11-17', windowEnd: '11:00', category: 'housework', priceFen: 2000, subsidyFen: 3000 };
    expect(keys('booking', { ...visit, status: 'confirmed' })).toEqual({ 'd#2026-11-17#visits.booked': 1, 'o#2026-11-17#11:00': 1 });
    expect(keys('booking', { ...visit, status: 'completed', rating: { stars: 3 } })).toMatchObject({ 'm#2026-11#visits': 1, 'm#2026-11#careSubsidyFen.cat.housework': 3000, 'm#2026-11#ratings': 1 });
    expect(keys('booking', { ...visit, status: 'completed', rating: { stars: 4 } })).toMatchObject({ 'm#2026-11#satisfied': 1 });
    expect(keys('booking', { ...visit, status: 'rejected' })).toEqual({});
  });

  test('a wish counts by stage, and as collected as the wall counts it (once posted, unless taken back before review), posted and realised by the China date', () => {
    const wish = { postedAt: '2026-10-31T17:00:00.000Z' };
    expect(keys('wish', { ...wish, status: 'pending' })).toEqual({ 'g#wishes.toReview': 1, 'g#wishes.collected': 1, 'm#2026-11#wishesPosted': 1 });
    expect(keys('wish', { ...wish, status: 'rejected' })).toEqual({ 'g#wishes.collected': 1, 'm#2026-11#wishesPosted': 1 });
    expect(keys('wish', { ...wish, status: 'withdrawn' })).toEqual({ 'm#2026-11#wishesPosted': 1 });
    expect(keys('wish', { ...wish, status: 'withdrawn', publishedAt: '2026-11-02T01:00:00.000Z' })).toEqual({ 'g#wishes.collected': 1, 'm#2026-11#wishesPosted': 1 });
    expect(keys('wish', { ...wish, status: 'delivered' })).toEqual({ 'g#wishes.claimed': 1, 'g#wishes.collected': 1, 'm#2026-11#wishesPosted': 1 });
    expect(keys('wish', { ...wish, status: 'realised', realisedAt: '2026-12-01T01:00:00.000Z' })).toMatchObject({ 'g#wishes.realised': 1, 'm#2026-12#wishesRealised': 1 });
  });

  test('an elder who left the register counts for nothing; one on it by subsidy, birth year, ability and living', () => {
    const elder = { status: 'active', subsidyCategoryVerified: 'tekun', birthDate: '1938-03-01', ability: 'dependent', livingSituation: 'alone' };
    expect(keys('elder', elder)).toEqual({ 'g#elders': 1, 'g#elders.subsidy.tekun': 1, 'g#elders.born.1938': 1, 'g#elders.ability.dependent': 1, 'g#elders.living.alone': 1 });
    expect(keys('elder', { ...elder, status: 'deceased' })).toEqual({});
  });

  test('an elder living alone counts by the day last seen, or by the day registered when never seen', () => {
    expect(keys('elderContact', { livingAlone: true, active: true, registeredOn: '2026-01-05' })).toEqual({ 'q#2026-01-05': 1 });
    expect(keys('elderContact', { livingAlone: true, active: true, registeredOn: '2026-01-05', lastContact: '2026-11-17' })).toEqual({ 'q#2026-11-17': 1 });
    expect(keys('elderContact', { livingAlone: false, active: true, registeredOn: '2026-01-05' })).toEqual({});
  });

  test('a meal counts as contact once taken; a wish on the day posted or realised', () => {
    expect(contactDayOf('order', order('placed'))).toBeUndefined();
    expect(contactDayOf('order', order('delivered'))).toEqual({ elderId: 'e1', day: '2026-11-17' });
    expect(contactDayOf('wish', { elderId: 'e1', postedAt: '2026-11-16T20:00:00.000Z' })).toEqual({ elderId: 'e1', day: '2026-11-17' });
  });
});

describe('differences', () => {
  const statuses = ['placed', 'confirmed', 'served', 'delivered', 'no_show', 'cancelled'];
  test('applying the difference of a change to the old contributions gives the new ones, for any two orders', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.constantFrom(...statuses), fc.integer({ min: 0, max: 5000 }), (from, to, price) => {
        const before = contributionsOf('order', order(from, { priceFen: price }));
        const after = contributionsOf('order', order(to));
        const totals = new Map<string, number>();
        for (const { key, amount } of before) totals.set(key, (totals.get(key) ?? 0) + amount);
        for (const [key, amount] of differenceOf(before, after)) totals.set(key, (totals.get(key) ?? 0) + amount);
        for (const [key, amount] of totals) if (amount === 0) totals.delete(key);
        expect(Object.fromEntries(totals)).toEqual(Object.fromEntries(after.map(({ key, amount }) => [key, amount])));
      }),
    );
  });

  test('only month figures go side by side under the place above, and not the breakdowns by category', () => {
    expect(sideBySideKey('m#2026-11#meals', 'c1')).toBe('p#2026-11#c1#meals');
    expect(sideBySideKey('m#2026-11#meals.cat.dibao', 'c1')).toBeUndefined();
    expect(sideBySideKey('g#ordersPending', 'c1')).toBeUndefined();
  });
});

describe('reading a dashboard', () => {
  test('twelve months end with the month shown, across a new year', () => {
    expect(monthsUpTo('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  test('a confirmed visit is overdue once its window has ended, today or before; not yet while it runs', () => {
    const figures = new Map([['o#2026-11-16#16:00', 1], ['o#2026-11-17#11:00', 2], ['o#2026-11-17#16:00', 4]]);
    expect(overdueVisits(figures, '2026-11-17', '12:00')).toBe(3);
    expect(overdueVisits(figures, '2026-11-17', '10:59')).toBe(1);
  });

  test('an elder living alone is to knock on after seven days without a meal, visit or wish', () => {
    const figures = new Map([['q#2026-11-10', 2], ['q#2026-11-11', 5], ['q#2026-01-05', 1]]);
    expect(quietElders(figures, '2026-11-17')).toBe(3);
  });

  test('age bands come from birth years', () => {
    const elders = eldersOf(new Map([['g#elders.born.1931', 2], ['g#elders.born.1956', 1], ['g#elders', 3]]), '2026-11-17');
    expect(Object.fromEntries(elders.byAgeBand.map((band) => [band.key, band.count]))).toEqual({ under60: 0, '60s': 0, '70s': 1, '80s': 0, '90plus': 2 });
  });
});

describe('the settlement report', () => {
  const month = '2026-11';
  const figures = (meals: number, subsidy: number) =>
    new Map([
      [`m#${month}#meals`, meals],
      [`m#${month}#mealSubsidyFen`, subsidy],
      [`m#${month}#meals.cat.dibao`, meals],
      [`m#${month}#mealSubsidyFen.cat.dibao`, subsidy],
    ]);

  test('the county’s totals are the sum of its centres, category by category', () => {
    const rows = [settlementRowOf('a', '甲中心', month, figures(3, 2100)), settlementRowOf('b', '乙中心', month, figures(2, 1401))];
    const totals = totalsOf(rows);
    expect(totals.meals).toBe(5);
    expect(totals.mealSubsidyFen).toBe(3501);
    expect(totals.mealsByCategory.find((group) => group.category === 'dibao')).toMatchObject({ meals: 5, subsidyFen: 3501 });
  });

  test('the CSV starts with the byte-order mark and the header row, keeps names that look like formulas as text, and ends with what it counts', () => {
    const rows = [settlementRowOf('a', '=甲中心', month, figures(3, 2100))];
    const csv = settlementCsv({
      county: { kind: 'county', id: 'x', name: '示范县' }, month, from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-30', complete: true,
      title: '示范县 2026-11 居家养老服务补贴结算报表', madeOn: '2026-12-01', rows, totals: totalsOf(rows),
    });
    const lines = csv.slice(1).split('\r\n');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0].startsWith('服务中心,助餐次数')).toBe(true);
    expect(lines[1].startsWith("'=甲中心,3,0.00,21.00")).toBe(true);
    expect(lines[2].startsWith('合计,3,')).toBe(true);
    expect(lines).toContain('统计期间,2026-11-01 至 2026-11-30（全月）');
  });
});
