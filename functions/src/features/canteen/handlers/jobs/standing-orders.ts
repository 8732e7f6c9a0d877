import { logger } from '../../../../platform/logger';
import { count, publish } from '../../../../platform/metrics';
import { runStandingOrders } from '../../standing-orders';

/**
 * EventBridge schedule target: places tomorrow's standing orders. `{ "date": "YYYY-MM-DD" }` overrides the
 * day. Standing orders that could not be placed are counted (an alarm watches them); a run that fails as
 * a whole is counted as a failed job and thrown, so the schedule retries it.
 */
export const handler = async (event: { date?: string } = {}) => {
  const date = typeof event.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(event.date) ? event.date : undefined;
  try {
    const summary = await runStandingOrders(date);
    if (summary.errors > 0) count('StandingOrderFailed', summary.errors);
    return summary;
  } catch (error) {
    count('JobFailure');
    logger.error('standing orders failed', error as Error);
    throw error;
  } finally {
    publish();
  }
};
