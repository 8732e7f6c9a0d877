import type { Fulfilment, Meal, OrderStatus } from './rules/canteen';
import { CentrePricing, Menu, Order, StandingRun, Subscription, standingRunOutcomes, type MenuItem, type OrderItem, type SubscriptionItem } from './entities';
import { rememberRequest, type IdempotencyClaim } from '../../store/idempotency';
import { giveBackUnit, holdLock, releaseLock, takeUnit, type Unit } from '../../store/reservation';
import { writeTogether, type Part, type Written } from '../../store/transactions';
import { AppError } from '../../platform/errors';
import { auditConcerning, auditOf, newEventId, recordAudit, subjectOf, type AuditEventItem } from '../../store/audit';
import { ORDER_UNDO_ACTION, type Mark } from './rules/undo';
import { defaultPriceRules, type PriceRules } from './rules/pricing';
import { defaultMealPayment, type MealPayment } from '@yilin/contract';
import { checkCursor, isConditionFailure, rethrowBadCursor } from '../../store/errors';

// ---- prices ----
/** A centre's prices and how its elders pay; the defaults (taken at the counter) until the county sets them. */
export async function priceRulesOf(centreId: string): Promise<{ rules: PriceRules; payment: MealPayment; custom: boolean }> {
  const { data: stored } = await CentrePricing.get({ centreId }).go();
  if (!stored) return { rules: defaultPriceRules, payment: defaultMealPayment, custom: false };
  const { age60Fen, age70Fen, age80Fen, dibaoFen, tekunFen, disabledFen, payment } = stored;
  return { rules: { age60Fen, age70Fen, age80Fen, dibaoFen, tekunFen, disabledFen }, payment: payment ?? defaultMealPayment, custom: true };
}

export async function savePriceRules(centreId: string, rules: PriceRules, payment: MealPayment, updatedBy: string, updatedAt: string): Promise<void> {
  await CentrePricing.put({ centreId, ...rules, payment, updatedBy, updatedAt }).go();
}

// ---- menus ----
export async function getMenu(centreId: string, date: string, meal: Meal): Promise<MenuItem | undefined> {
  const { data: menu } = await Menu.get({ centreId, date, meal }).go();
  return menu ?? undefined;
}

/** Menus of a centre between two dates, inclusive: one Query on the centre's partition. */
export async function menusBetween(centreId: string, from: string, to: string): Promise<MenuItem[]> {
  const { data: menus } = await Menu.query.byCentre({ centreId }).between({ date: from }, { date: `${to}~` }).go({ pages: 'all' });
  return menus;
}

export type MenuFields = Omit<MenuItem, 'seatsTaken' | 'deliveriesTaken'>;

/** Creates a menu with empty counters. Fails with 'exists' when one is already published. */
export async function createMenu(menu: MenuFields): Promise<'created' | 'exists'> {
  try {
    await Menu.create({ ...menu, seatsTaken: 0, deliveriesTaken: 0 }).go();
    return 'created';
  } catch (error) {
    if (isConditionFailure(error)) return 'exists';
    throw error;
  }
}

/**
 * Replaces a published menu's dishes, price, capacities and times, keeping the counters of seats
 * already taken; refused when the new capacity is below what is already ordered.
 */
export async function updateMenu(menu: MenuFields): Promise<'updated' | 'below-taken' | 'missing'> {
  const { centreId, date, meal, ...fields } = menu;
  try {
    await Menu.patch({ centreId, date, meal })
      .set(fields)
      .where((attr, op) => `${op.lte(attr.seatsTaken, menu.seatCapacity)} AND ${op.lte(attr.deliveriesTaken, menu.deliveryCapacity)}`)
      .go();
    return 'updated';
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return (await getMenu(centreId, date, meal)) ? 'below-taken' : 'missing';
  }
}

// ---- orders ----
export async function getOrder(orderId: string): Promise<OrderItem | undefined> {
  const { data: order } = await Order.get({ orderId }).go();
  return order ?? undefined;
}

export async function ordersOfMeal(centreId: string, date: string, meal: Meal): Promise<OrderItem[]> {
  const { data: orders } = await Order.query.byCentre({ centreId, date, meal }).go({ pages: 'all' });
  return orders;
}

