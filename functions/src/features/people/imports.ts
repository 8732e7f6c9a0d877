import { registeredElder } from './data/elders';
import type { ElderRecordInput, ImportPreviewResponse, ImportRowStatus } from '@yilin/contract';
import type { ElderImportItem, ElderItem } from './entities';
import type { Actor } from '../../store/audit';
import { unpackRows, type StoredRow } from './data/imports';

/**
 * What the preview and the confirmation of a spreadsheet import share: the elder id each row is written under, and the preview as the page shows it.
 */

/** Derived from the import and the row, so however often a confirmation runs, a row is one elder. */
export const elderIdOf = (importId: string, row: number) => `${importId}-${row}`;

/**
 * A row as the elder it registers. The category in the community's register is the one the worker saw proof
 * of, so it is recorded as requested and verified by the worker who imports, as the form does.
 */
/** A row's elder: its id comes from the import and the row, so a repeated confirmation writes nobody twice. */
export const importedElder = (record: ElderRecordInput, elderId: string, imported: ElderImportItem, by: Actor, at: string): ElderItem =>
  registeredElder(record, { elderId, communityId: imported.communityId, centreId: imported.centreId }, by, at);

export function previewView(imported: ElderImportItem, ignoredColumns: string[], rows: StoredRow[] = unpackRows(imported.rows)): ImportPreviewResponse {
  const counts: Record<ImportRowStatus, number> = { new: 0, registered: 0, problem: 0 };
  for (const row of rows) counts[row.status] += 1;
  return {
    importId: imported.importId,
    fileName: imported.fileName,
    counts,
    ignoredColumns,
    rows: rows.map(({ row, status, name, birthDate, problems }) => ({ row, status, name, birthDate, problems })),
    expiresAt: new Date(imported.expiresAt * 1000).toISOString(),
  };
}

/** How many rows' duplicate lookups run at once: enough to be quick, few enough not to flood the table. */
export const LOOKUPS_AT_ONCE = 10;

/** Runs `task` over `items`, at most `width` at a time. */
export async function inBatches<T, R>(items: T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += width) results.push(...(await Promise.all(items.slice(start, start + width).map(task))));
  return results;
}
