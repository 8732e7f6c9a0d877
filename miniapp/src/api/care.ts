import type { BookingInput, RatingInput } from '@yilin/contract'
import { call } from './client'

/** Home and medical services (上门服务) routes of the contract's route table: the elder's and family's side. */

export const getElderServices = (elderId: string) => call('care/elder-services', { params: { elderId } })

export const getServiceDays = (elderId: string, serviceId: string) => call('care/service-days', { params: { elderId, serviceId } })

/** Sent again with the same key after a lost answer: the visit is booked once. */
export const bookService = (elderId: string, input: BookingInput) => call('care/book', { params: { elderId }, body: input })

export const listElderBookings = (elderId: string) => call('care/elder-bookings', { params: { elderId } })

export const getBooking = (bookingId: string) => call('care/get-booking', { params: { bookingId } })

export const cancelBooking = (bookingId: string) => call('care/cancel', { params: { bookingId } })

export const getDoorCode = (bookingId: string) => call('care/door-code', { params: { bookingId } })

export const rateBooking = (bookingId: string, input: RatingInput) => call('care/rate', { params: { bookingId }, body: input })

export const getHealthRecord = (elderId: string) => call('care/health-record', { params: { elderId } })

