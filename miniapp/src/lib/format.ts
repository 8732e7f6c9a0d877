import { addDays, businessDateOf, monthDayText, weekdayOf } from '@yilin/contract'

/**
 * Dates for people: "1945年3月8日", "11月24日 15:30". Times shown in China time whatever the phone's zone.
 * Business dates and money come from the contract, so the app counts and writes them as the functions do.
 */
export { addDays, fenOf, weekdayOf, yuan } from '@yilin/contract'

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

function chinaParts(iso: string) {
  const shifted = new Date(Date.parse(iso) + CHINA_OFFSET_MS)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  }
}

const pad = (value: number) => String(value).padStart(2, '0')

/** `YYYY-MM-DD` → "1945年3月8日". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  if (!year || !month || !day) return date
  return `${year}年${month}月${day}日`
}

/** ISO time → "2026年11月24日 15:30" (the functions write it the same way, e.g. in a copy of one's data). */
export { dateTimeText as formatDateTime } from '@yilin/contract'

/** "123456" → "1 2 3 4 5 6", easier to read out over the phone. */
export const spacedCode = (code: string) => code.split('').join(' ')

/** ISO time → "08:12" (China time). */
export function formatTime(iso: string): string {
  if (Number.isNaN(Date.parse(iso))) return iso
  const p = chinaParts(iso)
  return `${pad(p.hour)}:${pad(p.minute)}`
}

/** `YYYY-MM-DD` → "11月24日". */
export const formatMonthDay = monthDayText

/** "2026-12-01" → "12月1日" this year, "2027年1月4日" in another: the year only where it is needed. */
export function formatDayOfYear(date: string, today: string): string {
  return date.slice(0, 4) === today.slice(0, 4) ? formatMonthDay(date) : `${date.slice(0, 4)}年${formatMonthDay(date)}`
}

/** ISO time → "11月24日 08:12" (China time). */
export function formatMonthDayTime(iso: string): string {
  if (Number.isNaN(Date.parse(iso))) return iso
  const p = chinaParts(iso)
  return `${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`
}

/** Today's date in China, `YYYY-MM-DD`. */
export const chinaToday = (now: number = Date.now()): string => businessDateOf(now)

/** The Monday of the week a date falls in. */
export const mondayOf = (date: string) => addDays(date, 1 - weekdayOf(date))
