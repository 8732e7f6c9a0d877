/**
 * Recognises failures of the data store that a retry may cure (throttling, timeouts, the endpoint
 * unreachable), so the API answers 503 with a retry hint instead of 500. Looks through wrapped causes
 * because the single-table library wraps SDK errors.
 */
const transientNames = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
const transientCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET']);
/** After its retries the SDK wraps a network error in a plain Error that keeps only the message. */
const networkMessage = new RegExp(`\\b(${[...transientCodes].join('|')})\\b|socket hang up`);

export function isTransientDataError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const candidate = current as { name?: string; code?: string; message?: string; $retryable?: unknown; __isAWSError?: boolean; cause?: unknown; originalError?: unknown };
    if (candidate.name && transientNames.has(candidate.name)) return true;
    if (candidate.code && transientCodes.has(candidate.code)) return true;
    if (candidate.__isAWSError && networkMessage.test(candidate.message ?? '')) return true;
    if (candidate.$retryable) return true;
    current = candidate.cause ?? candidate.originalError;
  }
  return false;
}
