/**
 * The size DynamoDB bills a stored item by (its documented formula): the UTF-8 length of every attribute
 * name plus its value; a number is about one byte per two significant digits plus one; a boolean or null
 * one byte; a map or list three bytes plus one per element plus its contents. A standard write costs one
 * write unit per started KB of this size.
 */
export function itemBytes(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((total, [name, value]) => total + Buffer.byteLength(name) + valueBytes(value), 0);
}

function valueBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(String(Math.abs(value)).replace('.', '').replace(/^0+/, '').length / 2) + 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return 3 + value.reduce((total: number, element) => total + 1 + valueBytes(element), 0);
  if (value instanceof Set) return [...value].reduce((total: number, element) => total + valueBytes(element), 0);
  if (typeof value === 'object') {
    return 3 + Object.entries(value as Record<string, unknown>).reduce((total, [name, inner]) => total + 1 + Buffer.byteLength(name) + valueBytes(inner), 0);
  }
  return 0;
}

/** Write units of one standard (non-transactional) write of an item this size. */
export const writeUnitsOf = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
