import type { BookingStatus, CareSettingsInput, MeasurementsInput } from '@yilin/contract';
import { auditOf, recordAudit, subjectOf, type Actor, type FieldChange } from '../../store/audit';
import { rememberRequest, type IdempotencyClaim } from '../../store/idempotency';
import { giveBackUnit, holdLock, releaseLock, takeUnit } from '../../store/reservation';
import { writeTogether, type Part, type Written } from '../../store/transactions';
import { Booking, CareSatisfaction, CareService, CareSettings, HealthReading, StaffSlot, WindowUse, type BookingItem, type CareServiceItem } from './entities';
import { defaultCareSubsidies, DEFAULT_CANCEL_HOURS } from './rules/pricing';
import { halfHoursOf } from './rules/visit';

/** The data of home and medical services: every read and write of the care entities. */

export async function servicesOfCentre(centreId: string): Promise<CareServiceItem[]> {
  const { data } = await CareService.query.byCentre({ centreId }).go({ pages: 'all' });
  return data;
}

export async function getService(centreId: string, serviceId: string): Promise<CareServiceItem | undefined> {
  const { data } = await CareService.get({ centreId, serviceId }).go();
  return data ?? undefined;
}

/** A service as the centre keeps it; a new one with its request's idempotency record, in one transaction. */
export async function saveService(item: CareServiceItem, request?: { claim: IdempotencyClaim; nowSeconds: number }): Promise<boolean> {
  if (!request) {
    await CareService.put(item).go();
    return true;
  }
  const outcome = await writeTogether({
    service: ({ CareService: services }) => services.create(item).commit(),
    request: rememberRequest(request.claim, item.serviceId, request.nowSeconds),
  });
  return outcome.written;
}

export async function careSettingsOf(centreId: string): Promise<CareSettingsInput> {
  const { data } = await CareSettings.get({ centreId }).go();
  return data ? { cancelHoursBefore: data.cancelHoursBefore, subsidies: data.subsidies } : { cancelHoursBefore: DEFAULT_CANCEL_HOURS, subsidies: defaultCareSubsidies };
}

export async function saveCareSettings(centreId: string, settings: CareSettingsInput, by: string, at: string): Promise<void> {
  await CareSettings.put({ centreId, ...settings, updatedBy: by, updatedAt: at }).go();
}

/** Places taken per window start of a service, for the days from `from` to `to`: `date start` → taken. */
export async function windowUsesOf(serviceId: string, from: string, to: string): Promise<Map<string, number>> {
  const { data } = await WindowUse.query.byService({ serviceId }).between({ date: from }, { date: `${to}~` }).go({ pages: 'all' });
  return new Map(data.map((use) => [`${use.date} ${use.start}`, use.taken]));
}

export async function getBooking(bookingId: string): Promise<BookingItem | undefined> {
  const { data } = await Booking.get({ bookingId }).go({ consistent: true });
  return data ?? undefined;
}

export async function getBookings(bookingIds: string[]): Promise<BookingItem[]> {
  if (bookingIds.length === 0) return [];
  const { data } = await Booking.get(bookingIds.map((bookingId) => ({ bookingId }))).go({ preserveBatchOrder: true });
  return data.filter((item): item is BookingItem => item !== null);
}

/** A centre's bookings from a day on, by day and window. */
export async function bookingsOfCentre(centreId: string, from: string, to: string): Promise<BookingItem[]> {
  const { data } = await Booking.query.byCentre({ centreId }).between({ date: from }, { date: `${to}~` }).go({ pages: 'all' });
  return data;
}

/** An elder's bookings between two days (both included), by day and window. */
export async function bookingsOfElder(elderId: string, from: string, to: string): Promise<BookingItem[]> {
  const { data } = await Booking.query.byElder({ elderId }).between({ date: from }, { date: `${to}~` }).go({ pages: 'all' });
  return data;
}

/** Every booking of an elder, all pages (a copy of the elder's data, forgetting their contact details). */
export const allBookingsOfElder = (elderId: string) => bookingsOfElder(elderId, '0000-01-01', '9999-12-31');

/** The bookings a staff member holds time for on a day, in the order of their half hours. */
export async function staffBookingIdsOn(staffId: string, date: string): Promise<string[]> {
  const { data } = await StaffSlot.query.byStaff({ staffId, date }).go({ pages: 'all' });
  return [...new Set(data.map((slot) => slot.bookingId))];
}

/** The bookings a staff member holds time for from a day on. */
export async function staffBookingIdsFrom(staffId: string, from: string): Promise<string[]> {
  const { data } = await StaffSlot.query.byStaff({ staffId }).gte({ date: from }).go({ pages: 'all' });
  return [...new Set(data.map((slot) => slot.bookingId))];
}

/** Who holds each of a staff member's half hours on a day. */
export async function staffHalfHoursOn(staffId: string, date: string): Promise<Map<string, string>> {
  const { data } = await StaffSlot.query.byStaff({ staffId, date }).go({ pages: 'all' });
  return new Map(data.map((slot) => [slot.half, slot.bookingId]));
}

export const bookingSubject = (bookingId: string) => subjectOf('booking', bookingId);

export async function bookingTimeline(bookingId: string) {
  return (await auditOf(bookingSubject(bookingId), { limit: 100 })).reverse();
}

export async function healthReadingsOf(elderId: string, from: string) {
  const { data } = await HealthReading.query.byElder({ elderId }).gte({ date: from }).go({ pages: 'all' });
  return data;
}

export async function satisfactionOf(centreId: string) {
  const { data } = await CareSatisfaction.get({ centreId }).go();
  return { ratings: data?.ratings ?? 0, satisfied: data?.satisfied ?? 0 };
}

// ---- Parts of the booking's transactions

