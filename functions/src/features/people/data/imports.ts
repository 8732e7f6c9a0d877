import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ElderRecordInput, ImportProblem, ImportRowStatus } from '@yilin/contract';
import { ElderImport, type ElderImportItem, type ElderItem } from '../entities';
import { ELDER_RECORD_ITEMS, elderRecordParts, getElders } from './elders';
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

/** DynamoDB takes 100 items in a transaction; registering one elder writes ELDER_RECORD_ITEMS of them. */
export const ELDERS_PER_TRANSACTION = Math.floor(100 / ELDER_RECORD_ITEMS);

/**
 * Writes one slice of an import's elders in one transaction. Their ids are derived from the import and the
 * row, so a slice written before (an earlier confirm that crashed later, or a copy running at the same
 * time) fails its conditions as a whole: it is then found in the table and counted as written, never twice.
 */
/**
 * Writes a slice of an import's elders, each only if its name-and-birth-date version is still the one read
 * when the confirmation checked for duplicates. 'written' also when a copy of this confirmation wrote the
 * slice first; 'taken' when someone registered one of these people meanwhile.
 */
export async function writeElderSlice(
  elders: ElderItem[],
  versions: Map<string, number | undefined>,
  countyId: string,
  by: Actor,
  at: string,
): Promise<'written' | 'taken'> {
  const outcome = await writeTogether(
    Object.fromEntries(elders.map((elder) => [elder.elderId, elderRecordParts(elder, countyId, by, at, versions.get(elder.elderId))])),
  );
  if (outcome.written) return 'written';
  const found = await getElders(elders.map((elder) => elder.elderId));
  return found.length === elders.length ? 'written' : 'taken';
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
