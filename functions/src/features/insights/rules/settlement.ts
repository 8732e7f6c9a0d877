import { serviceCategories, serviceCategoryNames, subsidyCategories, type SettlementReport, type SettlementRow } from '@yilin/contract';
import { categoryName, countsNote, csvCell, fenAsYuan, periodText } from '../../canteen/rules/statement';
import type { Figures } from './dashboard';

/**
 * The county's monthly settlement with civil affairs: per centre, meals and their subsidy by the elder's
 * category (as the centre's own statement counts them), completed visits and their subsidy by kind of
 * service, points spent in the stores. Pure arithmetic on a centre's month figures, in integer fen.
 */
const mealCategories = [...subsidyCategories, 'none'] as const;

export function settlementRowOf(centreId: string, centreName: string, month: string, figures: Figures): SettlementRow {
  const value = (metric: string) => figures.get(`m#${month}#${metric}`) ?? 0;
  return {
    centreId,
    centreName,
    meals: value('meals'),
    mealPaidFen: value('mealPaidFen'),
    mealSubsidyFen: value('mealSubsidyFen'),
    mealsByCategory: mealCategories.map((category) => ({
      category,
      categoryName: categoryName(category),
      meals: value(`meals.cat.${category}`),
      paidFen: value(`mealPaidFen.cat.${category}`),
      subsidyFen: value(`mealSubsidyFen.cat.${category}`),
    })),
    visits: value('visits'),
    carePaidFen: value('carePaidFen'),
    careSubsidyFen: value('careSubsidyFen'),
    visitsByCategory: serviceCategories.map((category) => ({
      category,
      categoryName: serviceCategoryNames[category],
      visits: value(`visits.cat.${category}`),
      paidFen: value(`carePaidFen.cat.${category}`),
      subsidyFen: value(`careSubsidyFen.cat.${category}`),
    })),
    pointsRedeemed: value('pointsRedeemed'),
  };
}

/** The county's totals: the sum of its centres' rows, category by category. */
export function totalsOf(rows: SettlementRow[]): SettlementReport['totals'] {
  const sum = (pick: (row: SettlementRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return {
    meals: sum((row) => row.meals),
    mealPaidFen: sum((row) => row.mealPaidFen),
    mealSubsidyFen: sum((row) => row.mealSubsidyFen),
    mealsByCategory: mealCategories.map((category, index) => ({
      category,
      categoryName: categoryName(category),
      meals: sum((row) => row.mealsByCategory[index].meals),
      paidFen: sum((row) => row.mealsByCategory[index].paidFen),
      subsidyFen: sum((row) => row.mealsByCategory[index].subsidyFen),
    })),
    visits: sum((row) => row.visits),
    carePaidFen: sum((row) => row.carePaidFen),
    careSubsidyFen: sum((row) => row.careSubsidyFen),
    visitsByCategory: serviceCategories.map((category, index) => ({
      category,
      categoryName: serviceCategoryNames[category],
      visits: sum((row) => row.visitsByCategory[index].visits),
      paidFen: sum((row) => row.visitsByCategory[index].paidFen),
      subsidyFen: sum((row) => row.visitsByCategory[index].subsidyFen),
    })),
    pointsRedeemed: sum((row) => row.pointsRedeemed),
  };
}

export const settlementHeader = [
  '服务中心',
  '助餐次数',
  '助餐自付（元）',
  '助餐补贴（元）',
  ...mealCategories.map((category) => `助餐补贴·${categoryName(category)}（元）`),
  '上门服务次数',
  '上门自付（元）',
  '上门补贴（元）',
  ...serviceCategories.map((category) => `上门补贴·${serviceCategoryNames[category]}（元）`),
  '积分兑换（分）',
];

const cellsOf = (name: string, row: SettlementReport['totals']) => [
  name,
  String(row.meals),
  fenAsYuan(row.mealPaidFen),
  fenAsYuan(row.mealSubsidyFen),
  ...row.mealsByCategory.map((group) => fenAsYuan(group.subsidyFen)),
  String(row.visits),
  fenAsYuan(row.carePaidFen),
  fenAsYuan(row.careSubsidyFen),
  ...row.visitsByCategory.map((group) => fenAsYuan(group.subsidyFen)),
  String(row.pointsRedeemed),
];

/** UTF-8 with a byte-order mark for Excel; the header row first, one row per centre, the county's total, then what it is. */
export function settlementCsv(report: SettlementReport): string {
  const lines = [
    settlementHeader,
    ...report.rows.map((row) => cellsOf(row.centreName, row)),
    cellsOf('合计', report.totals),
    [],
    ['报表', report.title],
    ['统计期间', periodText(report)],
    ['统计口径', `助餐${countsNote}；上门服务只统计已完成的服务；积分兑换不含已取消的`],
    ['制表日期', report.madeOn],
  ];
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
