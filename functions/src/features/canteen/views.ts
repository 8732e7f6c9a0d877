import { fulfilmentNames, isBeforeCutoff, mealNames, nextStatuses, orderStatusNames } from './rules/canteen';
import type { MenuItem, OrderItem } from './entities';
import { clock } from '../../platform/clock';
import type { BoardOrderView, Dish, MenuView, OrderView } from '@yilin/contract';

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

export function orderView(order: OrderItem): OrderView {
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
    statusName: orderStatusNames[order.status],
    priceFen: order.priceFen,
    standardPriceFen: order.standardPriceFen,
    subsidyFen: order.subsidyFen,
    priceRule: order.priceRule,
    priceReason: order.priceReason,
    cutoffAt: order.cutoffAt,
    cancellable: nextStatuses(order.status, order.fulfilment).includes('cancelled') && isBeforeCutoff(order.cutoffAt, clock.now()),
    timeline: order.timeline.map((entry) => ({ status: entry.status, statusName: orderStatusNames[entry.status], at: entry.at, byName: entry.byName })),
  };
}

export function boardOrderView(order: OrderItem): Omit<BoardOrderView, 'needsDecision'> {
  return {
    ...orderView(order),
    elderPhone: order.elderPhone,
    elderAddress: order.elderAddress,
    dietary: order.dietary,
    subsidyCategory: order.subsidyCategory ?? null,
  };
}
