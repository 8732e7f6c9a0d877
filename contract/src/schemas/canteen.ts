import * as z from 'zod/mini';
import { DateSchema, IdempotencyKeySchema, text, type DietaryNeeds } from './common';
import type { ElderSummary } from './people';
import type { SubsidyCategory } from '../terms/people';
import {
  dishKinds,
  dishTags,
  fulfilments,
  mealPayments,
  meals,
  workerStatuses,
  type Fulfilment,
  type Meal,
  type MealPayment,
  type OrderStatus,
  type PriceRule,
} from '../terms/canteen';

/** Canteen (老年助餐) request schemas and response types. */

export const MealSchema = z.enum(meals, '餐次只能是 午餐 或 晚餐');
export const FulfilmentSchema = z.enum(fulfilments, '取餐方式只能是 堂食、自取 或 送餐上门');
const TimeSchema = z.string('时间格式应为 时:分，例如 09:30').check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 时:分，例如 09:30'));
const count = (label: string, max: number) =>
  z.int(`${label}应当是整数`).check(z.minimum(0, `${label}不能是负数`), z.maximum(max, `${label}最多 ${max}`));

export const DishSchema = z.strictObject({
  name: text('菜名', 20),
  kind: z.enum(dishKinds, '菜品类别只能是 荤、素、汤 或 主食'),
  tags: z.array(z.enum(dishTags, '菜品标签不对')).check(z.maxLength(6, '每道菜最多 6 个标签')),
});
export type Dish = z.infer<typeof DishSchema>;

export const MenuBody = z.strictObject({
  dishes: z.array(DishSchema).check(z.minLength(1, '菜单至少要有一道菜'), z.maxLength(12, '菜单最多 12 道菜')),
  standardPriceFen: count('标准价（分）', 100_000),
  seatCapacity: count('堂食/自取名额', 1000),
  deliveryCapacity: count('送餐名额', 500),
  cutoffTime: z.optional(TimeSchema),
  servingTime: z.optional(TimeSchema),
});
export type MenuInput = z.infer<typeof MenuBody>;

export const CopyWeekBody = z.strictObject({ fromWeekStart: DateSchema, toWeekStart: DateSchema });

export const MenusQuery = z.strictObject({ from: z.optional(DateSchema) });

export const PlaceOrderBody = z.strictObject({
  date: DateSchema,
  meal: MealSchema,
  fulfilment: FulfilmentSchema,
  note: z.optional(text('备注', 100, 0, { multiline: true })),
  /** Chosen by the app once per order attempt and resent on retry, so a retry never orders twice. */
  idempotencyKey: IdempotencyKeySchema,
});
export type PlaceOrderInput = z.infer<typeof PlaceOrderBody>;

export const SetStatusBody = z.strictObject({ status: z.enum(workerStatuses, '订单状态不对') });
/** Takes back the mark named: a retry of the same undo is answered as done, never undoes twice. */
export const UndoStatusBody = z.strictObject({
  markId: z.string('缺少要撤销的标记').check(z.regex(/^[0-9A-Z]{26}$/, '要撤销的标记编号不对')),
});
export const MealSlotQuery = z.strictObject({ date: DateSchema, meal: MealSchema });
export const MealSlotBody = z.strictObject({ date: DateSchema, meal: MealSchema });

export const SubscriptionBody = z.strictObject({
  meal: MealSchema,
  fulfilment: FulfilmentSchema,
  weekdays: z
    .array(z.int('星期应当是 1 到 7').check(z.minimum(1, '星期应当是 1 到 7'), z.maximum(7, '星期应当是 1 到 7')))
    .check(
      z.minLength(1, '请至少选一天'),
      z.maxLength(7, '一周只有 7 天'),
      z.refine((days) => new Set(days).size === days.length, '星期不能重复'),
    ),
});
export type SubscriptionInput = z.infer<typeof SubscriptionBody>;

const priceFen = (label: string) =>
  z.int(`${label}应当是整数（分）`).check(z.minimum(0, `${label}不能是负数`), z.maximum(100_000, `${label}最多 1000 元`));
export const PricingBody = z.strictObject({
  age60Fen: priceFen('60–69岁价格'),
  age70Fen: priceFen('70–79岁价格'),
  age80Fen: priceFen('80岁以上价格'),
  dibaoFen: priceFen('低保价格'),
  tekunFen: priceFen('特困价格'),
  disabledFen: priceFen('残疾价格'),
  /** Left out, the centre keeps the way of paying it has. */
  payment: z.optional(z.enum(mealPayments, '付款方式只能是 取餐时付钱、月底统一结算 或 从预存的餐费里扣')),
});
export type PricingInput = z.infer<typeof PricingBody>;
/** The six prices of a centre, in fen. */
export type MealPriceRules = Omit<PricingInput, 'payment'>;
export interface PricingResponse {
  centreId: string;
  rules: MealPriceRules;
  /** How elders pay for their meals; 'counter' where the centre never chose. */
  payment: MealPayment;
  /** False while the centre uses the county defaults. */
  custom: boolean;
}

export const StatementQuery = z.strictObject({ format: z.optional(z.enum(['json', 'csv'], '格式只能是 json 或 csv')) });

