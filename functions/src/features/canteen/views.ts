import { fulfilmentNames, isBeforeCutoff, mealNames, nextStatuses } from './rules/canteen';
import { statusNameOf, type Fulfilment } from '@yilin/contract';
import type { MenuItem, OrderItem } from './entities';
import { clock } from '../../platform/clock';
import type { BoardOrderView, Dish, MenuView, OrderStatus, OrderView, TimelineEntry } from '@yilin/contract';
import type { AuditEventItem } from '../../store/audit';
import { ORDER_UNDO_ACTION, undoOffer } from './rules/undo';

export function menuView(menu: MenuItem): MenuView {
  return {
    centreId: menu.centreId,
    date: menu.date,
    meal: menu.meal,
    mealName: mealNames[menu.meal],
    dishes: menu.dishes.map((dish) => ({ name: dish.name, kind: dish.kind, tags: [...(dish.tags ?? [])] })) as Dish[],
    standardPriceFen: menu.standardPriceFen,
    seatCapacity: menu.seatCapacity,
    deliveryCapacity: menu.deliveryCapacity,
    seatsLeft: Math.max(0, menu.seatCapacity - menu.seatsTaken),
    deliveriesLeft: Math.max(0, menu.deliveryCapacity - menu.deliveriesTaken),
    cutoffAt: menu.cutoffAt,
    servingAt: `${menu.date}T${menu.servingTime}:00+08:00`,
  };
}

/** An order as the app shows it; with its audit events (oldest first), it carries its timeline. */
export function orderView(order: OrderItem, events?: AuditEventItem[]): OrderView {
  return {
    orderId: order.orderId,
    elderId: order.elderId,
    elderName: order.elderName,
    centreId: order.centreId,
    date: order.date,
    meal: order.meal,
    mealName: mealNames[order.meal],
    fulfilment: order.fulfilment,
    fulfilmentName: fulfilmentNames[order.fulfilment],
    note: order.note,
    status: order.status,
    statusName: statusNameOf(order.status, order.fulfilment),
    priceFen: order.priceFen,
    standardPriceFen: order.standardPriceFen,
    subsidyFen: order.subsidyFen,
    priceRule: order.priceRule,
    priceReason: order.priceReason,
    cutoffAt: order.cutoffAt,
    cancellable: nextStatuses(order.status, order.fulfilment).includes('cancelled') && isBeforeCutoff(order.cutoffAt, clock.now()),
    ...(events ? { timeline: events.map((event) => timelineEntry(event, order.fulfilment)) } : {}),
  };
}

/**
 * One step of an order's timeline: the status its audit event reached, when, by whom; an undo says which
 * mark it took back and the status the order went back to.
 */
function timelineEntry(event: AuditEventItem, fulfilment: Fulfilment): TimelineEntry {
  const step = { at: event.at, byName: event.actorName };
  if (event.action === ORDER_UNDO_ACTION) {
    const change = event.changes.find((item) => item.field === 'status');
    const back = change?.after as OrderStatus;
    const undone = change?.before as OrderStatus;
    return { status: back, statusName: statusNameOf(back, fulfilment), ...step, undone: { status: undone, statusName: statusNameOf(undone, fulfilment) } };
  }
  const status = event.action.slice('order.'.length) as OrderStatus;
  return { status, statusName: statusNameOf(status, fulfilment), ...step };
}

export function boardOrderView(order: OrderItem, now: Date): Omit<BoardOrderView, 'needsDecision'> {
  const undo = undoOffer(order.status, order.mark, now);
  return {
    ...orderView(order),
    elderPhone: order.elderPhone,
    elderAddress: order.elderAddress,
    dietary: order.dietary,
    subsidyCategory: order.subsidyCategory ?? null,
    ...(undo ? { undo: { markId: undo.markId, back: undo.back, backName: statusNameOf(undo.back, order.fulfilment), until: undo.until.toISOString() } } : {}),
  };
}
