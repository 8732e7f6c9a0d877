import { recentRuns, subscriptionsOfElder } from './data';
import type { SubscriptionItem } from './entities';
import type { SubscriptionView } from '@yilin/contract';

/** A standing order as the app shows it, with the outcome of its last few runs. */
export async function subscriptionView(item: SubscriptionItem): Promise<SubscriptionView> {
  const runs = await recentRuns(item.subscriptionId);
  return {
    subscriptionId: item.subscriptionId,
    elderId: item.elderId,
    meal: item.meal,
    fulfilment: item.fulfilment,
    weekdays: [...item.weekdays].sort(),
    createdAt: item.createdAt,
    recentRuns: runs.map((run) => ({ date: run.date, meal: run.meal, outcome: run.outcome, message: run.message })),
  };
}

export async function subscriptionViewsOf(elderId: string): Promise<SubscriptionView[]> {
  return Promise.all((await subscriptionsOfElder(elderId)).map(subscriptionView));
}
