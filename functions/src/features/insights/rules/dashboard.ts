import {
  abilities,
  abilityNames,
  addDays,
  fulfilmentNames,
  fulfilments,
  livingSituationNames,
  livingSituations,
  mealNames,
  meals,
  subsidyCategories,
  subsidyCategoryNames,
  type CountOf,
  type Dashboard,
  type MealsOfDay,
  type MonthFigures,
} from '@yilin/contract';

/**
 * A dashboard from the figures of one place: pure, so what each number means is read here in one place.
 * `figures` maps each key of the place (see contributions.ts) to its value; a key never written is 0.
 */
export type Figures = Map<string, number>;

const of = (figures: Figures, key: string) => figures.get(key) ?? 0;

/** The months ending with `month`, oldest first. */
export function monthsUpTo(month: string, count: number): string[] {
  const [year, number] = month.split('-').map(Number);
  return Array.from({ length: count }, (_, index) => {
    const back = count - 1 - index;
    const total = year * 12 + (number - 1) - back;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

/** One month's figures, from keys `<prefix><metric>` (`m#2026-11#` for a place, `p#2026-11#<part>#` side by side). */
export function monthFiguresOf(figures: Figures, month: string, prefix = `m#${month}#`): MonthFigures {
  const value = (metric: string) => of(figures, `${prefix}${metric}`);
  return {
    month,
    meals: value('meals'),
    mealPaidFen: value('mealPaidFen'),
    mealSubsidyFen: value('mealSubsidyFen'),
    visits: value('visits'),
    carePaidFen: value('carePaidFen'),
    careSubsidyFen: value('careSubsidyFen'),
    wishesPosted: value('wishesPosted'),
    wishesRealised: value('wishesRealised'),
    pointsEarned: value('pointsEarned'),
    pointsRedeemed: value('pointsRedeemed'),
    activeVolunteers: value('activeVolunteers'),
    ratings: value('ratings'),
    satisfied: value('satisfied'),
  };
}

export function mealsOfDay(figures: Figures, today: string): MealsOfDay[] {
  return meals.map((meal) => {
    const byFulfilment = fulfilments.map((fulfilment) => ({ key: fulfilment, name: fulfilmentNames[fulfilment], count: of(figures, `d#${today}#meals.${meal}.${fulfilment}`) }));
    return { meal, mealName: mealNames[meal], byFulfilment, total: byFulfilment.reduce((sum, row) => sum + row.count, 0), done: of(figures, `d#${today}#mealsDone.${meal}`) };
  });
}

/** Age bands by year of birth (the figures keep birth years, so a band never needs a recount on a birthday). */
const ageBands = [
  { key: 'under60', name: '60岁以下', from: 0, to: 59 },
  { key: '60s', name: '60–69岁', from: 60, to: 69 },
  { key: '70s', name: '70–79岁', from: 70, to: 79 },
  { key: '80s', name: '80–89岁', from: 80, to: 89 },
  { key: '90plus', name: '90岁及以上', from: 90, to: 200 },
];

export function eldersOf(figures: Figures, today: string): Dashboard['elders'] {
  const year = Number(today.slice(0, 4));
  const bands = ageBands.map((band) => ({ key: band.key, name: band.name, count: 0 }));
  for (const [key, value] of figures) {
    const born = /^g#elders\.born\.(\d{4})$/.exec(key);
    if (!born) continue;
    const age = year - Number(born[1]);
    const index = ageBands.findIndex((band) => age >= band.from && age <= band.to);
    if (index >= 0) bands[index].count += value;
  }
  const counts = <K extends string>(group: string, keys: readonly K[], names: Record<K, string>): Array<CountOf<K>> =>
    keys.map((key) => ({ key, name: names[key], count: of(figures, `g#elders.${group}.${key}`) }));
  return {
    total: of(figures, 'g#elders'),
    livingAlone: of(figures, 'g#elders.living.alone'),
    bySubsidy: counts('subsidy', [...subsidyCategories, 'none'] as const, { ...subsidyCategoryNames, none: '未核实' }),
    byAgeBand: bands,
    byAbility: counts('ability', [...abilities, 'unknown'] as const, { ...abilityNames, unknown: '未评估' }),
    byLiving: counts('living', [...livingSituations, 'unknown'] as const, { ...livingSituationNames, unknown: '未登记' }),
  };
}

/**
 * Confirmed visits nobody has started: overdue once their window has ended (`o#<date>#<window end>`), for
 * the days up to today.
 */
export function overdueVisits(figures: Figures, today: string, timeNow: string): number {
  let overdue = 0;
  for (const [key, value] of figures) {
    const match = /^o#(\d{4}-\d{2}-\d{2})#(\d{2}:\d{2})$/.exec(key);
    if (match && (match[1] < today || (match[1] === today && match[2] <= timeNow))) overdue += value;
  }
  return overdue;
}

/** How many days without a meal, visit or wish make an elder living alone someone to knock on. */
export const QUIET_DAYS = 7;

/** The last day an elder may have been seen and still be on the knock list. */
export const quietSince = (today: string) => addDays(today, -QUIET_DAYS);

/** Elders living alone last seen on or before {@link quietSince} (`q#<date>`). */
export function quietElders(figures: Figures, today: string): number {
  const since = quietSince(today);
  let quiet = 0;
  for (const [key, value] of figures) {
    const match = /^q#(\d{4}-\d{2}-\d{2})$/.exec(key);
    if (match && match[1] <= since) quiet += value;
  }
  return quiet;
}

/** The figures of each part (a centre, a community) for the month, side by side: `p#<month>#<part>#<metric>`. */
export function partFigures(figures: Figures, month: string, partId: string): MonthFigures {
  return monthFiguresOf(figures, month, `p#${month}#${partId}#`);
}

/** Days between two business dates. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
