import { logger } from '../../../../platform/logger';
import { count, publish } from '../../../../platform/metrics';
import { escalateDueAlerts } from '../../escalation';

/**
 * EventBridge schedule target, every minute: emergency calls nobody answered go up a level. A run that
 * fails as a whole is counted as a failed job and thrown, so the schedule retries it (the job is safe to run twice).
 */
export const handler = async () => {
  try {
    return await escalateDueAlerts();
  } catch (error) {
    count('JobFailure');
    logger.error('escalating emergency calls failed', error as Error);
    throw error;
  } finally {
    publish();
  }
};
