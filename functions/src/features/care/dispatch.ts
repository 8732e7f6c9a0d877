import { addDays, skillNames, weekdayNameOf, weekdayOf, type BookingResponse, type BookingStatus, type BookingsResponse, type CandidatesResponse } from '@yilin/contract';
import { businessDate, clock, instantOf, isoNow } from '../../platform/clock';
import { badRequest, conflict } from '../../platform/errors';
import { staffNotFound } from '../people/staff-members';
import type { Session } from '../../platform/session-token';
import { actorOf, assertCentreAccess } from '../people/actors';
import { getStaffPost, getStaffPosts, staffOfCentre, type StaffPostItem } from '../people/data/staff';
import { bookingDetail, changedMeanwhile, loadBookingFor, restOfWindow, transitionRefused } from './booking-access';
import { listed } from './rules/visibility';
import { BOOKING_DAYS, getBookingDetail } from './booking';
import { serviceNotFound } from './catalogue';
import {
  bookingsOfCentre,
  changeBooking,
  getService,
  giveBackWindowPlace,
  holdElderSlot,
  holdStaffTime,
  releaseElderSlot,
  releaseStaffTime,
  staffHalfHoursOn,
  takeWindowPlace,
} from './data';
import type { BookingItem } from './entities';
import { halfHoursOf, newDoorCode, nextBookingStatus } from './rules/visit';
import { bookingView, visitorView } from './views';

/** Dispatch (派单): the centre's queue, who can go, assigning, moving and refusing visits. */

/** Waiting ones first (oldest day first), then the rest by day and window. */
const queueOrder = (a: BookingItem, b: BookingItem) =>
  Number(b.status === 'requested') - Number(a.status === 'requested') || a.date.localeCompare(b.date) || a.windowStart.localeCompare(b.windowStart);

export async function centreBookings(session: Session, centreId: string, query: { status?: BookingStatus; from?: string }): Promise<BookingsResponse> {
  await assertCentreAccess(session, centreId, 'centre.read');
  const today = businessDate();
  // At most a month back: the queue is for what is still to do, the month's figures are the dashboards'.
  const from = query.from && query.from > addDays(today, -31) ? query.from : addDays(today, -7);
  const items = (await bookingsOfCentre(centreId, from, addDays(today, 14)))
    .filter((booking) => (query.status ? booking.status === query.status : true))
    .sort(queueOrder);
  const posts = await getStaffPosts([...new Set(items.flatMap((booking) => (booking.staffId ? [booking.staffId] : [])))]);
  const visitors = new Map(await Promise.all(posts.map(async (post) => [post.userId, await visitorView(post)] as const)));
  return { bookings: items.map((booking) => bookingView(listed(session.role === 'admin' ? 'county-admin' : 'centre-worker', booking, today), { visitor: booking.staffId ? visitors.get(booking.staffId) : undefined, cancellable: false, today })) };
}

/** Why a staff member cannot take the visit, or undefined when they can. */
function busyReason(post: StaffPostItem, booking: BookingItem, held: Map<string, string>): string | undefined {
  if (!(post.skills ?? []).includes(booking.skill)) return `没有“${skillNames[booking.skill]}”技能`;
  const clash = halfHoursOf(booking.windowStart, booking.windowEnd).find((half) => held.has(half) && held.get(half) !== booking.bookingId);
  return clash ? `${clash} 已有别的上门` : undefined;
}

export async function candidates(session: Session, bookingId: string): Promise<CandidatesResponse> {
  const loaded = await loadBookingFor(session, bookingId, 'booking.dispatch');
  const { booking } = loaded;
  const staff = (await staffOfCentre(booking.centreId)).filter((post) => post.status === 'active');
  const rows = await Promise.all(
    staff.map(async (post) => {
      const reason = busyReason(post, booking, await staffHalfHoursOn(post.userId, booking.date));
      const visitor = await visitorView(post);
      return { staffId: post.userId, name: post.name, staffNumber: visitor.staffNumber, ...(visitor.photoUrl ? { photoUrl: visitor.photoUrl } : {}), free: !reason, ...(reason ? { busyReason: reason } : {}) };
    }),
  );
  rows.sort((a, b) => Number(b.free) - Number(a.free) || a.name.localeCompare(b.name, 'zh'));
  return { booking: await bookingDetail(session, loaded), candidates: rows };
}


