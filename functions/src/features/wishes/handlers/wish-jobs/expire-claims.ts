import { logger } from '../../../../platform/logger';
import { count, publish } from '../../../../platform/metrics';
import { returnExpiredClaims } from '../../expiry';

/**
 * EventBridge schedule target: claims past their deadline go back to the wall. A run that fails as a whole
 * is counted as a failed job and thrown, so the schedule retries it (the job is safe to run twice).
 */
export const handler = async () => {
  try {
    return await returnExpiredClaims();
  } catch (error) {
    count('JobFailure');
    logger.error('returning expired claims failed', error as Error);
    throw error;
  } finally {
    publish();
  }
};
