import { count } from '../../../../platform/metrics';
import { jobHandler } from '../../../../platform/job';
import { runStandingOrders } from '../../standing-orders';

/**
 * Nightly: places tomorrow's standing orders. `{ "date": "YYYY-MM-DD" }` overrides the day. Standing orders
 * that could not be placed are counted (an alarm watches them).
 */
export const handler = jobHandler('placing standing orders', async (event: { date?: string } = {}) => {
  const date = typeof event.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(event.date) ? event.date : undefined;
  const summary = await runStandingOrders(date);
  if (summary.errors > 0) count('StandingOrderFailed', summary.errors);
  return summary;
});
