import { allOrdersOfElder, cancelOrderAtomically, deleteSubscription, ordersOfElderBetween, setOrderCommunity, setSubscriptionCentre, subscriptionsOfElder, type OrderActor } from './data';
import type { ElderItem } from '../people/entities';
import { registerChangeOf } from '../people/elder-changes';
import { businessDate } from '../../platform/clock';
import type { Change } from '../../platform/stream';

/** Who the timelines name for what the canteen does when it hears of a change to an elder. */
const register: OrderActor = { userId: 'elder-register', name: '社区登记变更', role: 'job' };

/** Open orders are still to be cooked: these are cancelled when the elder leaves the register. */
const stillOpen = new Set(['placed', 'confirmed']);

/**
 * The canteen follows changes to an elder's register entry (the people feature writes them; the change
 * stream brings them here):
 *  - moved to another community: every order now belongs to the new community (its workers see them,
 *    the old community's no longer do), and standing orders order at the new community's centre;
 *  - died or moved away: standing orders stop, and open orders from today on are cancelled, seats given back.
 * The record only says that something changed: what is done follows the elder as they are now, read
 * again, so a record delivered twice, late or out of order (a replayed 已故 after the elder was put back
 * on the register; a move A→B replayed after B→A) changes nothing it should not.
 */
export async function followElderChange(change: Change): Promise<void> {
  const changed = await registerChangeOf(change);
  if (changed?.moved) await followMove(changed.elder);
  if (changed?.left) await stopFor(changed.elder, change.at);
}

async function followMove(elder: ElderItem): Promise<void> {
  const [orders, subscriptions] = await Promise.all([allOrdersOfElder(elder.elderId), subscriptionsOfElder(elder.elderId)]);
  for (const order of orders) if (order.communityId !== elder.communityId) await setOrderCommunity(order.orderId, elder.communityId);
  for (const subscription of subscriptions) {
    if (subscription.centreId !== elder.centreId) await setSubscriptionCentre(elder.elderId, subscription.subscriptionId, elder.centreId);
  }
}

async function stopFor(elder: ElderItem, at: Date): Promise<void> {
  const today = businessDate();
  const [subscriptions, upcoming] = await Promise.all([subscriptionsOfElder(elder.elderId), ordersOfElderBetween(elder.elderId, today, '9999-12-31')]);
  for (const subscription of subscriptions) await deleteSubscription(elder.elderId, subscription.subscriptionId);
  // An order that moved on meanwhile ('stale') is left as it is: someone is already handling it.
  for (const order of upcoming) if (stillOpen.has(order.status)) await cancelOrderAtomically(order, { at: at.toISOString(), by: register });
}
