import { clock } from '../../platform/clock';
import { logger } from '../../platform/logger';
import { allCounties } from '../people/data/org';
import { expiredClaimsOf, returnToWall } from './data';

/** The actor of what the system does by itself: a claim that ran past its deadline goes back to the wall. */
const system = { userId: 'system', name: '系统', role: 'system' };

export interface ExpirySummary {
  returned: number;
  changedMeanwhile: number;
}

/**
 * Returns every claim whose deadline has passed to the wall. Each goes back only if it is still the claim the
 * job read (the claimer may have delivered at this very moment): a rerun, or two runs at once, return it once.
 */
export async function returnExpiredClaims(): Promise<ExpirySummary> {
  const now = clock.now().toISOString();
  const summary: ExpirySummary = { returned: 0, changedMeanwhile: 0 };
  for (const county of await allCounties()) {
    for (const wish of await expiredClaimsOf(county.countyId, now)) {
      const outcome = await returnToWall(wish, { action: 'wish.expired', by: system, at: now });
      if (outcome.written) summary.returned++;
      else summary.changedMeanwhile++;
    }
  }
  logger.info('expired claims returned to the wall', { ...summary });
  return summary;
}
