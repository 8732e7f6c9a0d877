import { ulid } from 'ulid';
import { addDays, weekdayOf } from '../domain/canteen';
import { createSubscription, deleteSubscription, recordStandingRun, subscriptionsOfCentre, subscriptionsOfElder } from '../data/canteen';
import type { SubscriptionItem } from '../data/canteen-entities';
import { getElder } from '../data/elders';
import { County } from '../data/entities';
import { centresOfCounty } from '../data/org';
import { AppError, badRequest, notFound } from '../lib/errors';
import { businessDate, clock, isoNow } from '../lib/clock';
import { logger } from '../lib/logger';
import type { Session } from '../lib/session-token';
import type { SubscriptionInput, SubscriptionView } from '../schemas/canteen';
import { loadElderFor } from './elders';
import { placeOrderFor, replayOrder } from './orders';
import { subscriptionView, subscriptionViewsOf } from './subscription-views';

/** Standing orders (长期订餐): an elder subscribes to, say, weekday lunches; a daily job orders the next day. */
const MAX_SUBSCRIPTIONS = 6;

export async function listSubscriptions(session: Session, elderId: string): Promise<{ items: SubscriptionView[] }> {
  await loadElderFor(session, elderId);
  return { items: await subscriptionViewsOf(elderId) };
}

export async function subscribe(session: Session, elderId: string, input: SubscriptionInput): Promise<{ subscription: SubscriptionView }> {
  const { elder, access } = await loadElderFor(session, elderId);
  if (access === 'county-admin') throw notFound('ELDER_NOT_FOUND', '没有找到这位长辈的资料。');
  if (input.fulfilment === 'delivery' && !elder.mobilityLimited) {
    throw badRequest('DELIVERY_NOT_ELIGIBLE', '送餐上门只为行动不便的长辈提供，请选择堂食或自取。');
  }
  const existing = await subscriptionsOfElder(elderId);
  if (existing.length >= MAX_SUBSCRIPTIONS) throw badRequest('TOO_MANY_SUBSCRIPTIONS', `最多设置 ${MAX_SUBSCRIPTIONS} 个长期订餐。`);
  if (existing.some((item) => item.meal === input.meal && item.weekdays.some((day) => input.weekdays.includes(day)))) {
    throw new AppError(409, 'SUBSCRIPTION_OVERLAPS', '这些日子的这一餐已经设置过长期订餐了。');
  }
  const item: SubscriptionItem = {
    subscriptionId: ulid(),
    elderId,
    centreId: elder.centreId,
    meal: input.meal,
    fulfilment: input.fulfilment,
    weekdays: input.weekdays,
    createdBy: session.userId,
    createdAt: isoNow(),
  };
  await createSubscription(item);
  return { subscription: await subscriptionView(item) };
}

export async function unsubscribe(session: Session, elderId: string, subscriptionId: string): Promise<void> {
  const { access } = await loadElderFor(session, elderId);
  if (access === 'county-admin') throw notFound('ELDER_NOT_FOUND', '没有找到这位长辈的资料。');
  if (!(await deleteSubscription(elderId, subscriptionId))) throw notFound('SUBSCRIPTION_NOT_FOUND', '没有找到这个长期订餐，可能已经取消了。');
}

const outcomeOf: Record<string, 'sold_out' | 'no_menu' | 'closed' | 'not_eligible' | 'already_ordered'> = {
  SOLD_OUT: 'sold_out',
  MENU_NOT_FOUND: 'no_menu',
  ORDER_CLOSED: 'closed',
  DATE_PAST: 'closed',
  DELIVERY_NOT_ELIGIBLE: 'not_eligible',
  ALREADY_ORDERED: 'already_ordered',
  MENU_CHANGED: 'sold_out',
};

/**
 * Places the orders of every standing order for `date` (by default tomorrow). Each order's
 * idempotency key is derived from the subscription and the meal, so running the job twice never
 * orders twice; a seat that could not be had is recorded with the reason.
 */
export async function runStandingOrders(date = addDays(businessDate(clock.now()), 1)) {
  const summary = { date, placed: 0, failed: 0, skipped: 0 };
  const weekday = weekdayOf(date);
  const { data: counties } = await County.query.all({}).go({ pages: 'all' });
  for (const county of counties) {
    for (const centre of await centresOfCounty(county.countyId)) {
      for (const subscription of await subscriptionsOfCentre(centre.centreId)) {
        if (!subscription.weekdays.includes(weekday)) {
          summary.skipped += 1;
          continue;
        }
        const at = isoNow();
        const elder = await getElder(subscription.elderId);
        if (!elder) continue;
        try {
          const input = { date, meal: subscription.meal, fulfilment: subscription.fulfilment, idempotencyKey: `standing-${subscription.subscriptionId}-${date}-${subscription.meal}` };
          // A second run of the day finds the first run's order under the same key.
          const { order } = (await replayOrder(elder.elderId, input)) ?? (await placeOrderFor(elder, input, { userId: 'standing-order', name: '长期订餐' }));
          await recordStandingRun({ subscriptionId: subscription.subscriptionId, date, meal: subscription.meal, outcome: 'placed', message: '已自动下单', orderId: order.orderId, at });
          summary.placed += 1;
        } catch (error) {
          if (!(error instanceof AppError) || !outcomeOf[error.code]) throw error;
          await recordStandingRun({ subscriptionId: subscription.subscriptionId, date, meal: subscription.meal, outcome: outcomeOf[error.code], message: error.message, at });
          summary.failed += 1;
        }
      }
    }
  }
  logger.info('standing orders placed', summary);
  return summary;
}