/** A place in the booking's window (the window's capacity as the catalogue says it now). */
export const takeWindowPlace = (serviceId: string, date: string, start: string, capacity: number): Part =>
  takeUnit({ entity: 'WindowUse', key: { serviceId, date, start }, counter: 'taken', capacity, fromZero: true });

export const giveBackWindowPlace = (booking: Pick<BookingItem, 'serviceId' | 'date' | 'windowStart'>): Part =>
  giveBackUnit({ entity: 'WindowUse', key: { serviceId: booking.serviceId, date: booking.date, start: booking.windowStart }, counter: 'taken' });

export const holdElderSlot = (booking: Pick<BookingItem, 'elderId' | 'date' | 'windowStart' | 'bookingId'>): Part =>
  holdLock('ElderVisitSlot', { elderId: booking.elderId, date: booking.date, start: booking.windowStart, bookingId: booking.bookingId });

export const releaseElderSlot = (booking: Pick<BookingItem, 'elderId' | 'date' | 'windowStart' | 'bookingId'>): Part =>
  releaseLock('ElderVisitSlot', { elderId: booking.elderId, date: booking.date, start: booking.windowStart }, 'bookingId', booking.bookingId);

/** Every half hour of the window, held for the staff member: an overlapping visit of theirs fails here. */
export const holdStaffTime = (staffId: string, booking: Pick<BookingItem, 'date' | 'windowStart' | 'windowEnd' | 'bookingId'>): Part[] =>
  halfHoursOf(booking.windowStart, booking.windowEnd).map((half) => holdLock('StaffSlot', { staffId, date: booking.date, half, bookingId: booking.bookingId }));

/** Gives back the staff member's half hours of the visit: all of them, or those named. */
export const releaseStaffTime = (
  staffId: string,
  booking: Pick<BookingItem, 'date' | 'windowStart' | 'windowEnd' | 'bookingId'>,
  halves = halfHoursOf(booking.windowStart, booking.windowEnd),
): Part[] => halves.map((half) => releaseLock('StaffSlot', { staffId, date: booking.date, half }, 'bookingId', booking.bookingId));

/** What a cancelled visit gives back: its window's place, the elder's slot, and the staff member's time. */
export const cancellationParts = (booking: BookingItem) => ({
  window: giveBackWindowPlace(booking),
  slot: releaseElderSlot(booking),
  staff: booking.staffId ? releaseStaffTime(booking.staffId, booking) : undefined,
});

/** The elder moved to another community: their visits are that community's now (the centre keeps running them). */
export async function setBookingCommunity(bookingId: string, communityId: string): Promise<void> {
  await Booking.patch({ bookingId }).set({ communityId }).go();
}

export const keepHealthReading = (booking: BookingItem, measurements: MeasurementsInput, takenAt: string): Part => ({ HealthReading: readings }) =>
  readings
    .put({ elderId: booking.elderId, date: booking.date, bookingId: booking.bookingId, takenAt, centreId: booking.centreId, staffId: booking.staffId!, measurements })
    .commit();

export const dropHealthReading = (booking: BookingItem): Part => ({ HealthReading: readings }) =>
  readings.delete({ elderId: booking.elderId, date: booking.date, bookingId: booking.bookingId }).commit();

export const countRating = (centreId: string, satisfied: boolean): Part => ({ CareSatisfaction: counts }) =>
  counts
    .update({ centreId })
    .add({ ratings: 1, satisfied: satisfied ? 1 : 0 })
    .commit();

export interface BookingEventRecord {
  action: string;
  by: Actor;
  at: string;
  changes: FieldChange[];
}

const eventPart = (booking: Pick<BookingItem, 'bookingId' | 'elderId'>, event: BookingEventRecord): Part =>
  recordAudit({ subject: bookingSubject(booking.bookingId), concerns: booking.elderId, ...event });

/** A new booking with its place, the elder's slot, its idempotency record and its first event, all or none. */
export function placeBooking(booking: BookingItem, capacity: number, claim: IdempotencyClaim, nowSeconds: number, event: BookingEventRecord) {
  return writeTogether({
    window: takeWindowPlace(booking.serviceId, booking.date, booking.windowStart, capacity),
    slot: holdElderSlot(booking),
    booking: ({ Booking: bookings }) => bookings.create(booking).commit(),
    request: rememberRequest(claim, booking.bookingId, nowSeconds),
    event: eventPart(booking, event),
  });
}

export type BookingChange = Partial<Omit<BookingItem, 'bookingId' | 'elderId' | 'centreId' | 'communityId'>>;

/**
 * A change of a booking, only if it is still in the state the caller read, with its event and the other
 * items it moves (places, locks, readings, counts) in one transaction. `booking` fails when someone else
 * changed it first; the names of `parts` say which other condition failed.
 */
export function changeBooking<K extends string>(
  booking: BookingItem,
  change: { set: BookingChange; remove?: Array<'staffId' | 'doorCode' | 'reason'> },
  event: BookingEventRecord,
  parts: Record<K, Part | Part[] | undefined> = {} as Record<K, Part | Part[] | undefined>,
): Promise<Written<K | 'booking' | 'event'>> {
  const expected: BookingStatus = booking.status;
  const version = booking.version;
  return writeTogether({
    ...parts,
    booking: ({ Booking: bookings }) => {
      const patch = bookings.patch({ bookingId: booking.bookingId }).set({ ...change.set, updatedAt: event.at }).add({ version: 1 });
      return (change.remove?.length ? patch.remove(change.remove) : patch)
        .where((attr, op) => `${op.eq(attr.status, expected)} AND ${version === undefined ? op.notExists(attr.version) : op.eq(attr.version, version)}`)
        .commit();
    },
    event: eventPart(booking, event),
  } as Record<K | 'booking' | 'event', Part | Part[] | undefined>);
}
