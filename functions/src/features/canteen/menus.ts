import { addDays, defaultTimes, instantOf, meals, menuProblem, type Meal } from './rules/canteen';
import { createMenu, getMenu, menusBetween, updateMenu, type MenuFields } from './data';
import { businessDate, isoNow } from '../../platform/clock';
import { badRequest, conflict } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import type { DishTag, MenuInput, MenuView } from '@yilin/contract';
import { assertCentreAccess } from '../people/actors';
import { menuView } from './views';

function menuFields(centreId: string, date: string, meal: Meal, input: MenuInput, by: string): MenuFields {
  const cutoffTime = input.cutoffTime ?? defaultTimes[meal].cutoff;
  const servingTime = input.servingTime ?? defaultTimes[meal].serving;
  return {
    centreId,
    date,
    meal,
    dishes: input.dishes,
    standardPriceFen: input.standardPriceFen,
    seatCapacity: input.seatCapacity,
    deliveryCapacity: input.deliveryCapacity,
    cutoffTime,
    servingTime,
    cutoffAt: instantOf(date, cutoffTime).toISOString(),
    servingAt: instantOf(date, servingTime).toISOString(),
    publishedBy: by,
    updatedAt: isoNow(),
  };
}

/** Publishes or changes a menu. Orders already placed keep their dishes' price and their seats. */
export async function publishMenu(session: Session, centreId: string, date: string, meal: Meal, input: MenuInput): Promise<{ menu: MenuView; created: boolean }> {
  await assertCentreAccess(session, centreId, 'centre.run');
  const fields = menuFields(centreId, date, meal, input, session.userId);
  const problem = menuProblem(fields, businessDate());
  if (problem) throw badRequest('MENU_INVALID', `${problem}。`);
  let created = (await createMenu(fields)) === 'created';
  if (!created) {
    const outcome = await updateMenu(fields);
    if (outcome === 'below-taken') throw conflict('CAPACITY_BELOW_ORDERS', '名额不能少于已经订出的份数。');
    if (outcome === 'missing') created = (await createMenu(fields)) === 'created';
  }
  const menu = await getMenu(centreId, date, meal);
  return { menu: menuView(menu!), created };
}

export async function centreMenus(session: Session, centreId: string, from: string | undefined): Promise<{ items: MenuView[] }> {
  await assertCentreAccess(session, centreId, 'centre.read');
  const start = from ?? businessDate();
  const menus = await menusBetween(centreId, start, addDays(start, 13));
  menus.sort((a, b) => a.date.localeCompare(b.date) || meals.indexOf(a.meal) - meals.indexOf(b.meal));
  return { items: menus.map(menuView) };
}

/** Copies a week's menus (Monday to Sunday) to another week; menus already there are kept. */
export async function copyWeek(session: Session, centreId: string, fromWeekStart: string, toWeekStart: string) {
  await assertCentreAccess(session, centreId, 'centre.run');
  if (toWeekStart < businessDate()) throw badRequest('MENU_INVALID', '不能复制到已经过去的一周。');
  if (fromWeekStart === toWeekStart) throw badRequest('MENU_INVALID', '来源周和目标周不能相同。');
  const source = await menusBetween(centreId, fromWeekStart, addDays(fromWeekStart, 6));
  if (source.length === 0) throw badRequest('MENU_NOT_FOUND', '来源那一周没有菜单可复制。');
  const copied: string[] = [];
  const skipped: string[] = [];
  for (const menu of source) {
    const offset = Math.round((Date.parse(menu.date) - Date.parse(fromWeekStart)) / 86_400_000);
    const date = addDays(toWeekStart, offset);
    const input: MenuInput = {
      dishes: menu.dishes.map((dish) => ({ name: dish.name, kind: dish.kind, tags: [...(dish.tags ?? [])] as DishTag[] })),
      standardPriceFen: menu.standardPriceFen,
      seatCapacity: menu.seatCapacity,
      deliveryCapacity: menu.deliveryCapacity,
      cutoffTime: menu.cutoffTime,
      servingTime: menu.servingTime,
    };
    const outcome = await createMenu(menuFields(centreId, date, menu.meal, input, session.userId));
    (outcome === 'created' ? copied : skipped).push(`${date} ${menu.meal}`);
  }
  return { copied: copied.length, skipped: skipped.length };
}

