/**
 * One row of the benchmark table. Every figure is compared with a floor measured in the same run
 * (absolute times on a shared machine are noise); the target says how far above its floor a figure may be.
 */
export interface Row {
  group: string;
  what: string;
  measured: number;
  floor: number;
  unit: string;
  /** measured / floor */
  ratio: number;
  target: string;
  /** null for figures reported for information, without a target of their own. */
  met: boolean | null;
  note?: string;
}

export function row(fields: Omit<Row, 'ratio'> & { ratio?: number }): Row {
  const ratio = fields.ratio ?? (fields.floor === 0 ? (fields.measured === 0 ? 1 : Infinity) : fields.measured / fields.floor);
  return { ...fields, ratio: Number(ratio.toFixed(3)) };
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

const round = (value: number) => (Number.isInteger(value) ? String(value) : Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2));

function cell(value: number, unit: string): string {
  if (!Number.isFinite(value)) return String(value);
  if (unit === 'B') return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(2)} MB` : `${(value / 1024).toFixed(1)} KB`;
  if (unit === 'USD' || unit === 'CNY') return `${value.toFixed(4)} ${unit}`;
  return `${round(value)} ${unit}`.trim();
}

export function formatTable(rows: Row[]): string {
  const header = ['group', 'what', 'measured', 'floor', 'ratio', 'target', 'met'];
  const lines = rows.map((r) => [r.group, r.what, cell(r.measured, r.unit), cell(r.floor, r.unit), `${r.ratio.toFixed(2)}×`, r.target, r.met === null ? '—' : r.met ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => [...line[i]].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))));
  const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
  const render = (line: string[]) => line.map((text, i) => pad(text, widths[i])).join(' | ');
  return [render(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(render)].join('\n');
}

/** Seconds since `start`, for progress lines. */
export const since = (start: number) => `${((Date.now() - start) / 1000).toFixed(1)} s`;

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
