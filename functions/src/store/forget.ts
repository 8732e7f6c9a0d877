/**
 * Building blocks of forgetting a person (closing an account, an elder's contact details after they left):
 * deleting many items of one entity, and rewriting many. Each feature forgets its own records with these
 * (its `forget.ts`); the rights feature decides when. Everything here may run twice: a closing cut off
 * half-way is run again from the start and finds less to do.
 */

import { isConditionFailure } from './errors';

/** For a patch (which needs the item) of something that may not be there: nothing there, nothing to rewrite. */
export function ignoreMissing(error: unknown): void {
  if (!isConditionFailure(error)) throw error;
}

interface BatchDeletable<K> {
  delete(keys: K[]): { go(): Promise<{ unprocessed: unknown[] }> };
}

/** The largest batch DynamoDB takes. */
const BATCH = 25;

/** Deletes the items with these keys; a key DynamoDB left unprocessed fails the whole step, which is run again. */
export async function deleteEvery<K>(entity: BatchDeletable<K>, keys: K[]): Promise<number> {
  for (let start = 0; start < keys.length; start += BATCH) {
    const { unprocessed } = await entity.delete(keys.slice(start, start + BATCH)).go();
    if (unprocessed.length > 0) throw new Error(`${unprocessed.length} items could not be deleted; run the step again`);
  }
  return keys.length;
}

/** Runs one write per item, a few at a time (a person's orders or messages: hundreds, not millions). */
export async function eachOf<T>(items: readonly T[], write: (item: T) => Promise<unknown>, together = 8): Promise<void> {
  for (let start = 0; start < items.length; start += together) {
    await Promise.all(items.slice(start, start + together).map(write));
  }
}
