import { randomInt } from 'node:crypto';
import type { BookingStatus } from '@yilin/contract';

/**
 * A booked visit's life, as one table: each event a person causes, the states it may happen in, and the
 * state it leads to. Anything else is refused (409), never half-done.
 *
 *   requested ──assign──▶ confirmed ──checkIn──▶ in_service ──checkOut──▶ completed
 *       │  ▲                 │  │
 *       │  └──reschedule─────┘  └──noShow──▶ no_show
 *       │  ▲                       (release: the staff member left the centre)
 *       ├──reject──▶ rejected
 *       └──cancel (also from confirmed)──▶ cancelled
 */
export const bookingEvents = {
  assign: { from: ['requested'], to: 'confirmed' },
  // A new day or window goes back to the queue: whoever was assigned may not be free then.
  reschedule: { from: ['requested', 'confirmed'], to: 'requested' },
  reject: { from: ['requested'], to: 'rejected' },
  cancel: { from: ['requested', 'confirmed'], to: 'cancelled' },
  checkIn: { from: ['confirmed'], to: 'in_service' },
  checkOut: { from: ['in_service'], to: 'completed' },
  noShow: { from: ['confirmed'], to: 'no_show' },
  // The assigned staff member left the centre (retired or moved): the visit waits for dispatch again.
  release: { from: ['confirmed'], to: 'requested' },
} as const satisfies Record<string, { from: readonly BookingStatus[]; to: BookingStatus }>;

export type BookingEvent = keyof typeof bookingEvents;

/** The state after `event`, or undefined when the event may not happen in `status`. */
export function nextBookingStatus(status: BookingStatus, event: BookingEvent): BookingStatus | undefined {
  const rule = bookingEvents[event];
  return (rule.from as readonly BookingStatus[]).includes(status) ? rule.to : undefined;
}

/** Bookings that hold a place in their window and, once assigned, their staff member's time. */
export const holdsPlace = (status: BookingStatus) => status === 'requested' || status === 'confirmed' || status === 'in_service';

/** The record may be written while the staff member is there. */
export const recordOpen = (status: BookingStatus) => status === 'in_service';

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The half hours a window covers (`09:00`–`10:30` → 09:00, 09:30, 10:00): a staff member holds each one,
 * so two visits that overlap by even half an hour share one and cannot both be theirs.
 */
export function halfHoursOf(start: string, end: string): string[] {
  const halves: string[] = [];
  for (let minute = minutesOf(start); minute < minutesOf(end); minute += 30) halves.push(timeOf(minute));
  return halves;
}

/**
 * The half hours of a window still to come at `time` (HH:mm) on the visit's day: what a staff member gets
 * back when the visit ends early (checked out, or nobody at the door), so they can be sent elsewhere.
 */
export const halfHoursAfter = (start: string, end: string, time: string) => halfHoursOf(start, end).filter((half) => half > time);

/**
 * The elder or family may cancel until `hoursBefore` hours before the window starts; after that the
 * centre may already have sent someone, so a worker cancels.
 */
export function elderMayCancel(windowStartsAt: Date, hoursBefore: number, now: Date): boolean {
  return now.getTime() < windowStartsAt.getTime() - hoursBefore * 3_600_000;
}

/** A check-in before the window starts or after it ends is kept, and flagged for the centre and the family. */
export const outsideWindow = (at: Date, startsAt: Date, endsAt: Date) => at.getTime() < startsAt.getTime() || at.getTime() > endsAt.getTime();

/** A fresh 4-digit door code per assignment: what the visitor says at the door, and the elder sees on the day. */
export const newDoorCode = () => String(randomInt(0, 10_000)).padStart(4, '0');
