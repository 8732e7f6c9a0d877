import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { dateTimeText, type DataCopyResponse } from '@yilin/contract';

/**
 * The copy of one's data as a workbook, a sheet per kind of record, which WeChat's openDocument shows on a phone
 * and any spreadsheet program opens. Only the workbook's function imports this module (and its library).
 */

/** Excel's limit for a sheet's name, which must also be unique and free of []:*?/\. */
const SHEET_NAME_MAX = 31;

function sheetNames(titles: string[]): string[] {
  const used = new Set<string>();
  return titles.map((title) => {
    const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, SHEET_NAME_MAX);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base.slice(0, SHEET_NAME_MAX - String(n).length - 1)} ${n}`;
    used.add(name);
    return name;
  });
}

export function dataCopyAsXlsx(copy: DataCopyResponse): Promise<Buffer> {
  const names = sheetNames(copy.sections.map((section) => section.title));
  return writeXlsxFile(
    copy.sections.map((section, index) => {
      const rows: Row[] = [
        [{ value: `${copy.name}的${section.title}`, type: String, fontWeight: 'bold', columnSpan: Math.max(section.columns.length, 1) }],
        section.columns.map((column) => ({ value: column, type: String, fontWeight: 'bold' })),
        // Every cell is text, so a name or note that looks like a formula stays what it says.
        ...section.rows.map((row) => row.map((cell) => ({ value: cell, type: String }))),
        ...(section.rows.length === 0 ? [[{ value: '没有记录', type: String }]] : []),
        [],
        [{ value: `导出时间：${dateTimeText(copy.madeAt)}`, type: String }],
      ];
      return { data: rows, sheet: names[index]!, columns: section.columns.map(() => ({ width: 22 })), stickyRowsCount: 2 };
    }),
  ).toBuffer();
}

/** The file's name as it is saved or forwarded: 我的数据-王磊-2026-12-01.xlsx. */
export const dataCopyFileName = (copy: DataCopyResponse) => `我的数据-${copy.name}-${copy.madeAt.slice(0, 10)}.xlsx`;
