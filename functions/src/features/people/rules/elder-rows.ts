import {
  abilityNames,
  ElderRecordBody,
  importColumns,
  livingSituationNames,
  sexNames,
  subsidyCategoryNames,
  type ElderRecordInput,
  type ImportColumn,
  type ImportProblem,
} from '@yilin/contract';
import { birthDateProblem } from './age';

/**
 * A community's spreadsheet as elder records: the header row names the columns (by the template's Chinese
 * names or a common variant), and each row is valid exactly when its cells map onto `ElderRecordBody` and
 * its birth date passes the birth-date rule. Every problem names the row as Excel numbers it, the column
 * and what is wrong, in Chinese.
 */

/** A header as compared: without spaces, asterisks (required marks) and anything in brackets. */
const normalHeader = (header: string) =>
  header
    .replace(/[（(【[][^）)】\]]*[）)】\]]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .trim();

const columnByHeader = new Map<string, ImportColumn>(
  importColumns.flatMap(({ column, aliases }) => [column, ...aliases].map((header) => [normalHeader(header), column] as const)),
);

export interface HeaderMap {
  /** Index of each recognised column in the row. */
  columns: Partial<Record<ImportColumn, number>>;
  missing: ImportColumn[];
  /** Headers of the file that are not imported, as written. */
  ignored: string[];
  /** Columns named twice. */
  repeated: ImportColumn[];
}

export function mapHeader(header: readonly unknown[]): HeaderMap {
  const columns: Partial<Record<ImportColumn, number>> = {};
  const ignored: string[] = [];
  const repeated: ImportColumn[] = [];
  header.forEach((cell, index) => {
    const written = cellText(cell);
    if (!written) return;
    const column = columnByHeader.get(normalHeader(written));
    if (!column) ignored.push(written);
    else if (columns[column] !== undefined) repeated.push(column);
    else columns[column] = index;
  });
  const missing = importColumns.filter(({ column, required }) => required && columns[column] === undefined).map(({ column }) => column);
  return { columns, missing, ignored, repeated };
}

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 24 * 60 * 60 * 1000;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A cell as text: an xlsx date as 年-月-日, a number without exponent, text trimmed. */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoDay(cell);
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return String(cell).trim();
}

/**
 * A birth date as people write it: 1945-03-08, 1945/3/8, 1945.3.8, 1945年3月8日, 19450308, an xlsx date,
 * or a date cell that lost its format (Excel's day number). Anything else is left for the schema to refuse.
 */
export function birthDateOf(cell: unknown): string {
  if (typeof cell === 'number' && cell > 1 && cell < 80000 && Number.isInteger(cell)) return isoDay(new Date(EXCEL_EPOCH_MS + cell * DAY_MS));
  const written = cellText(cell);
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(written) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(written);
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : written;
}

/** The term whose Chinese name is written (or the written text, which the schema then refuses). */
function termOf<T extends string>(names: Record<T, string>, written: string, variants: Record<string, T> = {}): string {
  const found = (Object.entries(names) as Array<[T, string]>).find(([, name]) => name === written);
  return found?.[0] ?? variants[written] ?? written;
}

const yes = new Set(['是', '有', 'Y', 'y', 'YES', 'Yes', 'yes', '√', '✓', '1', 'TRUE', 'true']);
const no = new Set(['否', '无', '没有', '不', 'N', 'n', 'NO', 'No', 'no', '×', '0', 'FALSE', 'false', '']);
/** 是 / 否 (and their usual spellings); a blank cell is 否. Anything else stays text, for the schema to refuse. */
const yesNo = (written: string): boolean | string => (yes.has(written) ? true : no.has(written) ? false : written);

/** Which column each field of the record comes from, for naming the column of a problem. */
const columnOfField: Record<string, ImportColumn> = {
  name: '姓名',
  sex: '性别',
  birthDate: '出生日期',
  phone: '电话',
  address: '住址',
  livingSituation: '居住情况',
  ability: '自理能力',
  subsidyCategory: '补贴类别',
  subsidyProofNote: '核实依据',
  mobilityLimited: '行动不便',
  'dietary.lowSalt': '低盐',
  'dietary.lowSugar': '低糖',
  'dietary.softFood': '软食',
  'dietary.allergies': '过敏或忌口',
  'emergencyContacts.0.name': '紧急联系人',
  'emergencyContacts.0.relation': '紧急联系人关系',
  'emergencyContacts.0.phone': '紧急联系人电话',
};

export type RowReading = { record: ElderRecordInput; problems?: undefined } | { record?: undefined; problems: ImportProblem[] };

/** One data row as an elder record, or every problem of the row. `today` is the business date. */
export function readElderRow(cells: readonly unknown[], header: HeaderMap, today: string): RowReading {
  const at = (column: ImportColumn) => {
    const index = header.columns[column];
    return index === undefined ? '' : cells[index];
  };
  const textAt = (column: ImportColumn) => cellText(at(column));
  const contact = { name: textAt('紧急联系人'), relation: textAt('紧急联系人关系'), phone: textAt('紧急联系人电话') };
  const candidate = {
    name: textAt('姓名'),
    sex: termOf(sexNames, textAt('性别'), { 男性: 'male', 女性: 'female' }),
    birthDate: birthDateOf(at('出生日期')),
    phone: textAt('电话'),
    address: textAt('住址'),
    livingSituation: termOf(livingSituationNames, textAt('居住情况'), { 与子女同住: 'withFamily', 与家人住: 'withFamily', 同住: 'withFamily' }),
    ability: termOf(abilityNames, textAt('自理能力'), { 能自理: 'independent', 部分自理: 'partlyDependent', 不能自理: 'dependent', 完全失能: 'dependent' }),
    subsidyCategory: termOf(subsidyCategoryNames, textAt('补贴类别'), { 无: 'normal', 一般: 'normal', 特困供养: 'tekun', 残疾人: 'disabled' }),
    subsidyProofNote: textAt('核实依据'),
    mobilityLimited: yesNo(textAt('行动不便')),
    dietary: { lowSalt: yesNo(textAt('低盐')), lowSugar: yesNo(textAt('低糖')), softFood: yesNo(textAt('软食')), allergies: textAt('过敏或忌口') },
    emergencyContacts: contact.name || contact.relation || contact.phone ? [contact] : [],
  };
  const parsed = ElderRecordBody.safeParse(candidate);
  const problems: ImportProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ column: columnOfField[issue.path.map(String).join('.')] ?? '', message: issue.message }));
  if (parsed.success || !problems.some((problem) => problem.column === '出生日期')) {
    const dateProblem = parsed.success || /^\d{4}-\d{2}-\d{2}$/.test(candidate.birthDate) ? birthDateProblem(candidate.birthDate, today) : undefined;
    if (dateProblem) problems.push({ column: '出生日期', message: dateProblem });
  }
  return parsed.success && problems.length === 0 ? { record: parsed.data } : { problems };
}

/** A row with nothing written in it is skipped, not a problem: spreadsheets end in blank rows. */
export const isBlankRow = (cells: readonly unknown[]) => cells.every((cell) => cellText(cell) === '');

/** The key by which two rows, or a row and a registered elder, are the same person. */
export const identityOf = (record: { name: string; birthDate: string }) => `${record.name}\u0000${record.birthDate}`;
