import { fulfilments, meals, orderStatuses, type Meal } from '../domain/canteen';
import { changeOrderStatus, getMenu, ordersOfMeal } from '../data/canteen';
import { clock } from '../lib/clock';
import type { Session } from '../lib/session-token';
import type { BoardResponse } from '../schemas/canteen';
import { actorName, assertCentreStaff } from './actors';
import { boardOrderView, menuView } from './canteen-views';

const statusOrder = new Map(orderStatuses.map((status, index) => [status, index]));

/** The day's board for one meal: counts by fulfilment, and every order with the elder's dietary needs. */
export async function mealBoard(session: Session, centreId: string, date: string, meal: Meal): Promise<BoardResponse> {
  assertCentreStaff(session, centreId, true);
  const [menu, orders] = await Promise.all([getMenu(centreId, date, meal), ordersOfMeal(centreId, date, meal)]);
  const active = orders.filter((order) => order.status !== 'cancelled');
  const counts = Object.fromEntries(fulfilments.map((f) => [f, active.filter((order) => order.fulfilment === f).length])) as BoardResponse['counts'];
  counts.pending = active.filter((order) => order.status === 'placed').length;
  counts.total = active.length;
  const items = orders
    .map(boardOrderView)
    .sort((a, b) => (statusOrder.get(a.status)! - statusOrder.get(b.status)!) || a.elderName.localeCompare(b.elderName, 'zh-CN'));
  return { centreId, date, meal, menu: menu ? menuView(menu) : null, counts, items };
}

/** Confirms every order still waiting; orders another worker moved meanwhile are left as they are. */
export async function confirmAll(session: Session, centreId: string, date: string, meal: Meal): Promise<{ confirmed: number }> {
  assertCentreStaff(session, centreId, false);
  const pending = (await ordersOfMeal(centreId, date, meal)).filter((order) => order.status === 'placed');
  const byName = await actorName(session);
  const at = clock.now().toISOString();
  let confirmed = 0;
  for (let start = 0; start < pending.length; start += 10) {
    const results = await Promise.all(
      pending.slice(start, start + 10).map((order) => changeOrderStatus(order, { to: 'confirmed', at, byUserId: session.userId, byName })),
    );
    confirmed += results.filter((result) => result !== 'stale').length;
  }
  return { confirmed };
}

export { meals };
