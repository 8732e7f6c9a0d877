import { bookingStatusNames, type BookingView } from '@yilin/contract';
import { may, relationTo, type Action, type Relation } from '../../access/policy';
import { businessDate, businessTime, clock, instantOf, isoNow } from '../../platform/clock';
import { conflict, notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { writeAudit, subjectOf } from '../../store/audit';
import { actorOf } from '../people/actors';
import { getBinding } from '../people/data/bindings';
import { getStaffPost } from '../people/data/staff';
import type { BindingItem } from '../people/entities';
import { centreInfo } from '../people/places';
import { bookingTimeline, careSettingsOf, getBooking, releaseStaffTime } from './data';
import type { Part } from '../../store/transactions';
import type { BookingItem } from './entities';
import { elderMayCancel, halfHoursAfter, nextBookingStatus } from './rules/visit';
import { bookingView, visitorView } from './views';
import { looksAreKept, shownTo } from './rules/visibility';
import { logger } from '../../platform/logger';

/**
 * One booked visit as each person may see it: who may reach it (the policy decides, from the caller's
 * relation to its elder, centre and assigned staff member), and the view with its visitor and timeline.
 */

export const bookingNotFound = () => notFound('BOOKING_NOT_FOUND', '没有找到这次预约。');

/** An event the booking's state does not allow (the state machine of rules/visit.ts): 409, in words. */
export const transitionRefused = (booking: BookingItem, doing: string) =>
  conflict('TRANSITION_NOT_ALLOWED', `这次预约现在是“${bookingStatusNames[booking.status]}”，不能${doing}。请刷新看看最新情况。`);

export interface BookingAccess {
  booking: BookingItem;
  access: Relation;
  binding?: BindingItem;
}

/** A booking the caller may do `action` on; anyone else is told it does not exist. */
export async function loadBookingFor(session: Session, bookingId: string, action: Action, loaded?: BookingItem): Promise<BookingAccess> {
  const item = loaded ?? (await getBooking(bookingId));
  if (!item) throw bookingNotFound();
  const [binding, centre] = await Promise.all([
    session.role === 'family' ? getBinding(item.elderId, session.userId) : undefined,
    session.role === 'admin' ? centreInfo(item.centreId) : undefined,
  ]);
  const subject = { elderId: item.elderId, communityId: item.communityId, centreId: item.centreId, countyId: centre?.countyId, staffId: item.staffId };
  const access = relationTo(session, subject, binding !== undefined);
  if (!may(action, access)) throw bookingNotFound();
  return { booking: item, access, binding };
}

/** The elder or family cancel until the centre's cutoff; the centre's workers at any time. */
export function mayCancel(access: Relation, booking: BookingItem, cancelHoursBefore: number): boolean {
  if (!nextBookingStatus(booking.status, 'cancel') || !may('booking.cancel', access)) return false;
  if (access !== 'self' && access !== 'family') return true;
  return elderMayCancel(instantOf(booking.date, booking.windowStart), cancelHoursBefore, clock.now());
}

export async function cancellableBy(access: Relation, booking: BookingItem): Promise<boolean> {
  const elderSide = access === 'self' || access === 'family';
  return mayCancel(access, booking, elderSide ? (await careSettingsOf(booking.centreId)).cancelHoursBefore : 0);
}

/** Health data on a booking is read by a worker or staff member: the elder and family see that they looked. */
export async function noteHealthRead(session: Session, elderId: string, what: string): Promise<void> {
  await writeAudit({ subject: subjectOf('health', elderId), concerns: elderId, action: 'health.read', by: await actorOf(session), at: isoNow(), changes: [{ field: 'read', after: what }] });
}

/** The booking as `access` sees it, with who comes and its timeline; the county sees no measurements. */
export async function bookingDetail(session: Session, { booking, access }: BookingAccess): Promise<BookingView> {
  const [post, events, cancellable] = await Promise.all([
    booking.staffId ? getStaffPost(booking.staffId) : undefined,
    bookingTimeline(booking.bookingId),
    cancellableBy(access, booking),
  ]);
  const measured = !!booking.record?.measurements;
  if (measured && looksAreKept(access)) await noteHealthRead(session, booking.elderId, `上门记录 ${booking.serviceName} ${booking.date}`);
  const today = businessDate();
  return bookingView(shownTo(access, booking, today), { visitor: post ? await visitorView(post) : undefined, events, cancellable, today });
}

/**
 * A change refused because someone changed the booking first is decided again on what is stored now; any
 * other refused part is a fault (the caller names the parts it expects to fail and handles them first).
 */
export function changedMeanwhile(outcome: { written: true } | { written: false; failed: string[] }): boolean {
  if (outcome.written) return false;
  if (outcome.failed.includes('booking')) return true;
  // A place, slot or lock not as the booking says: logged for the team, and the person asked to look again.
  logger.error('booking change refused by a part', { failed: outcome.failed });
  throw conflict('BOOKING_CHANGED', '这次预约刚刚有变动，请刷新后再试。');
}

/**
 * A visit that ends early (checked out, nobody at the door) gives its staff member back the half hours of
 * the window still to come today, so a worker can send them elsewhere.
 */
export function restOfWindow(booking: BookingItem): Part[] | undefined {
  if (!booking.staffId || booking.date !== businessDate()) return undefined;
  // The first half hour stays held, so the visit stays on the staff member's day.
  const halves = halfHoursAfter(booking.windowStart, booking.windowEnd, businessTime()).filter((half) => half !== booking.windowStart);
  return halves.length ? releaseStaffTime(booking.staffId, booking, halves) : undefined;
}
