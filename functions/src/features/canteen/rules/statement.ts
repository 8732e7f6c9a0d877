import type { SubsidyCategory } from '@yilin/contract';
import { orderStatusNames, type OrderStatus } from './canteen';
import { subsidyCategoryNames } from '../../people/rules/verification';

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

/** The statuses a statement counts: a meal served at the counter or delivered to the door. */
export const countedStatuses = ['served', 'delivered'] as const satisfies readonly OrderStatus[];
export type CountedStatus = (typeof countedStatuses)[number];

export const isCounted = (status: OrderStatus): status is CountedStatus => (countedStatuses as readonly OrderStatus[]).includes(status);

/** What the statement counts, in words: 只统计已取餐和已送达的餐次. */
export const countsNote = `只统计${countedStatuses.map((status) => orderStatusNames[status]).join('和')}的餐次`;

export interface StatementPeriod {
  /** The first and the last day of the month. */
  from: string;
  to: string;
  /** The last day the figures cover: the month's last day once it has ended, otherwise today. */
  asOf: string;
  /** Whether the month has ended, so the figures will not change any more. */
  complete: boolean;
}

/**
 * The period of a month's statement seen on a business date (`YYYY-MM-DD`, Asia/Shanghai);
 * undefined when the month is not `YYYY-MM`.
 */
export function statementPeriod(month: string, today: string): StatementPeriod | undefined {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return undefined;
  const length = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate();
  const from = `${month}-01`;
  const to = `${month}-${String(length).padStart(2, '0')}`;
  const complete = today > to;
  return { from, to, asOf: complete ? to : today, complete };
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

export const fenAsYuan = (fen: number) => {
  const magnitude = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.trunc(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
};

/**
 * One CSV cell. Text a spreadsheet would read as a formula (starting with =, +, -, @, tab or CR) gets
 * a leading apostrophe, so an elder named `=HYPERLINK(...)` stays a name (OWASP CSV injection); a cell
 * with a comma, a quote, CR or LF is quoted, with quotes doubled.
 */
export function csvCell(value: string): string {
  const neutral = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/** A subsidy category in words; an elder not yet verified is 未核实. */
export const categoryName = (category: SubsidyCategory | 'none' | null) => (category && category !== 'none' ? subsidyCategoryNames[category] : '未核实');

export const statementHeader = ['长辈', '长辈编号', '补贴类别', '用餐次数', '自付金额（元）', '补贴金额（元）'];

export interface StatementAbout extends StatementPeriod {
  /** E.g. 学院路街道综合养老服务中心 2026-11 助餐补贴结算单. */
  title: string;
  /** The business date the statement was made. */
  madeOn: string;
}

/** The period in words: the whole month, or 截至 today while the month runs. */
export const periodText = (about: StatementPeriod) =>
  about.complete ? `${about.from} 至 ${about.to}（全月）` : `截至 ${about.asOf}（本月尚未结束，数字还会变化）`;

/**
 * CSV in UTF-8 with a byte-order mark, so Excel opens the Chinese correctly. The first line is the
 * header row; the title, the period, what is counted and the date it was made follow the table.
 */
export function statementCsv(figures: StatementFigures, about: StatementAbout): string {
  const lines = [
    statementHeader,
    ...figures.rows.map((row) => [row.elderName, row.elderId, categoryName(row.subsidyCategory), String(row.meals), fenAsYuan(row.paidFen), fenAsYuan(row.subsidyFen)]),
    [],
    ['按类别'],
    ...figures.byCategory.map((group) => [categoryName(group.subsidyCategory), '', '', String(group.meals), fenAsYuan(group.paidFen), fenAsYuan(group.subsidyFen)]),
    ['合计', '', '', String(figures.totals.meals), fenAsYuan(figures.totals.paidFen), fenAsYuan(figures.totals.subsidyFen)],
    [],
    ['结算单', about.title],
    ['统计期间', periodText(about)],
    ['统计口径', countsNote],
    ['制表日期', about.madeOn],
  ];
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
