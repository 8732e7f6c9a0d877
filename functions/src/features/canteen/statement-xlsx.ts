import writeXlsxFile, { type CellObject, type Row } from 'write-excel-file/node';
import type { StatementResponse } from '@yilin/contract';
import { categoryName, countsNote, periodText, statementHeader } from './rules/statement';
import { statementTitle } from './statement';

/**
 * The monthly statement as an xlsx workbook, which WeChat's openDocument can show on a phone and the finance
 * office opens in Excel or WPS. Only the xlsx function imports this module, so its library stays out of the
 * canteen read function.
 */
export { XLSX_CONTENT_TYPE } from '../../platform/http';

const columns = statementHeader.length;

/** Yuan as a number the spreadsheet can add up, shown with two decimals; fen / 100 reads back to the same fen. */
const money = (fen: number): CellObject => ({ value: fen / 100, type: Number, format: '#,##0.00' });
const count = (value: number): CellObject => ({ value, type: Number });
const text = (value: string): CellObject => ({ value, type: String });
const bold = (cell: CellObject): CellObject => ({ ...cell, fontWeight: 'bold' });
const blank: Row = [];

/**
 * Title row, header row, one row per elder, the totals row; then the sums by category; then the period
 * (截至 today while the month runs), what is counted and the date it was made. Names are text cells, so a name
 * that looks like a formula stays a name.
 */
export function statementSheet(statement: StatementResponse): Row[] {
  const { totals } = statement;
  return [
    [{ value: statementTitle(statement), type: String, fontWeight: 'bold', fontSize: 14, columnSpan: columns }],
    statementHeader.map((name) => bold(text(name))),
    ...statement.rows.map((row) => [text(row.elderName), text(row.elderId), text(categoryName(row.subsidyCategory)), count(row.meals), money(row.paidFen), money(row.subsidyFen)]),
    [text('合计'), null, null, count(totals.meals), money(totals.paidFen), money(totals.subsidyFen)].map((cell) => cell && bold(cell)),
    blank,
    [bold(text('按补贴类别'))],
    ...statement.byCategory.map((group) => [text(categoryName(group.subsidyCategory)), null, null, count(group.meals), money(group.paidFen), money(group.subsidyFen)]),
    blank,
    [text('统计期间'), text(periodText(statement))],
    [text('统计口径'), text(countsNote)],
    [text('制表日期'), text(statement.madeOn)],
  ];
}

export function statementAsXlsx(statement: StatementResponse): Promise<Buffer> {
  return writeXlsxFile(statementSheet(statement), {
    sheet: `${statement.month} 结算单`,
    columns: [{ width: 14 }, { width: 30 }, { width: 12 }, { width: 10 }, { width: 16 }, { width: 16 }],
    // The title and the header stay in view while scrolling down a long list of elders.
    stickyRowsCount: 2,
  }).toBuffer();
}