// ---- responses ----
export interface MenuView {
  centreId: string;
  date: string;
  meal: Meal;
  mealName: string;
  dishes: Dish[];
  standardPriceFen: number;
  seatCapacity: number;
  deliveryCapacity: number;
  seatsLeft: number;
  deliveriesLeft: number;
  cutoffAt: string;
  servingAt: string;
}

export interface TimelineEntry {
  status: OrderStatus;
  statusName: string;
  at: string;
  byName: string;
  /** On an undo: the mark taken back (`status` is the one the order went back to). */
  undone?: { status: OrderStatus; statusName: string };
}

export interface OrderView {
  orderId: string;
  elderId: string;
  elderName: string;
  centreId: string;
  date: string;
  meal: Meal;
  mealName: string;
  fulfilment: Fulfilment;
  fulfilmentName: string;
  note: string;
  status: OrderStatus;
  statusName: string;
  priceFen: number;
  standardPriceFen: number;
  subsidyFen: number;
  priceRule: PriceRule;
  priceReason: string;
  cutoffAt: string;
  /** The elder or family may still cancel (before the cutoff). */
  cancellable: boolean;
  /**
   * Who did what and when, from the audit trail: on the elder's orders, one order, and the answer to a
   * change; not on the board or the week's menus.
   */
  timeline?: TimelineEntry[];
}

export interface BoardOrderView extends OrderView {
  elderPhone: string;
  elderAddress: string;
  dietary: DietaryNeeds;
  subsidyCategory: SubsidyCategory | null;
  /** The meal is over and the order is still open: the worker marks it served, delivered or no-show, or cancels it. */
  needsDecision: boolean;
  /** For a few minutes after a worker marks the order: undoing that mark puts it back to `back`, until `until`. */
  undo?: { markId: string; back: OrderStatus; backName: string; until: string };
}

export interface ElderMealOffer {
  menu: MenuView;
  price: { priceFen: number; subsidyFen: number; rule: PriceRule; reason: string };
  /** False after the cutoff or when full; `closedReason` says why in Chinese. */
  orderable: boolean;
  closedReason?: string;
  fulfilmentsAllowed: Fulfilment[];
  order?: OrderView;
}

export interface ElderMenusResponse {
  elder: ElderSummary;
  centreName: string;
  /** How the centre takes the money, said on the confirm step with `paymentSentence`. */
  payment: MealPayment;
  /** Where a delivered meal goes: the address on the elder's profile, '' when none is kept. */
  deliveryAddress: string;
  days: Array<{ date: string; weekdayName: string; meals: ElderMealOffer[] }>;
}

export interface OrderResponse {
  order: OrderView;
}

export interface PlaceOrderResponse {
  order: OrderView;
  /** True when this answer repeats an order an earlier, identical request already placed. */
  replayed: boolean;
}

export interface BoardResponse {
  centreId: string;
  date: string;
  meal: Meal;
  menu: MenuView | null;
  counts: Record<Fulfilment, number> & { pending: number; total: number; needsDecision: number };
  items: BoardOrderView[];
  /** Earlier meals (the last two weeks) with orders still open, so none is left undecided. */
  earlierOpen: Array<{ date: string; meal: Meal; mealName: string; count: number }>;
}

export interface ConfirmAllResponse {
  confirmed: number;
}
export interface CentreMenusResponse {
  items: MenuView[];
}
export interface MenuResponse {
  menu: MenuView;
}
/** Menus of one week copied to another; a meal that already has a menu there is skipped. */
export interface CopyWeekResponse {
  copied: number;
  skipped: number;
}

export interface SubscriptionView {
  subscriptionId: string;
  elderId: string;
  meal: Meal;
  fulfilment: Fulfilment;
  weekdays: number[];
  createdAt: string;
  recentRuns: Array<{ date: string; meal: Meal; outcome: string; message: string }>;
}

export interface SubscriptionsResponse {
  items: SubscriptionView[];
}
export interface SubscriptionResponse {
  subscription: SubscriptionView;
}

/** An elder's orders, newest first. The first page also carries what the orders page shows around them. */
export interface ElderOrdersResponse {
  items: OrderView[];
  cursor: string | null;
  /** First page only: whose orders these are. */
  elder?: ElderSummary;
  /** First page only: the elder's standing orders. */
  subscriptions?: SubscriptionView[];
}

export interface StatementRow {
  elderId: string;
  elderName: string;
  subsidyCategory: SubsidyCategory | null;
  meals: number;
  paidFen: number;
  subsidyFen: number;
}
export interface StatementResponse {
  centreId: string;
  centreName: string;
  month: string;
  /** The first and the last day of the month. */
  from: string;
  to: string;
  /** The last day the figures cover: the month's last day once it has ended, otherwise today's business date. */
  asOf: string;
  /** False while the month runs: the figures are 截至 `asOf` and will still change. */
  complete: boolean;
  /** The business date the statement was made. */
  madeOn: string;
  /** The order statuses counted: served and delivered meals only. */
  counts: Array<'served' | 'delivered'>;
  /** The same in words, e.g. 只统计已取餐和已送达的餐次. */
  countsNote: string;
  rows: StatementRow[];
  byCategory: Array<{ subsidyCategory: SubsidyCategory | 'none'; meals: number; paidFen: number; subsidyFen: number }>;
  totals: { meals: number; paidFen: number; subsidyFen: number };
}
