import type { data } from '../entities';
import { unavailable } from '../platform/errors';

/**
 * One transaction of named parts, either all written or none. Every rule that spans items is one
 * call of {@link writeTogether}: the caller names each part (a seat taken, a lock held, the record,
 * its idempotency record, its audit event) and learns by name which conditions failed. Conflicts
 * with another transaction on the same items are retried here, in one place.
 */
/** The entities as a transaction hands them to its parts. */
export type Entities = Parameters<Parameters<(typeof data)['transaction']['write']>[0]>[0];
// ElectroDB's commit items are typed per entity; the block only passes them on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Part = (entities: Entities) => any;

export type Written<K extends string> = { written: true } | { written: false; failed: K[] };

interface CancellationReason {
  code?: string;
}

const CONFLICT_RETRIES = 6;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let service: typeof data | undefined;
/** Required lazily: the service module gathers every entity, and entities import the store. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require breaks the import cycle
const entities = () => (service ??= (require('../entities') as { data: typeof data }).data);

export async function writeTogether<K extends string>(parts: Record<K, Part | Part[] | undefined>): Promise<Written<K>> {
  const named = (Object.entries(parts) as Array<[K, Part | Part[] | undefined]>).flatMap(([name, part]) =>
    part === undefined ? [] : (Array.isArray(part) ? part : [part]).map((one) => ({ name, part: one })),
  );
  for (let attempt = 0; ; attempt++) {
    const result = await entities()
      .transaction.write((all) => named.map(({ part }) => part(all)))
      .go();
    if (!result.canceled) return { written: true };
    const reasons = result.data as CancellationReason[];
    // Another transaction touched the same items at the same moment (real DynamoDB reports this as
    // TransactionConflict, not as a failed condition): nothing was written, so try again shortly.
    if (reasons.some((reason) => reason.code === 'TransactionConflict')) {
      if (attempt >= CONFLICT_RETRIES) throw unavailable('SERVICE_BUSY', '办理的人太多了，请稍等几秒再试。');
      // Full jitter on a doubling ceiling (40, 80 … 1280 ms): dozens of callers spread out instead of
      // meeting again at the same moment.
      await pause(Math.random() * 40 * 2 ** attempt);
      continue;
    }
    const failed = [...new Set(named.filter((_, index) => reasons[index]?.code === 'ConditionalCheckFailed').map(({ name }) => name))];
    if (failed.length === 0) throw new Error(`Transaction cancelled: ${reasons.map((reason) => reason.code ?? 'None').join(',')}`);
    return { written: false, failed };
  }
}