/**
 * Assigns a staff member who has the skill: every half hour of the window is held for them in the same
 * transaction, so two overlapping visits (or two workers assigning at once) never both get them. The
 * visit gets a fresh door code. Assigning the same person again is answered as done.
 */
export async function assignStaff(session: Session, bookingId: string, staffId: string): Promise<BookingResponse> {
  const loaded = await loadBookingFor(session, bookingId, 'booking.dispatch');
  const { booking } = loaded;
  if (booking.status === 'confirmed' && booking.staffId === staffId) return { booking: await bookingDetail(session, loaded) };
  if (!nextBookingStatus(booking.status, 'assign')) throw transitionRefused(booking, '派人');
  const post = await getStaffPost(staffId);
  if (!post || post.role !== 'staff' || post.centreId !== booking.centreId || post.status !== 'active') throw staffNotFound();
  if (!(post.skills ?? []).includes(booking.skill)) throw conflict('STAFF_LACKS_SKILL', `${post.name}没有“${skillNames[booking.skill]}”技能，请选有这项技能的人员。`);
  if (instantOf(booking.date, booking.windowEnd) <= clock.now()) throw conflict('WINDOW_PAST', '这次预约的时段已经过了，请先改期再派人。');
  const at = isoNow();
  const who = `${post.name}（工号 ${post.staffNumber ?? '无'}）`;
  const outcome = await changeBooking(
    booking,
    { set: { status: 'confirmed', staffId, doorCode: newDoorCode() } },
    { action: 'booking.assigned', by: await actorOf(session), at, changes: [{ field: 'status', before: booking.status, after: 'confirmed' }, { field: 'staff', after: who }] },
    { staff: holdStaffTime(staffId, booking) },
  );
  // Someone changed the booking first (a second tap, another worker): decide again on what is stored.
  if (!outcome.written && outcome.failed.includes('booking')) return assignStaff(session, bookingId, staffId);
  if (!outcome.written && outcome.failed.includes('staff')) throw conflict('STAFF_BUSY', `${post.name}在${booking.date} ${booking.windowStart}–${booking.windowEnd} 已有别的上门，请换一位。`);
  if (changedMeanwhile(outcome)) return assignStaff(session, bookingId, staffId);
  return getBookingDetail(session, bookingId);
}

/**
 * Moves a visit to another day or window, with the reason the family sees: the new window's place is
 * taken and the old one given back together; whoever was assigned is released and it waits for dispatch again.
 */
