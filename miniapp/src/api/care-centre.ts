import type { AddStaffInput, BookingStatus, CareSettingsInput, ServiceInput, StaffProfileInput, VisitRecordInput } from '@yilin/contract'
import { call } from './client'

/**
 * Home and medical services, the centre's side: the catalogue and its rules, dispatch (派单), the service
 * staff, and a staff member's visits. Reading one booking, cancelling it and the door code are in ./care.
 */

// ---- catalogue and the centre's rules ----
export const getCatalogue = (centreId: string) => call('care/catalogue', { params: { centreId } })

export const addService = (centreId: string, input: ServiceInput, idempotencyKey: string) => call('care/add-service', { params: { centreId }, body: { ...input, idempotencyKey } })

export const updateService = (centreId: string, serviceId: string, input: ServiceInput) =>
  call('care/update-service', { params: { centreId, serviceId }, body: input })

export const setCareSettings = (centreId: string, input: CareSettingsInput) => call('care/set-settings', { params: { centreId }, body: input })

// ---- dispatch ----
export const listCentreBookings = (centreId: string, query: { status?: BookingStatus; from?: string } = {}) =>
  call('care/centre-bookings', { params: { centreId }, query })

export const getCandidates = (bookingId: string) => call('care/candidates', { params: { bookingId } })

export const assignBooking = (bookingId: string, staffId: string) => call('care/assign', { params: { bookingId }, body: { staffId } })

export const rescheduleBooking = (bookingId: string, date: string, windowStart: string, reason: string) =>
  call('care/reschedule', { params: { bookingId }, body: { date, windowStart, reason } })

export const rejectBooking = (bookingId: string, reason: string) => call('care/reject', { params: { bookingId }, body: { reason } })

/** Nobody opened the door: said by the staff member at the door or by the worker they phoned. */
export const markNoShow = (bookingId: string) => call('care/no-show', { params: { bookingId } })

// ---- the centre's service staff ----
export const listCentreStaff = (centreId: string) => call('staff/list', { params: { centreId } })

/** Sent again with the same key after a lost answer: the staff member is added once. */
export const addStaff = (centreId: string, input: AddStaffInput) => call('staff/add', { params: { centreId }, body: input })

export const setStaffProfile = (userId: string, input: StaffProfileInput) => call('staff/set-profile', { params: { userId }, body: input })

/** A form to post the photo to storage directly; its key then goes to {@link setStaffProfile}. */
export const requestStaffPhotoUpload = (userId: string, contentType: 'image/jpeg' | 'image/png' | 'image/webp') =>
  call('staff/photo-upload', { params: { userId }, body: { contentType } })

export const retireStaff = (userId: string) => call('staff/retire', { params: { userId } })

// ---- a staff member's day ----
export const getStaffDay = (date?: string) => call('care/staff-day', { query: date ? { date } : {} })

export const checkIn = (bookingId: string) => call('care/check-in', { params: { bookingId } })

export const saveVisitRecord = (bookingId: string, input: VisitRecordInput) => call('care/record', { params: { bookingId }, body: input })

export const checkOut = (bookingId: string) => call('care/check-out', { params: { bookingId } })
