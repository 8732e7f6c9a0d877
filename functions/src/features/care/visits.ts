import { businessDate, clock, instantOf, isoNow } from '../../platform/clock';
import { badRequest, conflict } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import type { BookingResponse, StaffDayResponse, StaffVisitView, VisitRecordInput } from '@yilin/contract';
import { actorOf } from '../people/actors';
import { getUser } from '../people/data/users';
import { changedMeanwhile, loadBookingFor, restOfWindow, transitionRefused } from './booking-access';
import { listed, wayInShown } from './rules/visibility';
import { bookingView } from './views';
import { getBookingDetail } from './booking';
import { changeBooking, dropHealthReading, getBookings, getService, keepHealthReading, servicesOfCentre, staffBookingIdsOn } from './data';
import type { BookingItem } from './entities';
import { hasMeasurements, measurementViews } from './rules/health';
import { nextBookingStatus, outsideWindow, recordOpen } from './rules/visit';
import { healthConsentsOf, healthConsentStands } from '../consent/data';
import { assertMayKeepMeasurements, healthConsentMissing } from '../consent/measurements';

/** The staff member's day: their visits in order, checking in and out, and the record of what was done. */

export async function staffDay(session: Session, date: string | undefined): Promise<StaffDayResponse> {
  const today = businessDate();
  const day = date ?? today;
  const [ids, user] = await Promise.all([staffBookingIdsOn(session.userId, day), getUser(session.userId)]);
  const bookings = (await getBookings(ids)).filter((booking) => booking.staffId === session.userId).sort((a, b) => a.windowStart.localeCompare(b.windowStart));
  // The checklists of the day's services: one catalogue read per centre (a staff member's visits are their centre's).
  const [catalogues, consents] = await Promise.all([
    Promise.all([...new Set(bookings.map((booking) => booking.centreId))].map((centreId) => servicesOfCentre(centreId))),
    healthConsentsOf(bookings.map((booking) => booking.elderId)),
  ]);
  const services = new Map(catalogues.flat().map((service) => [service.serviceId, service]));
  const visits: StaffVisitView[] = bookings.map((booking) => {
    const onTheDay = wayInShown(booking, today);
    return {
      ...bookingView(listed('assigned-staff', booking, today), { cancellable: false, today }),
      ...(onTheDay ? { elderPhone: booking.elderPhone, ...(booking.doorCode ? { doorCode: booking.doorCode } : {}) } : {}),
      checklist: [...(services.get(booking.serviceId)?.checklist ?? [])],
      medical: booking.category === 'medical',
      // Said before any number is typed: without it, readings would be refused.
      healthConsent: consents.get(booking.elderId)?.given === true,
    };
  });
  return { date: day, staffName: user?.name ?? '', visits };
}

const notToday = (booking: BookingItem) => conflict('TRANSITION_NOT_ALLOWED', `这次上门是 ${booking.date}，不是今天，到了当天再签到。`);

/** Arriving: the time is kept, and flagged when it is outside the booked window. A retry is answered as done. */
export async function checkIn(session: Session, bookingId: string): Promise<BookingResponse> {
  const { booking } = await loadBookingFor(session, bookingId, 'booking.visit');
  if (booking.status === 'in_service' && booking.checkInAt) return getBookingDetail(session, bookingId);
  if (!nextBookingStatus(booking.status, 'checkIn')) throw transitionRefused(booking, '签到');
  if (booking.date !== businessDate()) throw notToday(booking);
  const now = clock.now();
  const flagged = outsideWindow(now, instantOf(booking.date, booking.windowStart), instantOf(booking.date, booking.windowEnd));
  const outcome = await changeBooking(
    booking,
    { set: { status: 'in_service', checkInAt: now.toISOString(), checkInOutsideWindow: flagged } },
    { action: 'booking.checkedIn', by: await actorOf(session), at: now.toISOString(), changes: [{ field: 'status', before: booking.status, after: 'in_service' }, { field: 'outsideWindow', after: String(flagged) }] },
  );
  if (changedMeanwhile(outcome)) return checkIn(session, bookingId);
  return getBookingDetail(session, bookingId);
}

/**
 * The record of the visit, written while the staff member is there (and rewritten until they check out):
 * notes, the service's checklist, and the readings taken, kept in the elder's health record in the same
 * transaction, and only while the elder's health-data consent stands (notes and checklist need none).
 */
export async function writeRecord(session: Session, bookingId: string, input: VisitRecordInput): Promise<BookingResponse> {
  const { booking } = await loadBookingFor(session, bookingId, 'booking.visit');
  if (!recordOpen(booking.status)) throw transitionRefused(booking, '填写服务记录（签到后、签退前才能填）');
  const service = await getService(booking.centreId, booking.serviceId);
  const unknown = input.checklistDone.find((item) => !(service?.checklist ?? []).includes(item));
  if (unknown) throw badRequest('CHECKLIST_ITEM_UNKNOWN', `“${unknown}”不在这项服务的清单里`, { field: 'checklistDone' });
  // Any visit may measure (blood pressure before a bath is the rule in 助浴), a medical one nearly always does.
  const measured = hasMeasurements(input.measurements);
  await assertMayKeepMeasurements(booking.elderId, measured);
  const by = await actorOf(session);
  const at = isoNow();
  const outcome = await changeBooking(
    booking,
    { set: { record: { notes: input.notes, checklistDone: input.checklistDone, ...(measured ? { measurements: input.measurements } : {}), writtenAt: at, writtenBy: by.userId, writtenByName: by.name } } },
    {
      action: 'booking.recorded',
      by,
      at,
      changes: [
        { field: 'notes', after: input.notes },
        { field: 'checklistDone', after: input.checklistDone.join('、') },
        ...(measured ? [{ field: 'measurements', after: measurementViews(input.measurements!).map((view) => `${view.name} ${view.text}`).join('；') }] : []),
      ],
    },
    {
      reading: measured ? keepHealthReading(booking, input.measurements!, at) : booking.record?.measurements ? dropHealthReading(booking) : undefined,
      consent: measured ? healthConsentStands(booking.elderId) : undefined,
    },
  );
  // Withdrawn between the check and the write: nothing was written.
  if (!outcome.written && outcome.failed.includes('consent')) throw healthConsentMissing();
  if (changedMeanwhile(outcome)) return writeRecord(session, bookingId, input);
  return getBookingDetail(session, bookingId);
}

/** Leaving: the visit is completed (and can then be rated). A retry is answered as done. */
export async function checkOut(session: Session, bookingId: string): Promise<BookingResponse> {
  const { booking } = await loadBookingFor(session, bookingId, 'booking.visit');
  if (booking.status === 'completed') return getBookingDetail(session, bookingId);
  if (!nextBookingStatus(booking.status, 'checkOut')) throw transitionRefused(booking, '签退');
  const at = isoNow();
  const outcome = await changeBooking(
    booking,
    { set: { status: 'completed', checkOutAt: at } },
    { action: 'booking.checkedOut', by: await actorOf(session), at, changes: [{ field: 'status', before: booking.status, after: 'completed' }] },
    { staff: restOfWindow(booking) },
  );
  if (changedMeanwhile(outcome)) return checkOut(session, bookingId);
  return getBookingDetail(session, bookingId);
}
