import { registeredElder } from './data/elders';
import type { ElderRecordInput, ImportPreviewResponse, ImportRowStatus } from '@yilin/contract';
import { may, relationTo } from '../../access/policy';
import { notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import type { ElderImportItem, ElderItem } from './entities';
import type { Actor } from '../../store/audit';
import { unpackRows, type StoredRow } from './data/imports';
import { communityInfo, type CommunityInfo } from './places';

/**
 * What the preview and the confirmation of a spreadsheet import share: who may import into a community,
 * the elder id each row is written under, and the preview as the page shows it.
 */

/** A worker of the community imports into it; anyone else is told it does not exist. */
export async function importingCommunity(session: Session, communityId: string): Promise<CommunityInfo> {
  const community = await communityInfo(communityId);
  if (!community || !may('community.registerElder', relationTo(session, { communityId, ...community }, false))) {
    throw notFound('COMMUNITY_NOT_FOUND', '没有找到这个社区。');
  }
  return community;
}

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
