import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { BUSINESS_TIME_ZONE } from '../../../platform/clock';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Canteen rules that are not prices: meals, cutoffs, fulfilment, and the order's life. */
export const meals = ['lunch', 'dinner'] as const;
export type Meal = (typeof meals)[number];

export const fulfilments = ['eat_in', 'pick_up', 'delivery'] as const;
export type Fulfilment = (typeof fulfilments)[number];

export const mealNames: Record<Meal, string> = { lunch: '午餐', dinner: '晚餐' };
export const fulfilmentNames: Record<Fulfilment, string> = { eat_in: '堂食', pick_up: '自取', delivery: '送餐上门' };

/** @default lunch: order by 09:30, served 11:30; dinner: order by 15:30, served 17:30 (Asia/Shanghai). */
export const defaultTimes: Record<Meal, { cutoff: string; serving: string }> = {
  lunch: { cutoff: '09:30', serving: '11:30' },
  dinner: { cutoff: '15:30', serving: '17:30' },
};

/** The instant of a local `HH:mm` on a business date. */
export function instantOf(date: string, time: string): Date {
  return dayjs.tz(`${date} ${time}`, 'YYYY-MM-DD HH:mm', BUSINESS_TIME_ZONE).toDate();
}

export function addDays(date: string, days: number): string {
  return dayjs.tz(date, BUSINESS_TIME_ZONE).add(days, 'day').format('YYYY-MM-DD');
}

export function weekdayOf(date: string): number {
  // 1 = Monday … 7 = Sunday, as people in China count the week.
  const day = dayjs.tz(date, BUSINESS_TIME_ZONE).day();
  return day === 0 ? 7 : day;
}

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

export const orderStatuses = ['placed', 'confirmed', 'served', 'out_for_delivery', 'delivered', 'no_show', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderStatusNames: Record<OrderStatus, string> = {
  placed: '已下单',
  confirmed: '已确认',
  served: '已取餐',
  out_for_delivery: '配送中',
  delivered: '已送达',
  no_show: '未到',
  cancelled: '已取消',
};

/** Where a worker may move an order from each status. Delivery orders go out and arrive; others are served. */
export function nextStatuses(status: OrderStatus, fulfilment: Fulfilment): OrderStatus[] {
  switch (status) {
    case 'placed':
      return ['confirmed', 'cancelled'];
    case 'confirmed':
      return fulfilment === 'delivery' ? ['out_for_delivery', 'no_show', 'cancelled'] : ['served', 'no_show', 'cancelled'];
    case 'out_for_delivery':
      return ['delivered', 'no_show'];
    default:
      return [];
  }
}

/** Marks that say a meal happened (or did not): never before the meal's day. */
const happenedStatuses: readonly OrderStatus[] = ['served', 'out_for_delivery', 'delivered', 'no_show'];
export const markTooEarly = (to: OrderStatus, orderDate: string, today: string) => happenedStatuses.includes(to) && today < orderDate;

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
