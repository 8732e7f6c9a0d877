import { chinaToday } from './format'

/** Months as the API names them (`2026-11`) and as people read them (2026年11月). */

/** The month of today in China. */
export const thisMonth = () => chinaToday().slice(0, 7)

/** `2026-11` plus some months (or minus). */
export function addMonths(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number)
  const index = year * 12 + (m - 1) + count
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** `2026-11` → 2026年11月. */
export const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`

/** `2026-11` → 11月: under a chart, where the year would crowd the axis. */
export const shortMonthText = (month: string) => `${Number(month.slice(5, 7))}月`
