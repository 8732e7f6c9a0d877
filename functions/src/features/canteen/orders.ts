import { ulid } from 'ulid';
import { addDays, cancelProblem, fulfilmentNames, isBeforeCutoff, markTooEarly, mealNames, meals, nextStatuses, orderStatusNames, type Fulfilment, type Meal, type OrderStatus } from './rules/canteen';
import { may, relationTo, type Action } from '../../access/policy';
import { mealPriceFor, type PriceRules } from './rules/pricing';
import {
  cancelOrderAtomically,
  changeOrderStatus,
  getMenu,
  getOrder,
  menusBetween,
  ordersOfElder,
  timelineOf,
  timelinesOfElder,
  ordersOfElderBetween,
  placeOrderAtomically,
  priceRulesOf,
} from './data';
import type { MenuItem, OrderItem } from './entities';
import type { ElderItem } from '../people/entities';
import { getBinding } from '../people/data/bindings';
import { businessDate, clock, epochSeconds } from '../../platform/clock';
import { count } from '../../platform/metrics';
import { subjectOf, type AuditEventItem } from '../../store/audit';
import { callerKeySpace, earlierResult, fingerprintOf, type IdempotencyClaim } from '../../store/idempotency';
import { badRequest, conflict, notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { weekdayNameOf, type ElderMealOffer, ElderMenusResponse, ElderOrdersResponse, OrderView, PlaceOrderInput, PlaceOrderResponse } from '@yilin/contract';
import { subscriptionViewsOf } from './subscription-views';
import { actorFrom, actorName, actorOf } from '../people/actors';
import { centreInfo, centreName, communityName } from '../people/places';
import { assertOnRegister, loadElderFor } from '../people/elders';
import { menuView, orderView } from './views';
import { elderSummaryView } from '../people/views';

const orderNotFound = () => notFound('ORDER_NOT_FOUND', '没有找到这份订单。');

/**
 * Who may order for an elder: the elder, bound family, and a worker of the community taking a phone order.
 * A relative's relation comes along, so the order's timeline says 王建国（儿子）.
 */
async function elderForOrdering(session: Session, elderId: string) {
  const { elder, binding } = await loadElderFor(session, elderId, 'elder.order');
  return { elder, relation: binding?.relation };
}

function fulfilmentsFor(elder: ElderItem, menu: MenuItem): Fulfilment[] {
  const allowed: Fulfilment[] = [];
  if (menu.seatCapacity > 0) allowed.push('eat_in', 'pick_up');
  if (elder.mobilityLimited && menu.deliveryCapacity > 0) allowed.push('delivery');
  return allowed;
}

function priceFor(elder: ElderItem, menu: MenuItem, rules: PriceRules) {
  return mealPriceFor({
    birthDate: elder.birthDate,
    verifiedCategory: elder.subsidyCategoryVerified ?? null,
    mealDate: menu.date,
    standardPriceFen: menu.standardPriceFen,
    rules,
  });
}

/**
 * The coming week's menus for an elder, each with the elder's own price and why, and any order placed;
 * with how the centre takes the money and where a delivery goes, for the confirm step.
 */
export async function elderMenus(session: Session, elderId: string): Promise<ElderMenusResponse> {
  const { elder } = await loadElderFor(session, elderId);
  const today = businessDate();
  const until = addDays(today, 6);
  const [menus, orders, centre, community, { rules, payment }] = await Promise.all([
    menusBetween(elder.centreId, today, until),
    ordersOfElderBetween(elderId, today, until),
    centreName(elder.centreId),
    communityName(elder.communityId),
    priceRulesOf(elder.centreId),
  ]);
  const now = clock.now();
  const days: ElderMenusResponse['days'] = [];
  for (let offset = 0; offset < 7; offset++) {
    const date = addDays(today, offset);
    const offers: ElderMealOffer[] = menus
      .filter((menu) => menu.date === date)
      .sort((a, b) => meals.indexOf(a.meal) - meals.indexOf(b.meal))
      .map((menu) => {
        const order = orders.find((candidate) => candidate.date === date && candidate.meal === menu.meal && candidate.status !== 'cancelled');
        const view = menuView(menu);
        const allowed = fulfilmentsFor(elder, menu);
        const full = view.seatsLeft === 0 && (!allowed.includes('delivery') || view.deliveriesLeft === 0);
        const closedReason = order
          ? '这一餐已经订好了'
          : !isBeforeCutoff(menu.cutoffAt, now)
            ? `已过订餐时间（${menu.cutoffTime} 截止）`
            : allowed.length === 0
              ? '这一餐只送餐上门，送餐只为行动不便的长辈提供'
              : full
                ? '已订满'
                : undefined;
        return {
          menu: view,
          price: priceFor(elder, menu, rules),
          orderable: closedReason === undefined,
          ...(closedReason ? { closedReason } : {}),
          fulfilmentsAllowed: allowed,
          ...(order ? { order: orderView(order) } : {}),
        };
      });
    if (offers.length) days.push({ date, weekdayName: weekdayNameOf(date), meals: offers });
  }
  return { elder: elderSummaryView(elder, community), centreName: centre, payment, deliveryAddress: elder.address, days };
}

/** The event the order's placing wrote, as it was written: the answer needs no read of it. */
const placedEvent = (order: OrderItem, by: Orderer): AuditEventItem => ({
  subject: subjectOf('order', order.orderId),
  eventId: '',
  concerns: order.elderId,
  action: 'order.placed',
  actorId: by.userId,
  actorName: by.name,
  actorRole: by.role,
  at: order.placedAt,
  changes: [{ field: 'status', after: 'placed' }],
});

/** The answer to a request already placed under its key, if any (409 when the key was used for another). */
async function replay(claim: IdempotencyClaim): Promise<PlaceOrderResponse | undefined> {
  const orderId = await earlierResult(claim);
  if (!orderId) return undefined;
  const [order, events] = await Promise.all([getOrder(orderId), timelineOf(orderId)]);
  if (!order) throw new Error('Idempotency record points at a missing order');
  return { order: orderView(order, events), replayed: true };
}

export interface Orderer {
  userId: string;
  name: string;
  /** Who the orderer is, for the audit trail: `elder`, `family`, `worker`, or `job`. */
  role: string;
  /** Key space of the idempotency key; the caller's own unless a job places the order. */
  keySpace?: string;
}

/** The request's idempotency claim: the key in the orderer's key space, and the whole request for this elder. */
const claimOf = (elderId: string, input: PlaceOrderInput, by: Orderer): IdempotencyClaim => ({
  scope: by.keySpace ?? callerKeySpace(by.userId),
  key: input.idempotencyKey,
  // The same key with another note is another request: an allergy warning is never dropped.
  fingerprint: fingerprintOf([elderId, input.date, input.meal, input.fulfilment, input.note ?? '']),
});

/** The answer to an order request already placed under this idempotency key, if any. */
export const replayOrder = (elderId: string, input: PlaceOrderInput, by: Orderer) => replay(claimOf(elderId, input, by));

/**
 * Places an order for an elder the caller may order for; every check before the one atomic write.
 * Callers look for an earlier answer first ({@link replayOrder}), so a retry after the cutoff still gets it.
 */
export async function placeOrderFor(elder: ElderItem, input: PlaceOrderInput, by: Orderer): Promise<PlaceOrderResponse> {
  assertOnRegister(elder);
  const claim = claimOf(elder.elderId, input, by);
  const now = clock.now();
  if (input.date < businessDate(now)) throw badRequest('DATE_PAST', '不能给已经过去的日期订餐。');
  const [menu, { rules }] = await Promise.all([getMenu(elder.centreId, input.date, input.meal), priceRulesOf(elder.centreId)]);
  if (!menu) throw notFound('MENU_NOT_FOUND', `${input.date} 的${mealNames[input.meal]}还没有发布菜单。`);
  if (!isBeforeCutoff(menu.cutoffAt, now)) {
    throw conflict('ORDER_CLOSED', `已过订餐时间（${mealNames[input.meal]} ${menu.cutoffTime} 截止），请联系社区工作者。`);
  }
  if (input.fulfilment === 'delivery' && !elder.mobilityLimited) {
    throw badRequest('DELIVERY_NOT_ELIGIBLE', '送餐上门只为行动不便的长辈提供，请选择堂食或自取，或请社区工作者核实。');
  }
  const price = priceFor(elder, menu, rules);
  const at = now.toISOString();
  const order: OrderItem = {
    orderId: ulid(),
    elderId: elder.elderId,
    centreId: elder.centreId,
    communityId: elder.communityId,
    date: input.date,
    meal: input.meal,
    fulfilment: input.fulfilment,
    note: input.note ?? '',
    status: 'placed',
    standardPriceFen: menu.standardPriceFen,
    priceFen: price.priceFen,
    subsidyFen: price.subsidyFen,
    priceRule: price.rule,
    priceReason: price.reason,
    subsidyCategory: elder.subsidyCategoryVerified,
    elderName: elder.name,
    elderPhone: elder.phone,
    elderAddress: elder.address,
    dietary: elder.dietary,
    cutoffAt: menu.cutoffAt,
    placedBy: by.userId,
    placedAt: at,
    updatedAt: at,
  };
  const outcome = await placeOrderAtomically(order, menu, claim, epochSeconds(now), by);
  switch (outcome) {
    case 'placed':
      count('OrderPlaced');
      return { order: orderView(order, [placedEvent(order, by)]), replayed: false };
    case 'duplicate-request': {
      const repeated = await replay(claim);
      if (repeated) return repeated;
      throw new Error('Duplicate request without a stored answer');
    }
    case 'already-ordered':
      throw conflict('ALREADY_ORDERED', `${input.date} 的${mealNames[input.meal]}已经订过了，不用重复订。`);
    case 'sold-out':
      throw conflict('SOLD_OUT', `已订满：${input.date} 的${mealNames[input.meal]}${fulfilmentNames[input.fulfilment]}名额没有了。`);
    case 'menu-changed':
      throw conflict('MENU_CHANGED', '菜单刚刚有更新，请刷新后再订。');
  }
}

export async function placeOrder(session: Session, elderId: string, input: PlaceOrderInput): Promise<PlaceOrderResponse> {
  // Three independent reads at once: whether the caller may order for this elder, the caller's name
  // for the timeline, and whether this very request was already answered.
  // Settled, not raced: a caller who may not order for this elder learns nothing about its requests.
  const by = { userId: session.userId, name: '', role: session.role };
  const [elder, name, earlier] = await Promise.allSettled([
    elderForOrdering(session, elderId),
    actorName(session),
    replayOrder(elderId, input, by),
  ]);
  if (elder.status === 'rejected') throw elder.reason;
  if (name.status === 'rejected') throw name.reason;
  if (earlier.status === 'rejected') throw earlier.reason;
  const placedBy = actorFrom(session, name.value, elder.value.relation);
  return earlier.value ?? placeOrderFor(elder.value.elder, input, placedBy);
}

/** Loads an order the caller may do `action` on; anyone else is told it does not exist. */
export async function loadOrderFor(session: Session, orderId: string, action: Action): Promise<OrderItem> {
  return (await orderAndBindingFor(session, orderId, action)).order;
}

/** The order, and for a relative their binding to its elder (what they are to the elder, for the timeline). */
async function orderAndBindingFor(session: Session, orderId: string, action: Action) {
  const order = await getOrder(orderId);
  if (!order) throw orderNotFound();
  const [binding, centre] = await Promise.all([
    session.role === 'family' ? getBinding(order.elderId, session.userId) : undefined,
    session.role === 'admin' ? centreInfo(order.centreId) : undefined,
  ]);
  const subject = { elderId: order.elderId, communityId: order.communityId, centreId: order.centreId, countyId: centre?.countyId };
  if (!may(action, relationTo(session, subject, binding !== undefined))) throw orderNotFound();
  return { order, binding };
}

export async function getOrderDetail(session: Session, orderId: string): Promise<{ order: OrderView }> {
  const order = await loadOrderFor(session, orderId, 'order.read');
  return { order: orderView(order, await timelineOf(orderId)) };
}

/** The orders page in one request: the first page brings the elder and their standing orders along. */
export async function elderOrders(session: Session, elderId: string, cursor: string | undefined, limit: number): Promise<ElderOrdersResponse> {
  const { elder } = await loadElderFor(session, elderId);
  const firstPage = cursor === undefined;
  const [page, community, standing] = await Promise.all([
    ordersOfElder(elderId, cursor, limit),
    firstPage ? communityName(elder.communityId) : Promise.resolve(''),
    firstPage ? subscriptionViewsOf(elderId) : Promise.resolve(undefined),
  ]);
  const timelines = await timelinesOfElder(elderId, page.items);
  return {
    items: page.items.map((order) => orderView(order, timelines.get(order.orderId))),
    cursor: page.cursor ?? null,
    ...(firstPage ? { elder: elderSummaryView(elder, community), subscriptions: standing } : {}),
  };
}

export async function cancelOrder(session: Session, orderId: string): Promise<{ order: OrderView }> {
  const { order, binding } = await orderAndBindingFor(session, orderId, 'order.cancel');
  const isWorker = session.role === 'worker';
  const problem = cancelProblem(isWorker, order.status, order.fulfilment, order.cutoffAt, clock.now());
  if (problem === 'not-cancellable') throw conflict('ORDER_NOT_CANCELLABLE', `订单${order.status === 'cancelled' ? '已经取消了' : '已在处理中'}，不能取消。`);
  if (problem === 'after-cutoff') throw conflict('ORDER_CLOSED', '已过订餐截止时间，取消请联系社区工作者。');
  const outcome = await cancelOrderAtomically(order, { at: clock.now().toISOString(), by: await actorOf(session, binding?.relation) });
  if (outcome === 'stale') throw conflict('ORDER_CHANGED', '订单状态刚刚有变化，请刷新后再试。');
  const [cancelled, events] = await Promise.all([getOrder(orderId), timelineOf(orderId)]);
  return { order: orderView(cancelled!, events) };
}

/** A worker moves an order along: confirm, served, out for delivery, delivered, no-show. */
export async function setOrderStatus(session: Session, orderId: string, status: OrderStatus): Promise<{ order: OrderView }> {
  const order = await loadOrderFor(session, orderId, 'order.move');
  if (!nextStatuses(order.status, order.fulfilment).includes(status)) {
    throw conflict('STATUS_NOT_ALLOWED', `订单现在是“${orderView(order).statusName}”，不能改成这个状态。`);
  }
  if (markTooEarly(status, order.date, businessDate())) {
    throw conflict('MEAL_NOT_YET', `这是 ${order.date} 的${mealNames[order.meal]}，到了当天才能标记“${orderStatusNames[status]}”。`);
  }
  const updated = await changeOrderStatus(order, { to: status, at: clock.now().toISOString(), by: await actorOf(session) });
  if (updated === 'stale') throw conflict('ORDER_CHANGED', '订单状态刚刚有变化，请刷新后再试。');
  return { order: orderView(updated, await timelineOf(orderId)) };
}

export type { Meal };
