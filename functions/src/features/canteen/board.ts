import { addDays, defaultTimes, fulfilments, instantOf, isOpen, mealNames, meals, needsDecision, orderStatuses, type Meal } from './rules/canteen';
import { changeOrderStatus, getMenu, ordersOfCentreBetween, ordersOfMeal } from './data';
import { businessDate, clock } from '../../platform/clock';
import type { Session } from '../../platform/session-token';
import type { BoardResponse } from '@yilin/contract';
import { actorOf, assertCentreAccess } from '../people/actors';
import { boardOrderView, menuView } from './views';

const statusOrder = new Map(orderStatuses.map((status, index) => [status, index]));

/** How far back the board looks for meals with orders still open. */
const EARLIER_OPEN_DAYS = 14;

/** Earlier meals with orders still open, oldest first: one query over the centre's last two weeks. */
async function earlierOpenMeals(centreId: string, today: string): Promise<BoardResponse['earlierOpen']> {
  const orders = await ordersOfCentreBetween(centreId, addDays(today, -EARLIER_OPEN_DAYS), addDays(today, -1));
  const byMeal = new Map<string, BoardResponse['earlierOpen'][number]>();
  for (const order of orders.filter((item) => isOpen(item.status))) {
    const key = `${order.date}|${meals.indexOf(order.meal)}`;
    const entry = byMeal.get(key) ?? { date: order.date, meal: order.meal, mealName: mealNames[order.meal], count: 0 };
    entry.count += 1;
    byMeal.set(key, entry);
  }
  return [...byMeal.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, entry]) => entry);
}

/** The day's board for one meal: counts by fulfilment, and every order with the elder's dietary needs. */
export async function mealBoard(session: Session, centreId: string, date: string, meal: Meal): Promise<BoardResponse> {
  await assertCentreAccess(session, centreId, 'centre.read');
  const now = clock.now();
  const today = businessDate(now);
  const [menu, orders, earlierOpen] = await Promise.all([getMenu(centreId, date, meal), ordersOfMeal(centreId, date, meal), earlierOpenMeals(centreId, today)]);
  const servingAt = instantOf(date, menu?.servingTime ?? defaultTimes[meal].serving);
  const active = orders.filter((order) => order.status !== 'cancelled');
  const items = orders
    .map((order) => ({ ...boardOrderView(order, now), needsDecision: needsDecision(order.status, order.date, servingAt, now, today) }))
    .sort((a, b) => Number(b.needsDecision) - Number(a.needsDecision) || (statusOrder.get(a.status)! - statusOrder.get(b.status)!) || a.elderName.localeCompare(b.elderName, 'zh-CN'));
  const counts = Object.fromEntries(fulfilments.map((f) => [f, active.filter((order) => order.fulfilment === f).length])) as BoardResponse['counts'];
  counts.pending = active.filter((order) => order.status === 'placed').length;
  counts.total = active.length;
  counts.needsDecision = items.filter((item) => item.needsDecision).length;
  return { centreId, date, meal, menu: menu ? menuView(menu) : null, counts, items, earlierOpen: earlierOpen.filter((entry) => entry.date !== date || entry.meal !== meal) };
}

/** Confirms every order still waiting; orders another worker moved meanwhile are left as they are. */
export async function confirmAll(session: Session, centreId: string, date: string, meal: Meal): Promise<{ confirmed: number }> {
  await assertCentreAccess(session, centreId, 'centre.run');
  const pending = (await ordersOfMeal(centreId, date, meal)).filter((order) => order.status === 'placed');
  const by = await actorOf(session);
  const at = clock.now().toISOString();
  let confirmed = 0;
  for (let start = 0; start < pending.length; start += 10) {
    const results = await Promise.all(
      pending.slice(start, start + 10).map((order) => changeOrderStatus(order, { to: 'confirmed', at, by })),
    );
    confirmed += results.filter((result) => result !== 'stale').length;
  }
  return { confirmed };
}

export { meals };
