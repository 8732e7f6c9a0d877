import type { BookingView, HealthRecordResponse, ServiceDaysResponse, ServiceView, StaffDayResponse, WindowOffer } from '@yilin/contract'
import { addDays, chinaToday } from '../src/lib/format'
import { elderWang, summaryOf } from './fixtures'

export const today = chinaToday()

export const cleaning: ServiceView = {
  serviceId: 's-clean',
  centreId: 'centre-xueyuan',
  category: 'housework',
  categoryName: '家政',
  name: '全屋保洁',
  description: '客厅、厨房、卫生间打扫干净',
  durationMinutes: 120,
  priceFen: 10000,
  skill: 'cleaning',
  skillName: '保洁',
  windows: [{ weekday: 1, start: '09:00', end: '11:00', capacity: 3 }],
  checklist: ['客厅', '厨房', '卫生间'],
  active: true,
}

export const slot = (start: string, end: string, extra: Partial<WindowOffer> = {}): WindowOffer => ({ start, end, placesLeft: 3, bookable: true, ...extra })

export function daysResponse(days: Array<{ date: string; windows: WindowOffer[] }>): ServiceDaysResponse {
  return {
    elder: summaryOf(elderWang),
    service: cleaning,
    price: { priceFen: 7000, subsidyFen: 3000, rule: 'age80', reason: '80岁以上 补贴 ¥30' },
    address: elderWang.address,
    cancelHoursBefore: 24,
    days: days.map(({ date, windows }) => ({ date, weekdayName: '星期三', windows })),
  }
}

export function bookingOf(extra: Partial<BookingView> = {}): BookingView {
  return {
    bookingId: 'b-1',
    elderId: 'e-wang',
    elderName: '王秀兰',
    centreId: 'centre-xueyuan',
    communityId: 'c-xueyuan',
    serviceId: 's-clean',
    serviceName: '全屋保洁',
    category: 'housework',
    categoryName: '家政',
    date: addDays(today, 1),
    weekdayName: '星期三',
    windowStart: '09:00',
    windowEnd: '11:00',
    address: elderWang.address,
    note: '',
    status: 'requested',
    statusName: '等待安排',
    priceFen: 7000,
    subsidyFen: 3000,
    priceReason: '80岁以上 补贴 ¥30',
    cancellable: true,
    doorCodeToday: false,
    rateable: false,
    timeline: [{ action: 'booked', text: '预约', at: `${today}T01:00:00.000Z`, byName: '王秀兰' }],
    ...extra,
  }
}

export const visitor = { staffId: 'st-zhang', name: '张丽', staffNumber: 'A012', photoUrl: 'https://photos.example/zhang.jpg', skillNames: ['保洁'] }

/** A medical visit today with its visitor assigned and the door code due: what the staff member opens at the door. */
export const checkup = (extra: Partial<BookingView> = {}) =>
  bookingOf({
    serviceName: '上门体检',
    category: 'medical',
    categoryName: '医疗',
    date: today,
    status: 'confirmed',
    statusName: '已安排人员',
    visitor,
    doorCodeToday: true,
    ...extra,
  })

/** The staff member's day holding one visit, with the elder's phone and the door code. */
/** The staff member's day with the one visit; the elder consented to health data unless told otherwise. */
export const staffDayWith = (booking: BookingView, healthConsent = true): StaffDayResponse => ({
  date: today,
  staffName: '张丽',
  visits: [{ ...booking, elderPhone: '13800001111', doorCode: '4821', checklist: [], medical: true, healthConsent }],
})

/** Two blood-pressure readings, the latest 偏高, and one fasting glucose. */
export const healthRecord: HealthRecordResponse = {
  elder: summaryOf(elderWang),
  bloodPressure: [
    { at: '2026-11-03T02:00:00.000Z', date: '2026-11-03', bookingId: 'b0', systolic: 130, diastolic: 80 },
    { at: '2026-11-17T02:00:00.000Z', date: '2026-11-17', bookingId: 'b2', systolic: 152, diastolic: 96, flag: 'high', flagName: '偏高' },
  ],
  glucose: [{ at: '2026-11-17T02:00:00.000Z', date: '2026-11-17', bookingId: 'b2', value: 5.6, fasting: true }],
  pulse: [],
  temperature: [],
  weight: [],
}
