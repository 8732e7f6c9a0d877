import { badRequest } from '../platform/errors';

/**
 * A cursor we did not issue for this list is the caller's mistake, not ours: ElectroDB refuses one it
 * cannot decode, and DynamoDB refuses a decoded start key that does not belong to the partition read.
 */
export function rethrowBadCursor(error: unknown): never {
  const message = (error as Error)?.message ?? '';
  if (/cursor|starting key|ExclusiveStartKey|start key/i.test(message) || (error as { code?: number }).code === 5003) {
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

/**
 * Checks a cursor before it reaches DynamoDB: it must decode to the start key of this kind of list,
 * string key attributes and nothing else. (A key of another partition is refused by DynamoDB.)
 */
export function checkCursor(cursor: string | undefined, index: 'primary' | 'gsi1' | 'gsi2'): string | undefined {
  if (cursor === undefined) return undefined;
  const expected = index === 'primary' ? ['pk', 'sk'] : ['pk', 'sk', `${index}pk`, `${index}sk`];
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid =
    typeof key === 'object' && key !== null && !Array.isArray(key) &&
    Object.keys(key).sort().join() === [...expected].sort().join() &&
    Object.values(key).every((value) => typeof value === 'string' && value.length > 0 && value.length < 512);
  if (!valid) throw badRequest('INVALID_CURSOR', '翻页参数不对，请从第一页重新加载。');
  return cursor;
}
