import { strFromU8, unzipSync } from 'fflate';

/**
 * Reads the first sheet of an xlsx file the plain way (unzip, then the sheet's XML), independent of the
 * library that wrote it: each cell's value (text or number) and its number format, by row and column.
 */
export interface SheetCell {
  value: string | number;
  /** The number format code, e.g. `#,##0.00`, when the cell has one. */
  format?: string;
}

const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);

const columnIndex = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((index, letter) => index * 26 + letter.charCodeAt(0) - 64, 0) - 1;

export function readFirstSheet(bytes: Uint8Array): Array<Array<SheetCell | undefined>> {
  const files = unzipSync(bytes);
  const read = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const shared = [...read('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map(([, item]) =>
    unescapeXml([...item.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map(([, part]) => part).join('')),
  );
  const styles = read('xl/styles.xml');
  const formats = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map(([, id, code]) => [id, unescapeXml(code)]));
  const cellFormats = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b([^>]*)>/g)].map(([, attributes]) => formats.get(/numFmtId="(\d+)"/.exec(attributes)?.[1] ?? ''));
  const rows: Array<Array<SheetCell | undefined>> = [];
  for (const [, rowNumber, rowXml] of read('xl/worksheets/sheet1.xml').matchAll(/<row r="(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const row: Array<SheetCell | undefined> = [];
    for (const [, attributes, inner] of (rowXml ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const raw = /<v>([\s\S]*?)<\/v>/.exec(inner ?? '')?.[1];
      if (raw === undefined) continue;
      const type = /\bt="(\w+)"/.exec(attributes)?.[1];
      const value = type === 's' ? shared[Number(raw)] : type === 'str' || type === 'inlineStr' ? unescapeXml(raw) : Number(raw);
      const format = cellFormats[Number(/\bs="(\d+)"/.exec(attributes)?.[1] ?? 0)];
      row[columnIndex(/\br="([A-Z]+\d+)"/.exec(attributes)![1])] = format ? { value, format } : { value };
    }
    rows[Number(rowNumber) - 1] = row;
  }
  return rows;
}
