/**
 * Business dates (`YYYY-MM-DD`) are days in China Standard Time, UTC+8 all year (China has had no daylight
 * saving since 1991), so they are computed with a fixed offset: the same answer on a phone set to any time
 * zone, and no time-zone database in the mini-program.
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The business date of an instant. */
export function businessDateOf(instant: Date | number): string {
  return new Date(new Date(instant).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A business date plus some days (calendar arithmetic). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday, as people in China count the week. */
export function weekdayOf(date: string): number {
  const day = new Date(Date.parse(`${date}T00:00:00Z`)).getUTCDay();
  return day === 0 ? 7 : day;
}

const weekdayNames = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

/** 星期一 … 星期日 of a business date. */
export const weekdayNameOf = (date: string) => weekdayNames[weekdayOf(date)];

/** `2026-12-01` → 12月1日, as people write a day in the same year. */
export function monthDayText(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return month && day ? `${month}月${day}日` : date;
}

/** An instant as people read it, in China time whatever the machine's zone: "2026年11月24日 15:30". */
export function dateTimeText(iso: string): string {
  if (Number.isNaN(Date.parse(iso))) return iso;
  const shifted = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${shifted.getUTCFullYear()}年${shifted.getUTCMonth() + 1}月${shifted.getUTCDate()}日 ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}
