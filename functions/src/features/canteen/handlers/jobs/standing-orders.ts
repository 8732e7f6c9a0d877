import { logger } from '../../../../platform/logger';
import { runStandingOrders } from '../../standing-orders';

/** EventBridge schedule target: places tomorrow's standing orders. `{ "date": "YYYY-MM-DD" }` overrides the day. */
export const handler = async (event: { date?: string } = {}) => {
  const date = typeof event.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(event.date) ? event.date : undefined;
  try {
    return await runStandingOrders(date);
  } catch (error) {
    logger.error('standing orders failed', error as Error);
    throw error;
  }
};
