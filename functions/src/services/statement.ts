import { isTaken, meals } from '../domain/canteen';
import { buildStatement, statementCsv, type TakenMeal } from '../domain/statement';
import { ordersOfMeal } from '../data/canteen';
import { badRequest } from '../lib/errors';
import type { Session } from '../lib/session-token';
import type { StatementResponse } from '../schemas/canteen';
import { assertCentreStaff } from './actors';
import { centreName } from './community-names';

function daysOf(month: string): string[] {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw badRequest('INVALID_INPUT', '月份格式应为 年-月，例如 2026-11。');
  const [year, monthNumber] = [Number(match[1]), Number(match[2])];
  const length = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return Array.from({ length }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** Reads every meal of the month by key (days × meals queries, a few at a time), never a scan. */
export async function monthlyStatement(session: Session, centreId: string, month: string): Promise<StatementResponse> {
  assertCentreStaff(session, centreId, true);
  const slots = daysOf(month).flatMap((date) => meals.map((meal) => ({ date, meal })));
  const taken: TakenMeal[] = [];
  for (let start = 0; start < slots.length; start += 8) {
    const batches = await Promise.all(slots.slice(start, start + 8).map(({ date, meal }) => ordersOfMeal(centreId, date, meal)));
    for (const order of batches.flat()) {
      if (isTaken(order.status)) {
        taken.push({ elderId: order.elderId, elderName: order.elderName, subsidyCategory: order.subsidyCategory ?? null, priceFen: order.priceFen, subsidyFen: order.subsidyFen });
      }
    }
  }
  return { centreId, centreName: await centreName(centreId), month, ...buildStatement(taken) };
}

export function statementAsCsv(statement: StatementResponse): string {
  return statementCsv(`${statement.centreName} ${statement.month} 助餐补贴结算单`, statement);
}