export async function rescheduleBooking(session: Session, bookingId: string, input: { date: string; windowStart: string; reason: string }): Promise<BookingResponse> {
  const loaded = await loadBookingFor(session, bookingId, 'booking.dispatch');
  const { booking } = loaded;
  if (booking.date === input.date && booking.windowStart === input.windowStart) {
    if (booking.status === 'requested' && booking.reason === input.reason) return { booking: await bookingDetail(session, loaded) };
    throw badRequest('INVALID_INPUT', '新的时间和原来一样，请选另一个日期或时段', { field: 'windowStart' });
  }
  if (!nextBookingStatus(booking.status, 'reschedule')) throw transitionRefused(booking, '改期');
  const service = await getService(booking.centreId, booking.serviceId);
  if (!service) throw serviceNotFound();
  const window = service.windows.find((candidate) => candidate.weekday === weekdayOf(input.date) && candidate.start === input.windowStart);
  if (!window) throw badRequest('WINDOW_NOT_FOUND', `“${service.name}”在${weekdayNameOf(input.date)} ${input.windowStart} 没有可约的时段，请重新选择。`, { field: 'windowStart' });
  if (instantOf(input.date, window.start) <= clock.now()) throw conflict('WINDOW_PAST', '这个时段已经过了，请选一个以后的时段。');
  if (input.date > addDays(businessDate(), BOOKING_DAYS - 1)) throw badRequest('INVALID_INPUT', `只能改到 ${BOOKING_DAYS} 天以内的上门时段`, { field: 'date' });
  const moved = { ...booking, date: input.date, windowStart: window.start, windowEnd: window.end };
  const outcome = await changeBooking(
    booking,
    { set: { status: 'requested', date: moved.date, windowStart: moved.windowStart, windowEnd: moved.windowEnd, reason: input.reason }, remove: booking.staffId ? ['staffId', 'doorCode'] : [] },
    {
      action: 'booking.rescheduled',
      by: await actorOf(session),
      at: isoNow(),
      changes: [
        { field: 'when', before: `${booking.date} ${booking.windowStart}`, after: `${moved.date} ${moved.windowStart}` },
        { field: 'reason', after: input.reason },
      ],
    },
    {
      window: takeWindowPlace(booking.serviceId, moved.date, moved.windowStart, window.capacity),
      slot: holdElderSlot(moved),
      oldWindow: giveBackWindowPlace(booking),
      oldSlot: releaseElderSlot(booking),
      staff: booking.staffId ? releaseStaffTime(booking.staffId, booking) : undefined,
    },
  );
  if (!outcome.written && outcome.failed.includes('window')) throw conflict('WINDOW_FULL', '新的时段已经约满了，请换一个时段。');
  if (!outcome.written && outcome.failed.includes('slot')) throw conflict('ALREADY_BOOKED', `${booking.elderName}在这个时段已经约了别的上门服务。`);
  if (changedMeanwhile(outcome)) return rescheduleBooking(session, bookingId, input);
  return getBookingDetail(session, bookingId);
}

/** The centre cannot do it: the place is given back and the reason shown to the elder and family. */
export async function rejectBooking(session: Session, bookingId: string, reason: string): Promise<BookingResponse> {
  const loaded = await loadBookingFor(session, bookingId, 'booking.dispatch');
  const { booking } = loaded;
  if (booking.status === 'rejected') return { booking: await bookingDetail(session, loaded) };
  if (!nextBookingStatus(booking.status, 'reject')) throw transitionRefused(booking, '拒绝');
  const outcome = await changeBooking(
    booking,
    { set: { status: 'rejected', reason } },
    { action: 'booking.rejected', by: await actorOf(session), at: isoNow(), changes: [{ field: 'status', before: booking.status, after: 'rejected' }, { field: 'reason', after: reason }] },
    { window: giveBackWindowPlace(booking), slot: releaseElderSlot(booking) },
  );
  if (changedMeanwhile(outcome)) return rejectBooking(session, bookingId, reason);
  return getBookingDetail(session, bookingId);
}

/** Nobody opened the door: the staff member on the spot or a worker says so; the visit is closed. */
export async function markNoShow(session: Session, bookingId: string): Promise<BookingResponse> {
  const loaded = await loadBookingFor(session, bookingId, 'booking.noShow');
  const { booking } = loaded;
  if (booking.status === 'no_show') return { booking: await bookingDetail(session, loaded) };
  if (!nextBookingStatus(booking.status, 'noShow')) throw transitionRefused(booking, '标记上门未遇');
  if (booking.date > businessDate()) throw conflict('TRANSITION_NOT_ALLOWED', `上门日期是 ${booking.date}，还没到，不能标记上门未遇。`);
  const outcome = await changeBooking(
    booking,
    { set: { status: 'no_show' } },
    { action: 'booking.noShow', by: await actorOf(session), at: isoNow(), changes: [{ field: 'status', before: booking.status, after: 'no_show' }] },
    { staff: restOfWindow(booking) },
  );
  if (changedMeanwhile(outcome)) return markNoShow(session, bookingId);
  return getBookingDetail(session, bookingId);
}
