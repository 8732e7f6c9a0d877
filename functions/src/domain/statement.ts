import type { SubsidyCategory } from '../schemas/common';
import { subsidyCategoryNames } from './verification';

/**
 * The monthly subsidy statement: per elder, meals taken, paid and subsidy owed; by category; totals.
 * Pure arithmetic in integer fen, so the totals equal the sum of the orders to the fen.
 */
export interface TakenMeal {
  elderId: string;
  elderName: string;
  subsidyCategory: SubsidyCategory | null;
  priceFen: number;
  subsidyFen: number;
}

export interface StatementFigures {
  rows: Array<{ elderId: string; elderName: string; subsidyCategory: SubsidyCategory | null; meals: number; paidFen: number; subsidyFen: number }>;
  byCategory: Array<{ subsidyCategory: SubsidyCategory | 'none'; meals: number; paidFen: number; subsidyFen: number }>;
  totals: { meals: number; paidFen: number; subsidyFen: number };
}

export function buildStatement(meals: TakenMeal[]): StatementFigures {
  const rows = new Map<string, StatementFigures['rows'][number]>();
  const categories = new Map<SubsidyCategory | 'none', StatementFigures['byCategory'][number]>();
  const totals = { meals: 0, paidFen: 0, subsidyFen: 0 };
  for (const meal of meals) {
    // An elder's category is the one verified when each meal was ordered; rows are per elder and category.
    const rowKey = `${meal.elderId}|${meal.subsidyCategory ?? 'none'}`;
    const row = rows.get(rowKey) ?? { elderId: meal.elderId, elderName: meal.elderName, subsidyCategory: meal.subsidyCategory, meals: 0, paidFen: 0, subsidyFen: 0 };
    row.meals += 1;
    row.paidFen += meal.priceFen;
    row.subsidyFen += meal.subsidyFen;
    rows.set(rowKey, row);
    const category = meal.subsidyCategory ?? 'none';
    const group = categories.get(category) ?? { subsidyCategory: category, meals: 0, paidFen: 0, subsidyFen: 0 };
    group.meals += 1;
    group.paidFen += meal.priceFen;
    group.subsidyFen += meal.subsidyFen;
    categories.set(category, group);
    totals.meals += 1;
    totals.paidFen += meal.priceFen;
    totals.subsidyFen += meal.subsidyFen;
  }
  return {
    rows: [...rows.values()].sort((a, b) => a.elderName.localeCompare(b.elderName, 'zh-CN') || a.elderId.localeCompare(b.elderId)),
    byCategory: [...categories.values()],
    totals,
  };
}

const fenAsYuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const categoryName = (category: SubsidyCategory | 'none' | null) => (category && category !== 'none' ? subsidyCategoryNames[category] : '未核实');

/** CSV in UTF-8 with a byte-order mark, so Excel opens the Chinese correctly. */
export function statementCsv(title: string, figures: StatementFigures): string {
  const lines = [
    [title],
    ['长辈', '补贴类别', '用餐次数', '自付金额（元）', '补贴金额（元）'],
    ...figures.rows.map((row) => [row.elderName, categoryName(row.subsidyCategory), String(row.meals), fenAsYuan(row.paidFen), fenAsYuan(row.subsidyFen)]),
    [],
    ['按类别', '', '', '', ''],
    ...figures.byCategory.map((group) => [categoryName(group.subsidyCategory), '', String(group.meals), fenAsYuan(group.paidFen), fenAsYuan(group.subsidyFen)]),
    ['合计', '', String(figures.totals.meals), fenAsYuan(figures.totals.paidFen), fenAsYuan(figures.totals.subsidyFen)],
  ];
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
