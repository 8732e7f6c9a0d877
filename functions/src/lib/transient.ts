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

export function isTransientDataError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const candidate = current as { name?: string; code?: string; $retryable?: unknown; cause?: unknown; originalError?: unknown };
    if (candidate.name && transientNames.has(candidate.name)) return true;
    if (candidate.code && transientCodes.has(candidate.code)) return true;
    if (candidate.$retryable) return true;
    current = candidate.cause ?? candidate.originalError;
  }
  return false;
}
