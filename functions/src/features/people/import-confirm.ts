import type { ConfirmImportInput, ImportResultResponse } from '@yilin/contract';
import { clock, epochSeconds } from '../../platform/clock';
import { badRequest, conflict, notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { callerKeySpace, earlierResult, fingerprintOf } from '../../store/idempotency';
import { eldersNamed, identityVersion } from './data/elders';
import { ELDERS_PER_TRANSACTION, finishImport, getImport, unpackRows, writeElderSlice } from './data/imports';
import type { ElderImportItem } from './entities';
import { actorOf } from './actors';
import { elderIdOf, importedElder, inBatches, LOOKUPS_AT_ONCE } from './imports';
import { registeringCommunity } from './elders';

/**
 * The worker confirms a preview: every new row is written, or none.
 *
 * Up to 500 elders take 25 transactions (20 elders of 5 items each), so "all or none" is kept this way:
 *  - before anything is written, every row is checked: a preview with a problem row is refused, and so is
 *    one whose elder was registered by someone else since the preview (409, the rows named): nothing written;
 *  - each row's elder id comes from the import and the row, and a transaction writes a slice only if none of
 *    its elders exists: a repeated, retried or concurrent confirmation finds the slices already written and
 *    writes nobody twice;
 *  - if a confirmation stops half way (a crash, a timeout), the import stays unconfirmed and the next
 *    confirmation writes the slices still missing: all rows in the end, by confirming again.
 */
const result = (imported: ElderImportItem): ImportResultResponse => ({ importId: imported.importId, added: imported.added ?? 0, skipped: imported.skipped ?? 0 });

const importNotFound = () => notFound('IMPORT_NOT_FOUND', '没有找到这次导入，可能已超过一天：请重新选择表格。');

export async function confirmImport(session: Session, communityId: string, importId: string, input: ConfirmImportInput): Promise<ImportResultResponse> {
  await registeringCommunity(session, communityId);
  const claim = { scope: callerKeySpace(session.userId), key: input.idempotencyKey, fingerprint: fingerprintOf(['elder.import', communityId, importId]) };
  await earlierResult(claim);
  const now = clock.now();
  const imported = await getImport(importId);
  if (!imported || imported.communityId !== communityId || imported.expiresAt < epochSeconds(now)) throw importNotFound();
  if (imported.status === 'done') return result(imported);

  const rows = unpackRows(imported.rows);
  const problems = rows.filter((row) => row.status === 'problem');
  if (problems.length > 0) {
    throw badRequest('IMPORT_HAS_PROBLEMS', `还有 ${problems.length} 行有问题（第 ${problems.map((row) => row.row).join('、')} 行）：请在表格里改好后重新选择文件。`, {
      rows: problems.map(({ row, problems: rowProblems }) => ({ row, problems: rowProblems })),
    });
  }
  const fresh = rows.filter((row) => row.status === 'new' && row.record);
  // Per row, its version before its check: a registration after the check makes that row's write refuse.
  const checked = await inBatches(fresh, LOOKUPS_AT_ONCE, async (row) => {
    const elderId = elderIdOf(importId, row.row);
    const version = await identityVersion(imported.countyId, row.name, row.birthDate);
    const takenMeanwhile = (await eldersNamed(imported.countyId, row.name, row.birthDate)).some((found) => found.elderId !== elderId);
    return { row, elderId, version, takenMeanwhile };
  });
  const versions = new Map(checked.map(({ elderId, version }) => [elderId, version]));
  const registeredMeanwhile = checked.filter(({ takenMeanwhile }) => takenMeanwhile).map(({ row }) => row);
  if (registeredMeanwhile.length > 0) {
    throw conflict(
      'IMPORT_REGISTERED_MEANWHILE',
      `预览之后，${registeredMeanwhile.map((row) => `第 ${row.row} 行的${row.name}`).join('、')}已被别人登记：请重新选择文件再预览一次，已登记的会自动跳过。`,
      { rows: registeredMeanwhile.map(({ row, name }) => ({ row, name })) },
    );
  }

  const [by, at] = [await actorOf(session), now.toISOString()];
  const elders = fresh.map((row) => importedElder(row.record!, elderIdOf(importId, row.row), imported, by, at));
  for (let start = 0; start < elders.length; start += ELDERS_PER_TRANSACTION) {
    if ((await writeElderSlice(elders.slice(start, start + ELDERS_PER_TRANSACTION), versions, imported.countyId, by, at)) === 'taken') {
      throw conflict('IMPORT_REGISTERED_MEANWHILE', '刚才有人同时登记了表格里的长辈：请重新选择文件再预览一次，已登记的会自动跳过，不会重复。');
    }
  }
  const skipped = rows.length - fresh.length;
  await finishImport(importId, elders.length, skipped, claim, at, epochSeconds(now));
  return { importId, added: elders.length, skipped };
}
