/**
 * What a community's spreadsheet file is, and its cells as a grid of text: pure, no AWS and no xlsx
 * library (the xlsx reader is loaded only by the preview's function, see ../import-preview.ts).
 */

export type SpreadsheetKind = 'xlsx' | 'csv' | 'xls' | 'other';

/** A grid of cells, row by row, each cell text (or a Date / number as an xlsx holds it). */
export type Grid = Array<Array<string | number | boolean | Date | null | undefined>>;

/** What the first bytes say: xlsx is a zip, old Excel a compound file, CSV text without NUL bytes. */
export function spreadsheetKind(bytes: Uint8Array): SpreadsheetKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  const head = bytes.subarray(0, 4096);
  // UTF-16 files (Excel's "Unicode text") and binaries carry NUL bytes; CSV in UTF-8 or GBK never does.
  if (head.includes(0)) return 'other';
  // A PDF, an image or a Word file read as text: control bytes other than tab, CR and LF.
  const controls = head.filter((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d).length;
  return controls === 0 ? 'csv' : 'other';
}

/**
 * CSV text from its bytes: UTF-8 (with or without a BOM) when the bytes are valid UTF-8, else GB18030,
 * the superset of GBK in which Excel and WPS in China save CSV by default.
 */
export function csvText(bytes: Uint8Array): string {
  const withoutBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(withoutBom);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF); a semicolon- or tab-separated file too. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', '\t', ';'].reduce((best, candidate) => (firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best), ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === delimiter) {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
