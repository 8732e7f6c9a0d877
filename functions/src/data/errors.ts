import { badRequest } from '../lib/errors';

/** ElectroDB rejects a cursor it did not issue; that is the caller's mistake, not ours. */
export function rethrowBadCursor(error: unknown): never {
  const message = (error as Error)?.message ?? '';
  if (/cursor/i.test(message) || (error as { code?: number }).code === 5003) {
    throw badRequest('INVALID_CURSOR', '翻页参数不对，请从第一页重新加载。');
  }
  throw error;
}

/** True when a write was refused because its condition did not hold. */
export function isConditionFailure(error: unknown): boolean {
  let current = error as { name?: string; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.name === 'ConditionalCheckFailedException') return true;
    current = current.cause as typeof current;
  }
  return false;
}