/** A centre's orders between two dates, inclusive: one Query on the centre's index partition. */
export async function ordersOfCentreBetween(centreId: string, from: string, to: string): Promise<OrderItem[]> {
  const { data: orders } = await Order.query.byCentre({ centreId }).between({ date: from }, { date: `${to}~` }).go({ pages: 'all' });
  return orders;
}

export async function ordersOfElder(elderId: string, cursor: string | undefined, limit: number) {
  try {
    const page = await Order.query.byElder({ elderId }).go({ cursor: checkCursor(cursor, 'gsi2') ?? null, limit, order: 'desc' });
    return { items: page.data, cursor: page.cursor };
  } catch (error) {
    return rethrowBadCursor(error);
  }
}

export async function ordersOfElderBetween(elderId: string, from: string, to: string): Promise<OrderItem[]> {
  const { data: orders } = await Order.query.byElder({ elderId }).between({ date: from }, { date: `${to}~` }).go({ pages: 'all' });
  return orders;
}

export type PlaceOutcome = 'placed' | 'sold-out' | 'already-ordered' | 'duplicate-request' | 'menu-changed';

/** The menu's seats or delivery places, taken one at a time while the menu is as it was read. */
const mealUnit = (menu: MenuItem, fulfilment: Fulfilment): Unit =>
  fulfilment === 'delivery'
    ? { entity: 'Menu', key: { centreId: menu.centreId, date: menu.date, meal: menu.meal }, counter: 'deliveriesTaken', capacity: menu.deliveryCapacity, unchanged: { deliveryCapacity: menu.deliveryCapacity, cutoffAt: menu.cutoffAt } }
    : { entity: 'Menu', key: { centreId: menu.centreId, date: menu.date, meal: menu.meal }, counter: 'seatsTaken', capacity: menu.seatCapacity, unchanged: { seatCapacity: menu.seatCapacity, cutoffAt: menu.cutoffAt } };

/** Whether the meal's seats (or deliveries) are all taken, as the menu now says. */
const mealFull = (menu: MenuItem, fulfilment: Fulfilment) =>
  fulfilment === 'delivery' ? menu.deliveriesTaken >= menu.deliveryCapacity : menu.seatsTaken >= menu.seatCapacity;

/** Whoever moves an order on: the elder, a relative, a worker, or a job. */
export interface OrderActor {
  userId: string;
  name: string;
  role: string;
}

/** The audit event of an order reaching `status`: the order's timeline is read from these. */
const orderEvent = (order: OrderItem, status: OrderStatus, by: OrderActor, at: string, before?: OrderStatus, eventId?: string): Part =>
  recordAudit({
    subject: subjectOf('order', order.orderId),
    concerns: order.elderId,
    action: `order.${status}`,
    by,
    at,
    changes: [{ field: 'status', before, after: status }],
    eventId,
  });

/**
 * Places an order as one transaction: take a seat (or a delivery place) on the menu only while one is
 * left and the menu is unchanged; hold the elder's one slot for this meal; store the order and its first
 * audit event; remember the idempotency key. Either all happen or none does.
 */
export async function placeOrderAtomically(order: OrderItem, menu: MenuItem, idempotency: IdempotencyClaim, nowSeconds: number, by: OrderActor): Promise<PlaceOutcome> {
  let outcome: Written<string>;
  try {
    outcome = await writeTogether({
      seat: takeUnit(mealUnit(menu, order.fulfilment)),
      slot: holdLock('OrderSlot', { elderId: order.elderId, date: order.date, meal: order.meal, orderId: order.orderId }),
      order: ({ Order: orders }) => orders.create(order).commit(),
      event: orderEvent(order, 'placed', by, order.placedAt),
      request: rememberRequest(idempotency, order.orderId, nowSeconds),
    });
  } catch (error) {
    // Many placing at once: when the conflicts outlast the retries and the meal is full by now, the answer is
    // that it is sold out (true whenever this one could be placed), not "busy, try again".
    if (error instanceof AppError && error.code === 'SERVICE_BUSY') {
      const current = await getMenu(menu.centreId, menu.date, menu.meal);
      if (current && mealFull(current, order.fulfilment)) return 'sold-out';
    }
    throw error;
  }
  if (outcome.written) return 'placed';
  if (outcome.failed.includes('request')) return 'duplicate-request';
  if (outcome.failed.includes('slot')) return 'already-ordered';
  const current = await getMenu(menu.centreId, menu.date, menu.meal);
  const unchanged = current && current.seatCapacity === menu.seatCapacity && current.deliveryCapacity === menu.deliveryCapacity && current.cutoffAt === menu.cutoffAt;
  return unchanged ? 'sold-out' : 'menu-changed';
}

