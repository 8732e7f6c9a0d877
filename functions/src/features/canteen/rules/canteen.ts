import { nextStatuses, type Fulfilment, type Meal, type OrderStatus } from '@yilin/contract';

/**
 * Canteen rules that are not prices: meals, cutoffs, fulfilment, and the order's life. The terms, their
 * names, the order's next statuses and the date helpers are the contract's, shared with the mini-program.
 */
export {
  addDays,
  fulfilmentNames,
  fulfilments,
  markTooEarly,
  mealNames,
  meals,
  nextStatuses,
  orderStatusNames,
  orderStatuses,
  weekdayOf,
  type Fulfilment,
  type Meal,
  type OrderStatus,
} from '@yilin/contract';

/** @default lunch: order by 09:30, served 11:30; dinner: order by 15:30, served 17:30 (Asia/Shanghai). */
export const defaultTimes: Record<Meal, { cutoff: string; serving: string }> = {
  lunch: { cutoff: '09:30', serving: '11:30' },
  dinner: { cutoff: '15:30', serving: '17:30' },
};

export { instantOf } from '../../../platform/clock';

export function isBeforeCutoff(cutoffAt: string, now: Date): boolean {
  return now.getTime() < new Date(cutoffAt).getTime();
}

/** Why a menu is not acceptable, if it is not. */
export function menuProblem(input: { date: string; cutoffTime: string; servingTime: string; seatCapacity: number; deliveryCapacity: number; standardPriceFen: number }, today: string): string | undefined {
  if (input.date < today) return '不能给过去的日期发布菜单';
  if (input.cutoffTime >= input.servingTime) return '截止订餐时间必须早于开饭时间';
  if (input.seatCapacity + input.deliveryCapacity === 0) return '堂食/自取和送餐名额不能都为 0';
  return undefined;
}

/** An order still waiting for the worker to say what happened. */
export const isOpen = (status: OrderStatus) => status === 'placed' || status === 'confirmed' || status === 'out_for_delivery';

/** How long after serving time a meal is over. */
export const MEAL_LENGTH_MINUTES = 60;

/** An open order whose meal is over: served or not, the worker has to decide (and the statement waits on it). */
export function needsDecision(status: OrderStatus, orderDate: string, servingAt: Date, now: Date, today: string): boolean {
  if (!isOpen(status)) return false;
  return orderDate < today || (orderDate === today && now.getTime() >= servingAt.getTime() + MEAL_LENGTH_MINUTES * 60_000);
}

/** Orders that hold a seat (or a delivery slot) on the menu. */
export const holdsCapacity = (status: OrderStatus) => status !== 'cancelled';

/** Meals actually taken: what the monthly subsidy statement counts. */
export const isTaken = (status: OrderStatus) => status === 'served' || status === 'delivered';

/** Cancelling: the elder or family before the cutoff; after it, only a worker. */
export function cancelProblem(actorIsWorker: boolean, status: OrderStatus, fulfilment: Fulfilment, cutoffAt: string, now: Date) {
  if (!nextStatuses(status, fulfilment).includes('cancelled')) return 'not-cancellable' as const;
  if (!actorIsWorker && !isBeforeCutoff(cutoffAt, now)) return 'after-cutoff' as const;
  return undefined;
}
