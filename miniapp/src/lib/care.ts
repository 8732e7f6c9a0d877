import type { BookingStatus, BookingView } from '@yilin/contract'
import { relativeDay } from './canteen'
import { formatDayOfYear } from './format'

/** Home and medical services in people's words: a booking's status with a mark, its day and window. */

export { serviceCategoryNames, skillNames } from '@yilin/contract'

/** A mark for each status, so it reads without colour. */
export const bookingStatusMarks: Record<BookingStatus, string> = {
  requested: '○',
  confirmed: '✓',
  in_service: '➜',
  completed: '✔',
  cancelled: '✕',
  rejected: '✕',
  no_show: '✕',
}

/** The tone of the status box (styles/status.css): waiting, under way, done or off. */
export function bookingTone(status: BookingStatus): 'new' | 'ok' | 'done' | 'off' {
  if (status === 'requested') return 'new'
  if (status === 'confirmed' || status === 'in_service') return 'ok'
  return status === 'completed' ? 'done' : 'off'
}

/** "12月3日（今天）周三 09:00–10:30": the day said the way a person plans it. */
export function visitTimeText(booking: Pick<BookingView, 'date' | 'weekdayName' | 'windowStart' | 'windowEnd'>, today: string): string {
  const relative = relativeDay(booking.date, today)
  return `${formatDayOfYear(booking.date, today)}${relative ? `（${relative}）` : ''} ${booking.weekdayName} ${booking.windowStart}–${booking.windowEnd}`
}

/** Every half hour of a working day, 06:00 to 22:00: where windows start and end. */
export const halfHours: string[] = Array.from({ length: 33 }, (_, index) => {
  const minutes = 6 * 60 + index * 30
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${minutes % 60 === 0 ? '00' : '30'}`
})
