import { ulid } from 'ulid';
import { addDays, weekdayOf } from './rules/canteen';
import { createSubscription, deleteSubscription, recordStandingRun, subscriptionsOfCentre } from './data';
import type { SubscriptionItem } from './entities';
import { getElder } from '../people/data/elders';
import { County } from '../people/entities';
import { centresOfCounty } from '../people/data/org';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors';
import { businessDate, clock, isoNow } from '../../platform/clock';
import { logger } from '../../platform/logger';
import type { Session } from '../../platform/session-token';
import type { SubscriptionInput, SubscriptionView } from '@yilin/contract';
import { assertOnRegister, loadElderFor } from '../people/elders';
import { jobKeySpace } from '../../store/idempotency';
import { placeOrderFor, replayOrder, type Orderer } from './orders';
import { subscriptionView, subscriptionViewsOf } from './subscription-views';

/** Standing orders (长期订餐): an elder subscribes to, say, weekday lunches; a daily job orders the next day. */
const MAX_SUBSCRIPTIONS = 6;

export async function listSubscriptions(session: Session, elderId: string): Promise<{ items: SubscriptionView[] }> {
  await loadElderFor(session, elderId);
  return { items: await subscriptionViewsOf(elderId) };
}

export async function subscribe(session: Session, elderId: string, input: SubscriptionInput): Promise<{ subscription: SubscriptionView }> {
  const { elder } = await loadElderFor(session, elderId, 'elder.order');
  assertOnRegister(elder);
  if (input.fulfilment === 'delivery' && !elder.mobilityLimited) {
    throw badRequest('DELIVERY_NOT_ELIGIBLE', '送餐上门只为行动不便的长辈提供，请选择堂食或自取。');
  }
  const item: SubscriptionItem = {
    subscriptionId: ulid(),
    elderId,
    centreId: elder.centreId,
    meal: input.meal,
    fulfilment: input.fulfilment,
    weekdays: [...new Set(input.weekdays)],
    createdBy: session.userId,
    createdAt: isoNow(),
  };
  switch (await createSubscription(item, MAX_SUBSCRIPTIONS)) {
    case 'limit-reached':
      throw badRequest('TOO_MANY_SUBSCRIPTIONS', `最多设置 ${MAX_SUBSCRIPTIONS} 个长期订餐。`);
    case 'overlaps':
      throw conflict('SUBSCRIPTION_OVERLAPS', '这些日子的这一餐已经设置过长期订餐了。');
  }
  return { subscription: await subscriptionView(item) };
}

export async function unsubscribe(session: Session, elderId: string, subscriptionId: string): Promise<void> {
  await loadElderFor(session, elderId, 'elder.order');
  if (!(await deleteSubscription(elderId, subscriptionId))) throw notFound('SUBSCRIPTION_NOT_FOUND', '没有找到这个长期订餐，可能已经取消了。');
}

const jobOrderer: Orderer = { userId: 'standing-order', name: '长期订餐', role: 'job', keySpace: jobKeySpace('standing-orders') };

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
 * orders twice; a seat that could not be had is recorded with the reason. The keys live in the job's own
 * key space, which no client can write into.
 */
export async function runStandingOrders(date = addDays(businessDate(clock.now()), 1)) {
  const summary = { date, placed: 0, failed: 0, errors: 0, skipped: 0 };
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
        try {
          const elder = await getElder(subscription.elderId);
          if (!elder) continue;
          const input = { date, meal: subscription.meal, fulfilment: subscription.fulfilment, idempotencyKey: `${subscription.subscriptionId}-${date}-${subscription.meal}` };
          // A second run of the day finds the first run's order under the same key.
          const { order } = (await replayOrder(elder.elderId, input, jobOrderer)) ?? (await placeOrderFor(elder, input, jobOrderer));
          await recordStandingRun({ subscriptionId: subscription.subscriptionId, date, meal: subscription.meal, outcome: 'placed', message: '已自动下单', orderId: order.orderId, at });
          summary.placed += 1;
        } catch (error) {
          // One standing order that fails is recorded and skipped: the run goes on for everyone after it.
          const expected = error instanceof AppError ? outcomeOf[error.code] : undefined;
          if (expected) summary.failed += 1;
          else {
            summary.errors += 1;
            logger.error('standing order failed', { subscriptionId: subscription.subscriptionId, error: error as Error });
          }
          const message = expected ? (error as AppError).message : '系统出了问题，这一餐没有自动订上，请手动订餐或联系社区工作者';
          await recordStandingRun({ subscriptionId: subscription.subscriptionId, date, meal: subscription.meal, outcome: expected ?? 'error', message, at }).catch(
            (recordError: Error) => logger.error('standing run not recorded', { subscriptionId: subscription.subscriptionId, error: recordError }),
          );
        }
      }
    }
  }
  logger.info('standing orders placed', summary);
  return summary;
}
