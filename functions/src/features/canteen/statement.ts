import { buildStatement, countedStatuses, countsNote, isCounted, statementCsv, statementPeriod, type TakenMeal } from './rules/statement';
import { ordersOfCentreBetween } from './data';
import { businessDate } from '../../platform/clock';
import { badRequest } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import type { StatementResponse } from '@yilin/contract';
import { assertCentreAccess } from '../people/actors';
import { centreName } from '../people/places';

/**
 * Reads the month's orders of the centre with one Query on its orders by date (from the 1st to the
 * last day), never a scan, and counts the served and delivered ones.
 */
export async function monthlyStatement(session: Session, centreId: string, month: string): Promise<StatementResponse> {
  await assertCentreAccess(session, centreId, 'centre.read');
  const today = businessDate();
  const period = statementPeriod(month, today);
  if (!period) throw badRequest('INVALID_INPUT', '月份格式应为 年-月，例如 2026-11。');
  const [orders, name] = await Promise.all([ordersOfCentreBetween(centreId, period.from, period.to), centreName(centreId)]);
  const taken: TakenMeal[] = [];
  for (const order of orders) {
    // The range is by date only; keep to the month in case the index ever returns a neighbour.
    if (order.date < period.from || order.date > period.to || !isCounted(order.status)) continue;
    taken.push({ elderId: order.elderId, elderName: order.elderName, subsidyCategory: order.subsidyCategory ?? null, priceFen: order.priceFen, subsidyFen: order.subsidyFen });
  }
  return {
    centreId,
    centreName: name,
    month,
    ...period,
    madeOn: today,
    counts: [...countedStatuses],
    countsNote,
    ...buildStatement(taken),
  };
}

export const statementTitle = (statement: StatementResponse) =>
  `${statement.centreName} ${statement.month} 助餐补贴结算单${statement.complete ? '' : `（截至 ${statement.asOf}）`}`;

export function statementAsCsv(statement: StatementResponse): string {
  return statementCsv(statement, { ...statement, title: statementTitle(statement) });
}
