import { serviceCategories, type BookingView, type ReadingFlag, type ServiceDaysResponse } from '@yilin/contract'
import { queryString } from './navigation'

/**
 * The elder's and family's side of home and medical services (上门服务): the pages' addresses, the order of
 * things, ratings and readings in words. Booking statuses and visit times are in lib/care, shared with staff pages.
 */

export const categoryOrder = serviceCategories

export const SERVICES_URL = '/pages/services/index'
export const HEALTH_URL = '/pages/health/index'
export const bookUrl = (elderId: string, serviceId: string) => `/pages/book/index${queryString({ elderId, serviceId })}`
export const bookingsUrl = (elderId?: string) => `/pages/bookings/index${queryString({ elderId })}`
export const bookingUrl = (bookingId: string) => `/pages/booking/index${queryString({ bookingId })}`

/** Stars in words, so the choice is understood without counting stars: index 0 is one star. */
export const ratingWords = ['很不满意', '不太满意', '一般', '满意', '非常满意'] as const
export const RATING_STARS = [1, 2, 3, 4, 5] as const

/** "★★★★☆": filled and hollow stars, always shown with the words. */
export const starsText = (stars: number) => '★'.repeat(stars) + '☆'.repeat(5 - stars)

/** "09:00–11:00". */
export const windowText = (start: string, end: string) => `${start}–${end}`

/** "约 2 小时", "约 1 小时 30 分钟", "约 45 分钟". */
export function durationText(minutes: number): string {
  const [hours, rest] = [Math.floor(minutes / 60), minutes % 60]
  if (hours === 0) return `约 ${rest} 分钟`
  return rest === 0 ? `约 ${hours} 小时` : `约 ${hours} 小时 ${rest} 分钟`
}

export type ServiceDay = ServiceDaysResponse['days'][number]

/** The day the booking page opens on: the soonest with a window still bookable, else the first. */
export function openingServiceDay(days: ServiceDay[]): string | undefined {
  return (days.find((day) => day.windows.some((slot) => slot.bookable)) ?? days[0])?.date
}

/** What a day's tab says when nothing can be booked on it. */
export const serviceDayNote = (day: ServiceDay) => (day.windows.some((slot) => slot.bookable) ? '' : '约不了')

/** Newest first: the visit furthest ahead on top, down to the oldest. */
export const newestFirst = (a: BookingView, b: BookingView) => `${b.date} ${b.windowStart}`.localeCompare(`${a.date} ${a.windowStart}`)

/** The mark next to a reading out of the usual range: the chart draws the same hollow triangles. */
export const flagMarks: Record<ReadingFlag, string> = { high: '△', low: '▽' }
