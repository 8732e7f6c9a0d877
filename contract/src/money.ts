/** Money is kept in fen (integers); yuan appear only in text a person reads or types. */

/** Fen → "¥8", "¥8.50", "¥1,234". */
export function yuan(fen: number): string {
  const amount = fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
  return `¥${amount.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

/** Yuan typed by a person ("15", "12.5", "8.50") → fen, or null when it is not a price. */
export function fenOf(yuanText: string): number | null {
  const text = yuanText.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  return Math.round(Number(text) * 100);
}

/** Fen → yuan as written into a text box: "10", "8.5". */
export const yuanInputOf = (fen: number) => String(fen / 100);
