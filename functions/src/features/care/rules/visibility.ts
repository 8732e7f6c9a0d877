import type { BookingStatus } from '@yilin/contract';
import type { Relation } from '../../../access/policy';
import type { BookingItem } from '../entities';

/**
 * What of a visit and an elder each person may see, beyond whether they reach it at all (the policy
 * decides that): the way into an elder's home goes only to the staff member on the day, readings only to
 * those the health record is for, and a staff member reaches the health record only through a visit of
 * the day.
 */

/** A visit the staff member is still to make or is making. */
const underWay = (status: BookingStatus) => status === 'confirmed' || status === 'in_service';

/** The elder's address, phone and the door code: the assigned staff member sees them on the visit's day, while it is on. */
export const wayInShown = (visit: { date: string; status: BookingStatus }, today: string) => visit.date === today && underWay(visit.status);

/**
 * A staff member reads an elder's health record while on a visit to them today: assigned, under way, or
 * done today (writing up after leaving). A visit on another day, cancelled or missed, gives nothing.
 */
export function onVisitToday(visits: Array<{ staffId?: string; date: string; status: BookingStatus }>, staffId: string, today: string): boolean {
  return visits.some((visit) => visit.staffId === staffId && visit.date === today && (underWay(visit.status) || visit.status === 'completed'));
}

/** Workers and staff reading readings: each look is kept for the elder and family to see. */
export const looksAreKept = (access: Relation) => access === 'community-worker' || access === 'centre-worker' || access === 'assigned-staff';

/** The county supervises visits but does not read health data. */
export const readsMeasurements = (access: Relation) => access !== 'county-admin';

/**
 * A booking as `access` may see it: the county without readings; the assigned staff member without the
 * elder's address and phone except on the visit's day while it is on.
 */
export function shownTo(access: Relation, booking: BookingItem, today: string): BookingItem {
  if (!readsMeasurements(access) && booking.record?.measurements) return { ...booking, record: { ...booking.record, measurements: undefined } };
  if (access === 'assigned-staff' && !wayInShown(booking, today)) return { ...booking, address: '', elderPhone: '' };
  return booking;
}

/** A booking in a list (an elder's bookings, the dispatch queue, a staff member's day): never with readings. */
export function listed(access: Relation, booking: BookingItem, today: string): BookingItem {
  const shown = shownTo(access, booking, today);
  return shown.record?.measurements ? { ...shown, record: { ...shown.record, measurements: undefined } } : shown;
}
