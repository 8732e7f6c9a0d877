/** Canteen (老年助餐) terms with their names in Chinese, and the order's life as a worker moves it. */

import { yuan } from '../money';

export const meals = ['lunch', 'dinner'] as const;
export type Meal = (typeof meals)[number];
export const mealNames: Record<Meal, string> = { lunch: '午餐', dinner: '晚餐' };

export const fulfilments = ['eat_in', 'pick_up', 'delivery'] as const;
export type Fulfilment = (typeof fulfilments)[number];
export const fulfilmentNames: Record<Fulfilment, string> = { eat_in: '堂食', pick_up: '自取', delivery: '送餐上门' };

export const dishKinds = ['meat', 'veg', 'soup', 'staple'] as const;
export type DishKind = (typeof dishKinds)[number];
export const dishKindNames: Record<DishKind, string> = { meat: '荤', veg: '素', soup: '汤', staple: '主食' };

export const dishTags = ['soft', 'low_salt', 'low_sugar', 'contains_nuts', 'contains_seafood', 'spicy'] as const;
export type DishTag = (typeof dishTags)[number];
export const dishTagNames: Record<DishTag, string> = {
  soft: '软烂',
  low_salt: '低盐',
  low_sugar: '低糖',
  contains_nuts: '含坚果',
  contains_seafood: '含海鲜',
  spicy: '有辣',
};

/** An elder's dietary needs in the same words as the dishes' tags, everywhere in the app. */
export const dietaryNeedNames = { lowSalt: '低盐', lowSugar: '低糖', softFood: '软食' } as const;

/** The needs an elder has, in those words: 低盐、软食. */
export const dietaryNeedWords = (needs: { lowSalt: boolean; lowSugar: boolean; softFood: boolean }): string[] =>
  (Object.keys(dietaryNeedNames) as Array<keyof typeof dietaryNeedNames>).filter((need) => needs[need]).map((need) => dietaryNeedNames[need]);

/** Which price an elder pays: the standard price, an age tier, or a verified subsidy category. */
export const priceRules = ['standard', 'age60', 'age70', 'age80', 'dibao', 'tekun', 'disabled'] as const;
export type PriceRule = (typeof priceRules)[number];
export const priceRuleNames: Record<PriceRule, string> = {
  standard: '标准价',
  age60: '60–69岁',
  age70: '70–79岁',
  age80: '80岁以上',
  dibao: '低保',
  tekun: '特困',
  disabled: '残疾',
};

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

/** A status as it reads for this order: a delivery nobody opened the door for is 未送达（家中无人）, not 未到. */
export const statusNameOf = (status: OrderStatus, fulfilment: Fulfilment): string =>
  status === 'no_show' && fulfilment === 'delivery' ? '未送达（家中无人）' : orderStatusNames[status];

/** The statuses a worker sets on the board; cancelling has its own route. */
export const workerStatuses = ['confirmed', 'served', 'out_for_delivery', 'delivered', 'no_show'] as const;
export type WorkerStatus = (typeof workerStatuses)[number];
export const isWorkerStatus = (status: OrderStatus): status is WorkerStatus => (workerStatuses as readonly OrderStatus[]).includes(status);

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
export const marksMealHappened = (to: OrderStatus) => happenedStatuses.includes(to);
export const markTooEarly = (to: OrderStatus, orderDate: string, today: string) => marksMealHappened(to) && today < orderDate;

/**
 * How a centre takes the money for its meals (the county sets it with the prices). A centre that never
 * chose takes it when the meal is handed over: at the counter, or by the person delivering it.
 */
export const mealPayments = ['counter', 'monthly', 'prepaid'] as const;
export type MealPayment = (typeof mealPayments)[number];
export const defaultMealPayment: MealPayment = 'counter';
export const mealPaymentNames: Record<MealPayment, string> = {
  counter: '取餐时付钱',
  monthly: '月底统一结算',
  prepaid: '从预存的餐费里扣',
};
/** What each way means for the elder, as the pricing page explains it. */
export const mealPaymentNotes: Record<MealPayment, string> = {
  counter: '堂食、自取在食堂窗口付，送餐上门的交给送餐员',
  monthly: '每次不用付钱，月底由服务中心统一结算',
  prepaid: '每次不用付钱，从长辈预存在服务中心的餐费里扣',
};

/** Paid when the meal is handed over: where that is depends on how the meal is had. */
const atHandover: Record<Fulfilment, string> = { eat_in: '吃饭时在食堂窗口付', pick_up: '取餐时在食堂窗口付', delivery: '送到时交给送餐员' };
const settledLater: Record<Exclude<MealPayment, 'counter'>, string> = {
  monthly: '这次不用付钱，月底由服务中心统一结算',
  prepaid: '这次不用付钱，从预存的餐费里扣',
};

/**
 * How much one meal costs the elder and how and when it is paid: "这一餐要付 ¥8，送到时交给送餐员。", or,
 * settled later, "这一餐 ¥8，这次不用付钱，月底由服务中心统一结算。" (never "要付" beside "不用付").
 */
export function paymentSentence(payment: MealPayment, fulfilment: Fulfilment, priceFen: number): string {
  if (priceFen === 0) return '这一餐免费，不用付钱。';
  if (payment === 'counter') return `这一餐要付 ${yuan(priceFen)}，${atHandover[fulfilment]}。`;
  return `这一餐 ${yuan(priceFen)}，${settledLater[payment]}。`;
}