export interface StatusChange {
  to: OrderStatus;
  at: string;
  by: OrderActor;
}

/**
 * Moves an order on, only from the status it was read in, so two workers cannot both move it; the
 * audit event is written in the same transaction. The move is kept as the order's last mark, named by
 * its event, so it can be undone. The status is all a mark changes: seats change only on placing and
 * cancelling, and the statement counts statuses when it is made.
 */
export async function changeOrderStatus(order: OrderItem, change: StatusChange): Promise<OrderItem | 'stale'> {
  const mark: Mark = { markId: newEventId(change.at), from: order.status, to: change.to, at: change.at };
  const outcome = await writeTogether({
    order: ({ Order: orders }) =>
      orders
        .patch({ orderId: order.orderId })
        .set({ status: change.to, updatedAt: change.at, mark })
        .where((attr, op) => op.eq(attr.status, order.status))
        .commit(),
    event: orderEvent(order, change.to, change.by, change.at, order.status, mark.markId),
  });
  return outcome.written ? { ...order, status: change.to, updatedAt: change.at, mark } : 'stale';
}

/**
 * Takes a mark back: the order returns to the status before it, only while it still has the status the
 * mark gave and the mark is still its last and not undone, so two undos (or an undo and a new mark)
 * cannot both happen. Its own audit event says which mark it took back.
 */
export async function undoMarkAtomically(order: OrderItem, mark: Mark, change: { at: string; by: OrderActor }): Promise<OrderItem | 'stale'> {
  const undone: Mark = { ...mark, undoneAt: change.at };
  const outcome = await writeTogether({
    order: ({ Order: orders }) =>
      orders
        .patch({ orderId: order.orderId })
        .set({ status: mark.from, updatedAt: change.at, mark: undone })
        .where((attr, op) => `${op.eq(attr.status, mark.to)} AND ${op.eq(attr.mark.markId, mark.markId)} AND ${op.notExists(attr.mark.undoneAt)}`)
        .commit(),
    event: recordAudit({
      subject: subjectOf('order', order.orderId),
      concerns: order.elderId,
      action: ORDER_UNDO_ACTION,
      by: change.by,
      at: change.at,
      changes: [
        { field: 'status', before: mark.to, after: mark.from },
        { field: 'undoes', after: mark.markId },
      ],
    }),
  });
  return outcome.written ? { ...order, status: mark.from, updatedAt: change.at, mark: undone } : 'stale';
}

/** Cancels and gives the seat back and frees the elder's slot for this meal, all in one transaction. */
export async function cancelOrderAtomically(order: OrderItem, change: Omit<StatusChange, 'to'>): Promise<'cancelled' | 'stale'> {
  const outcome = await writeTogether({
    order: ({ Order: orders }) =>
      orders
        .patch({ orderId: order.orderId })
        .set({ status: 'cancelled', updatedAt: change.at })
        .where((attr, op) => op.eq(attr.status, order.status))
        .commit(),
    event: orderEvent(order, 'cancelled', change.by, change.at, order.status),
    seat: giveBackUnit({ entity: 'Menu', key: { centreId: order.centreId, date: order.date, meal: order.meal }, counter: order.fulfilment === 'delivery' ? 'deliveriesTaken' : 'seatsTaken' }),
    slot: releaseLock('OrderSlot', { elderId: order.elderId, date: order.date, meal: order.meal }, 'orderId', order.orderId),
  });
  return outcome.written ? 'cancelled' : 'stale';
}

/** The timelines of orders, from their audit events: one order by its subject, or many of one elder at once. */
export async function timelineOf(orderId: string): Promise<AuditEventItem[]> {
  return (await auditOf(subjectOf('order', orderId))).reverse();
}

