import { logger } from '../../../../platform/logger';
import { count, publish } from '../../../../platform/metrics';
import { applyRetention } from '../../elder-closing';

/**
 * EventBridge schedule target: elders who left the register long enough ago lose their contact details. A run
 * that fails as a whole is counted as a failed job and thrown, so the schedule retries it (safe to run twice).
 */
export const handler = async () => {
  try {
    return await applyRetention();
  } catch (error) {
    count('JobFailure');
    logger.error('applying the retention rule failed', error as Error);
    throw error;
  } finally {
    publish();
  }
};
