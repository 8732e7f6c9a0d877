import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ElderRecordInput, ImportProblem, ImportRowStatus } from '@yilin/contract';
import { ElderImport, type ElderImportItem, type ElderItem } from '../entities';
import { elderRecordParts, getElders } from './elders';
import type { Actor } from '../../../store/audit';
import { rememberRequest, type IdempotencyClaim } from '../../../store/idempotency';
import { writeTogether } from '../../../store/transactions';

/** One row of a preview as stored: what the page shows, and the record a new row will be written as. */
export interface StoredRow {
  row: number;
  status: ImportRowStatus;
  name: string;
  birthDate: string;
  problems: ImportProblem[];
  record?: ElderRecordInput;
}

/** Rows packed under DynamoDB's 400 KB item limit: 500 rows of JSON deflate to a few tens of KB. */
const MAX_PACKED_CHARS = 300 * 1024;

export const packRows = (rows: StoredRow[]) => deflateRawSync(JSON.stringify(rows)).toString('base64');
export const unpackRows = (packed: string) => JSON.parse(inflateRawSync(Buffer.from(packed, 'base64')).toString('utf8')) as StoredRow[];
export const fitsOneItem = (packed: string) => packed.length <= MAX_PACKED_CHARS;

export async function saveImport(item: ElderImportItem): Promise<void> {
  await ElderImport.create(item).go();
}

export async function getImport(importId: string): Promise<ElderImportItem | undefined> {
  const { data } = await ElderImport.get({ importId }).go({ consistent: true });
  return data ?? undefined;
}

/** DynamoDB takes 100 items in a transaction; registering one elder writes 4 (user, profile, county entry, audit). */
export const ELDERS_PER_TRANSACTION = 25;

/**
 * Writes one slice of an import's elders in one transaction. Their ids are derived from the import and the
 * row, so a slice written before (an earlier confirm that crashed later, or a copy running at the same
 * time) fails its conditions as a whole: it is then found in the table and counted as written, never twice.
 */
export async function writeElderSlice(elders: ElderItem[], countyId: string, by: Actor, at: string): Promise<void> {
  const outcome = await writeTogether(Object.fromEntries(elders.map((elder) => [elder.elderId, elderRecordParts(elder, countyId, by, at)])));
  if (outcome.written) return;
  const found = await getElders(elders.map((elder) => elder.elderId));
  if (found.length !== elders.length) throw new Error(`Import slice refused on ${outcome.failed.join(', ')}`);
}

/** Marks the import done with what it added, and remembers the request's key, in one transaction. */
export async function finishImport(importId: string, added: number, skipped: number, request: IdempotencyClaim, at: string, nowSeconds: number): Promise<void> {
  await writeTogether({
    import: ({ ElderImport: imports }) =>
      imports
        .patch({ importId })
        .set({ status: 'done', added, skipped, doneAt: at })
        .where((attr, op) => op.eq(attr.status, 'preview'))
        .commit(),
    request: rememberRequest(request, importId, nowSeconds),
  });
  // Refused only when another copy of the confirmation finished first: the import is done either way.
}