export async function timelinesOfElder(elderId: string, orders: OrderItem[]): Promise<Map<string, AuditEventItem[]>> {
  const byOrder = new Map<string, AuditEventItem[]>(orders.map((order) => [order.orderId, []]));
  if (orders.length === 0) return byOrder;
  const since = orders.reduce((earliest, order) => (order.placedAt < earliest ? order.placedAt : earliest), orders[0].placedAt);
  for (const event of await auditConcerning(elderId, since)) {
    byOrder.get(event.subject.slice('order#'.length))?.push(event);
  }
  return byOrder;
}

// ---- standing orders ----
export async function subscriptionsOfElder(elderId: string): Promise<SubscriptionItem[]> {
  const { data: items } = await Subscription.query.byElder({ elderId }).go({ limit: 20 });
  return items;
}

export async function subscriptionsOfCentre(centreId: string): Promise<SubscriptionItem[]> {
  const { data: items } = await Subscription.query.byCentre({ centreId }).go({ pages: 'all' });
  return items;
}

/**
 * Creates a standing order in one transaction with the elder's count of standing orders (only while it is
 * below `limit`) and one slot per weekday for its meal (only if free), so parallel requests can neither
 * pass the limit nor overlap.
 */
export async function createSubscription(item: SubscriptionItem, limit: number): Promise<'created' | 'limit-reached' | 'overlaps'> {
  const outcome = await writeTogether({
    count: ({ SubscriptionCount: counts }) =>
      counts
        .update({ elderId: item.elderId })
        .add({ count: 1 })
        .where((attr, op) => `${op.notExists(attr.count)} OR ${op.lt(attr.count, limit)}`)
        .commit(),
    days: item.weekdays.map((weekday) => holdLock('SubscriptionSlot', { elderId: item.elderId, meal: item.meal, weekday, subscriptionId: item.subscriptionId })),
    subscription: ({ Subscription: subscriptions }) => subscriptions.create(item).commit(),
  });
  if (outcome.written) return 'created';
  return outcome.failed.includes('count') ? 'limit-reached' : 'overlaps';
}

/** Deletes a standing order with its slots, and counts it out, in one transaction. */
export async function deleteSubscription(elderId: string, subscriptionId: string): Promise<boolean> {
  const { data: item } = await Subscription.get({ elderId, subscriptionId }).go();
  if (!item) return false;
  const outcome = await writeTogether({
    subscription: ({ Subscription: subscriptions }) => subscriptions.delete({ elderId, subscriptionId }).where((attr, op) => op.exists(attr.subscriptionId)).commit(),
    count: ({ SubscriptionCount: counts }) => counts.update({ elderId }).subtract({ count: 1 }).commit(),
    days: item.weekdays.map((weekday) => releaseLock('SubscriptionSlot', { elderId, meal: item.meal, weekday }, 'subscriptionId', subscriptionId)),
  });
  return outcome.written;
}

export async function recordStandingRun(run: { subscriptionId: string; date: string; meal: Meal; outcome: (typeof standingRunOutcomes)[number]; message: string; orderId?: string; at: string }) {
  await StandingRun.put(run).go();
}

export async function recentRuns(subscriptionId: string) {
  const { data: runs } = await StandingRun.query.bySubscription({ subscriptionId }).go({ order: 'desc', limit: 5 });
  return runs;
}

export type { Fulfilment };

/** Every order of an elder, all pages: a move updates each order's community. */
export async function allOrdersOfElder(elderId: string): Promise<OrderItem[]> {
  const { data: orders } = await Order.query.byElder({ elderId }).go({ pages: 'all' });
  return orders;
}

/** The order is now its elder's new community's (the canteen, the centre's, stays the one it was placed at). */
export async function setOrderCommunity(orderId: string, communityId: string): Promise<void> {
  await Order.patch({ orderId }).set({ communityId }).go();
}

/** Standing orders follow the elder to the new community's centre: the daily job orders there from now on. */
export async function setSubscriptionCentre(elderId: string, subscriptionId: string, centreId: string): Promise<void> {
  await Subscription.patch({ elderId, subscriptionId }).set({ centreId }).go();
}
