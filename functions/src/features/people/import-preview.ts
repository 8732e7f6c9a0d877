import { readSheet } from 'read-excel-file/universal';
import { ulid } from 'ulid';
import { IMPORT_MAX_FILE_BYTES, IMPORT_MAX_ROWS, importColumns, type ImportFileInput, type ImportPreviewResponse } from '@yilin/contract';
import { businessDate, clock, epochSeconds } from '../../platform/clock';
import { AppError, badRequest } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { eldersNamed } from './data/elders';
import { fitsOneItem, packRows, saveImport, type StoredRow } from './data/imports';
import { cellText, identityOf, isBlankRow, mapHeader, readElderRow } from './rules/elder-rows';
import { csvText, parseCsv, spreadsheetKind, type Grid } from './rules/spreadsheet';
import { inBatches, LOOKUPS_AT_ONCE, previewView } from './imports';
import { registeringCommunity } from './elders';

/**
 * The preview of a community's spreadsheet: every row read and checked, likely duplicates found, and the
 * result kept for a day for the confirmation. No elder is written. This module alone loads the xlsx reader,
 * and only the preview's function imports it.
 */

const PREVIEW_SECONDS = 24 * 60 * 60;

const notSpreadsheet = (message = '这个文件不是表格：请选择 Excel（.xlsx）或 CSV 文件。') => badRequest('IMPORT_NOT_SPREADSHEET', message);

async function gridOf(bytes: Buffer): Promise<Grid> {
  const kind = spreadsheetKind(bytes);
  if (kind === 'csv') return parseCsv(csvText(bytes));
  if (kind === 'xls') throw notSpreadsheet('这是旧版 Excel 文件（.xls）：请在 Excel 或 WPS 里“另存为” .xlsx 或 CSV 后再导入。');
  if (kind === 'other') throw notSpreadsheet();
  try {
    return (await readSheet(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)) as Grid;
  } catch {
    // A zip that is not a workbook (a Word file, a damaged download).
    throw notSpreadsheet('这个文件打不开：请确认它是 Excel（.xlsx）或 CSV 表格，在电脑上能正常打开。');
  }
}

export async function previewImport(session: Session, communityId: string, input: ImportFileInput): Promise<ImportPreviewResponse> {
  const community = await registeringCommunity(session, communityId);
  const bytes = Buffer.from(input.content, 'base64');
  if (bytes.length === 0) throw badRequest('IMPORT_FILE_EMPTY', '文件是空的：请选择社区的长辈名册表格（Excel 或 CSV）。');
  if (bytes.length > IMPORT_MAX_FILE_BYTES) {
    throw new AppError(413, 'IMPORT_FILE_TOO_LARGE', '文件太大了：最大 1 MB，请把表格分成几个文件再导入。', { maxBytes: IMPORT_MAX_FILE_BYTES });
  }
  const grid = await gridOf(bytes);
  const headerIndex = grid.findIndex((cells) => !isBlankRow(cells));
  if (headerIndex < 0) throw badRequest('IMPORT_FILE_EMPTY', '表格里没有内容：请填好长辈的资料后再导入。');
  const header = mapHeader(grid[headerIndex]);
  if (header.missing.length > 0 || header.repeated.length > 0) {
    const parts = [
      header.missing.length ? `表格缺少这些列：${header.missing.join('、')}` : '',
      header.repeated.length ? `这些列出现了两次：${header.repeated.join('、')}` : '',
      header.ignored.length ? `认不出的列：${header.ignored.join('、')}` : '',
    ].filter(Boolean);
    throw badRequest('IMPORT_COLUMNS_WRONG', `${parts.join('；')}。请按模板把第 ${headerIndex + 1} 行的列名改好后重新选择文件。`, {
      missing: header.missing,
      repeated: header.repeated,
      unknown: header.ignored,
      columns: importColumns.map(({ column }) => column),
    });
  }
  const dataRows = grid
    .map((cells, index) => ({ row: index + 1, cells }))
    .slice(headerIndex + 1)
    .filter(({ cells }) => !isBlankRow(cells));
  if (dataRows.length === 0) throw badRequest('IMPORT_FILE_EMPTY', '表格里只有表头，还没有长辈的资料。');
  if (dataRows.length > IMPORT_MAX_ROWS) {
    throw new AppError(413, 'IMPORT_TOO_MANY_ROWS', `这个表格有 ${dataRows.length} 行长辈资料，一次最多导入 ${IMPORT_MAX_ROWS} 行：请分成几个表格再导入。`, {
      rows: dataRows.length,
      maxRows: IMPORT_MAX_ROWS,
    });
  }

  const now = clock.now();
  const today = businessDate(now);
  const firstRowOf = new Map<string, number>();
  const rows: StoredRow[] = dataRows.map(({ row, cells }) => {
    const reading = readElderRow(cells, header, today);
    if (!reading.record) return { row, status: 'problem', name: cellText(cells[header.columns['姓名']!]), birthDate: '', problems: reading.problems };
    const { record } = reading;
    const first = firstRowOf.get(identityOf(record));
    if (first !== undefined) {
      const message = `和第 ${first} 行是同一位长辈（姓名和出生日期都相同），请删掉重复的一行`;
      return { row, status: 'problem', name: record.name, birthDate: record.birthDate, problems: [{ column: '姓名', message }] };
    }
    firstRowOf.set(identityOf(record), row);
    return { row, status: 'new', name: record.name, birthDate: record.birthDate, problems: [], record };
  });
  await inBatches(
    rows.filter((row) => row.record),
    LOOKUPS_AT_ONCE,
    async (row) => {
      if ((await eldersNamed(community.countyId, row.name, row.birthDate)).length > 0) {
        row.status = 'registered';
        delete row.record;
      }
    },
  );

  const packed = packRows(rows);
  if (!fitsOneItem(packed)) throw new AppError(413, 'IMPORT_FILE_TOO_LARGE', '表格的内容太多了：请把表格分成几个文件再导入。');
  const imported = {
    importId: ulid(),
    communityId,
    centreId: community.centreId,
    countyId: community.countyId,
    fileName: input.fileName,
    createdBy: session.userId,
    createdAt: now.toISOString(),
    expiresAt: epochSeconds(now) + PREVIEW_SECONDS,
    rows: packed,
    status: 'preview' as const,
  };
  await saveImport(imported);
  return previewView(imported, header.ignored, rows);
}
