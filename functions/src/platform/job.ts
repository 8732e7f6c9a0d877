import { logger } from './logger';
import { count, publish } from './metrics';

/**
 * The chain of a scheduled job (EventBridge target): run it, publish its metrics, and on a failure of the whole
 * run count JobFailure (an alarm watches it), log what was being done and throw, so the schedule retries it.
 * Every job is safe to run twice.
 */
export function jobHandler<E, R>(doing: string, run: (event: E) => Promise<R>): (event: E) => Promise<R> {
  return async (event: E) => {
    try {
      return await run(event);
    } catch (error) {
      count('JobFailure');
      logger.error(`${doing} failed`, error as Error);
      throw error;
    } finally {
      publish();
    }
  };
}
