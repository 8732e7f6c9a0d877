import { ulid } from 'ulid';
import {
  addDays,
  bookingStatusNames,
  SATISFIED_STARS,
  weekdayNameOf,
  weekdayOf,
  type BookingInput,
  type BookingResponse,
  type DoorCodeResponse,
  type ElderBookingsResponse,
  type ElderServicesResponse,
  type RatingInput,
  type ServiceDaysResponse,
  type WindowOffer,
} from '@yilin/contract';
import { getStaffPost } from '../people/data/staff';
import { businessDate, clock, epochSeconds, instantOf, isoNow } from '../../platform/clock';
import { badRequest, conflict } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import type { AuditEventItem } from '../../store/audit';
import { callerKeySpace, earlierResult, fingerprintOf, type IdempotencyClaim } from '../../store/idempotency';
import { actorOf } from '../people/actors';
import { assertOnRegister, loadElderFor } from '../people/elders';
import type { ElderItem } from '../people/entities';
import { centreName, communityName } from '../people/places';
import { elderSummaryView } from '../people/views';
import { bookingDetail, cancellableBy, changedMeanwhile, loadBookingFor, mayCancel, transitionRefused } from './booking-access';
import { listed } from './rules/visibility';
import { serviceNotFound } from './catalogue';
import {
  bookingSubject,
  bookingsOfElder,
  cancellationParts,
  careSettingsOf,
  changeBooking,
  countRating,
  getBooking,
  getService,
  placeBooking,
  servicesOfCentre,
  windowUsesOf,
} from './data';
import type { BookingItem, CareServiceItem } from './entities';
import { defaultCareSubsidies, servicePriceFor } from './rules/pricing';
import { holdsPlace, nextBookingStatus } from './rules/visit';
import { bookingView, serviceView, visitorView } from './views';

/** Booking a visit for an elder (the elder, a relative, or a worker on the phone), cancelling it, rating it. */

/** How far ahead a visit can be booked. */
export const BOOKING_DAYS = 14;

function priceOf(elder: ElderItem, service: CareServiceItem, date: string, subsidies: Awaited<ReturnType<typeof careSettingsOf>>['subsidies']) {
  return servicePriceFor({
    birthDate: elder.birthDate,
    verifiedCategory: elder.subsidyCategoryVerified ?? null,
    visitDate: date,
    standardPriceFen: service.priceFen,
    // A category added after the centre saved its subsidies has the default ones.
    subsidies: subsidies[service.category] ?? defaultCareSubsidies[service.category],
  });
}

export async function elderServices(session: Session, elderId: string): Promise<ElderServicesResponse> {
  const { elder, binding } = await loadElderFor(session, elderId, 'elder.book');
  const [items, settings, centre, community] = await Promise.all([
    servicesOfCentre(elder.centreId),
    careSettingsOf(elder.centreId),
    centreName(elder.centreId),
    communityName(elder.communityId),
  ]);
  const today = businessDate();
  return {
    elder: elderSummaryView(elder, community, binding?.relation),
    centreName: centre,
    services: items
      .filter((item) => item.active)
      .map((item) => ({ service: serviceView(item), price: priceOf(elder, item, today, settings.subsidies) }))
      .sort((a, b) => a.service.category.localeCompare(b.service.category) || a.service.name.localeCompare(b.service.name, 'zh')),
    cancelHoursBefore: settings.cancelHoursBefore,
  };
}

async function bookableService(elder: ElderItem, serviceId: string): Promise<CareServiceItem> {
  const service = await getService(elder.centreId, serviceId);
  if (!service) throw serviceNotFound();
  if (!service.active) throw conflict('SERVICE_CLOSED', `“${service.name}”暂停预约了，请选别的服务或问问社区。`);
  return service;
}

/** The next two weeks of a service's windows, each with its places left and, when closed, why. */
export async function serviceDays(session: Session, elderId: string, serviceId: string): Promise<ServiceDaysResponse> {
  const { elder, binding } = await loadElderFor(session, elderId, 'elder.book');
  const today = businessDate();
  const until = addDays(today, BOOKING_DAYS - 1);
  const service = await bookableService(elder, serviceId);
  const [uses, booked, settings, community] = await Promise.all([
    windowUsesOf(serviceId, today, until),
    bookingsOfElder(elderId, today, until),
    careSettingsOf(elder.centreId),
    communityName(elder.communityId),
  ]);
  const taken = new Set(booked.filter((booking) => holdsPlace(booking.status)).map((booking) => `${booking.date} ${booking.windowStart}`));
  const now = clock.now();
  const days: ServiceDaysResponse['days'] = [];
  for (let offset = 0; offset < BOOKING_DAYS; offset++) {
    const date = addDays(today, offset);
    const windows: WindowOffer[] = service.windows
      .filter((window) => window.weekday === weekdayOf(date))
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((window) => {
        const placesLeft = Math.max(0, window.capacity - (uses.get(`${date} ${window.start}`) ?? 0));
        const closedReason = taken.has(`${date} ${window.start}`)
          ? '这个时段已经约过了'
          : instantOf(date, window.start) <= now
            ? '已过时间'
            : placesLeft === 0
              ? '已约满'
              : undefined;
        return { start: window.start, end: window.end, placesLeft, bookable: !closedReason, ...(closedReason ? { closedReason } : {}) };
      });
    if (windows.length) days.push({ date, weekdayName: weekdayNameOf(date), windows });
  }
  return {
    elder: elderSummaryView(elder, community, binding?.relation),
    service: serviceView(service),
    price: priceOf(elder, service, today, settings.subsidies),
    address: elder.address,
    cancelHoursBefore: settings.cancelHoursBefore,
    days,
  };
}

const claimOf = (session: Session, elderId: string, input: BookingInput): IdempotencyClaim => ({
  scope: callerKeySpace(session.userId),
  key: input.idempotencyKey,
  fingerprint: fingerprintOf(['care.book', elderId, input.serviceId, input.date, input.windowStart, input.address, input.note ?? '']),
});

async function replay(session: Session, bookingId: string): Promise<BookingResponse> {
  const booking = await getBooking(bookingId);
  if (!booking) throw new Error('Idempotency record points at a missing booking');
  return { booking: await bookingDetail(session, await loadBookingFor(session, bookingId, 'booking.read', booking)), replayed: true };
}

/** Books a window: a place is taken from its capacity in the same transaction, so it is never overbooked. */
export async function book(session: Session, elderId: string, input: BookingInput): Promise<BookingResponse> {
  const { elder, binding, access } = await loadElderFor(session, elderId, 'elder.book');
  const claim = claimOf(session, elderId, input);
  const earlier = await earlierResult(claim);
  if (earlier) return replay(session, earlier);
  assertOnRegister(elder);
  const service = await bookableService(elder, input.serviceId);
  const window = service.windows.find((candidate) => candidate.weekday === weekdayOf(input.date) && candidate.start === input.windowStart);
  if (!window) throw badRequest('WINDOW_NOT_FOUND', `“${service.name}”在${weekdayNameOf(input.date)} ${input.windowStart} 没有可约的时段，请重新选择。`, { field: 'windowStart' });
  const today = businessDate();
  if (instantOf(input.date, window.start) <= clock.now()) throw conflict('WINDOW_PAST', '这个时段已经过了，请选一个以后的时段。');
  if (input.date > addDays(today, BOOKING_DAYS - 1)) throw badRequest('INVALID_INPUT', `只能预约 ${BOOKING_DAYS} 天以内的上门服务`, { field: 'date' });
  const settings = await careSettingsOf(elder.centreId);
  const price = priceOf(elder, service, input.date, settings.subsidies);
  const by = await actorOf(session, binding?.relation);
  const now = isoNow();
  const booking: BookingItem = {
    bookingId: ulid(),
    elderId,
    centreId: elder.centreId,
    communityId: elder.communityId,
    serviceId: service.serviceId,
    serviceName: service.name,
    category: service.category,
    skill: service.skill,
    date: input.date,
    windowStart: window.start,
    windowEnd: window.end,
    status: 'requested',
    elderName: elder.name,
    elderPhone: elder.phone,
    address: input.address,
    note: input.note ?? '',
    priceFen: price.priceFen,
    subsidyFen: price.subsidyFen,
    priceRule: price.rule,
    priceReason: price.reason,
    bookedBy: session.userId,
    bookedAt: now,
    updatedAt: now,
  };
  const event = { action: 'booking.requested', by, at: now, changes: [{ field: 'status', after: 'requested' }] };
  const outcome = await placeBooking(booking, window.capacity, claim, epochSeconds(clock.now()), event);
  if (!outcome.written) {
    if (outcome.failed.includes('request')) return replay(session, (await earlierResult(claim))!);
    if (outcome.failed.includes('slot')) throw conflict('ALREADY_BOOKED', `${elder.name}在${input.date} ${window.start} 已经约了上门服务，不能再约同一时段。`);
    throw conflict('WINDOW_FULL', '这个时段刚刚约满了，请换一个时段。');
  }
  // The answer from what was written: the booking and its first event.
  const placed: AuditEventItem = { subject: bookingSubject(booking.bookingId), eventId: '', concerns: elderId, action: event.action, actorId: by.userId, actorName: by.name, actorRole: by.role, at: now, changes: event.changes };
  return { booking: bookingView(booking, { events: [placed], cancellable: mayCancel(access, booking, settings.cancelHoursBefore), today }) };
}

export async function elderBookings(session: Session, elderId: string): Promise<ElderBookingsResponse> {
  const { elder, binding, access } = await loadElderFor(session, elderId);
  const today = businessDate();
  const [items, community, settings] = await Promise.all([
    bookingsOfElder(elderId, addDays(today, -90), addDays(today, BOOKING_DAYS)),
    communityName(elder.communityId),
    careSettingsOf(elder.centreId),
  ]);
  const newestFirst = items.reverse();
  return {
    elder: elderSummaryView(elder, community, binding?.relation),
    bookings: newestFirst.map((booking) => bookingView(listed(access, booking, today), { cancellable: mayCancel(access, booking, settings.cancelHoursBefore), today })),
  };
}

export async function getBookingDetail(session: Session, bookingId: string): Promise<BookingResponse> {
  return { booking: await bookingDetail(session, await loadBookingFor(session, bookingId, 'booking.read')) };
}

/** Cancelling gives the window's place back, and the staff member's time; a retried cancel is answered as done. */
export async function cancelBooking(session: Session, bookingId: string): Promise<BookingResponse> {
  const loaded = await loadBookingFor(session, bookingId, 'booking.cancel');
  const { booking, access, binding } = loaded;
  if (booking.status === 'cancelled') return { booking: await bookingDetail(session, loaded) };
  if (!nextBookingStatus(booking.status, 'cancel')) throw transitionRefused(booking, '取消');
  if (!(await cancellableBy(access, booking))) {
    const { cancelHoursBefore } = await careSettingsOf(booking.centreId);
    throw conflict('CANCEL_TOO_LATE', `离上门不到 ${cancelHoursBefore} 小时了，服务人员可能已经出发。要取消请打电话给社区。`);
  }
  const by = await actorOf(session, binding?.relation);
  const outcome = await changeBooking(
    booking,
    { set: { status: 'cancelled' } },
    { action: 'booking.cancelled', by, at: isoNow(), changes: [{ field: 'status', before: booking.status, after: 'cancelled' }] },
    cancellationParts(booking),
  );
  // Someone changed it at the same moment: decide again on what is stored now.
  if (changedMeanwhile(outcome)) return cancelBooking(session, bookingId);
  return getBookingDetail(session, bookingId);
}

/** A completed visit is rated once, by the elder or a relative; the same rating sent again is answered as done. */
export async function rateBooking(session: Session, bookingId: string, input: RatingInput): Promise<BookingResponse> {
  const loaded = await loadBookingFor(session, bookingId, 'booking.rate');
  const { booking, binding } = loaded;
  if (booking.rating) {
    if (booking.rating.byId === session.userId && booking.rating.stars === input.stars && booking.rating.comment === input.comment) return { booking: await bookingDetail(session, loaded) };
    throw conflict('ALREADY_RATED', `这次服务已经评价过了（${booking.rating.stars} 星），不能再评。`);
  }
  if (booking.status !== 'completed') throw conflict('NOT_COMPLETED', '服务完成后才能评价。');
  const by = await actorOf(session, binding?.relation);
  const at = isoNow();
  const outcome = await changeBooking(
    booking,
    { set: { rating: { stars: input.stars, comment: input.comment, at, byId: by.userId, byName: by.name } } },
    { action: 'booking.rated', by, at, changes: [{ field: 'stars', after: String(input.stars) }, { field: 'comment', after: input.comment }] },
    { count: countRating(booking.centreId, input.stars >= SATISFIED_STARS) },
  );
  if (changedMeanwhile(outcome)) return rateBooking(session, bookingId, input);
  return getBookingDetail(session, bookingId);
}

/**
 * The 4-digit code the visitor says at the door, with their photo: for the elder, family and the assigned
 * staff member, on the visit's day only (a code seen days before could be passed on).
 */
export async function doorCode(session: Session, bookingId: string): Promise<DoorCodeResponse> {
  const { booking } = await loadBookingFor(session, bookingId, 'booking.doorCode');
  if (booking.date !== businessDate()) throw conflict('DOOR_CODE_NOT_TODAY', `开门暗号只在上门当天（${booking.date}）显示，请那天再看。`);
  const post = booking.staffId ? await getStaffPost(booking.staffId) : undefined;
  if (!post || !booking.doorCode || (booking.status !== 'confirmed' && booking.status !== 'in_service')) {
    throw conflict('TRANSITION_NOT_ALLOWED', `这次预约现在是“${bookingStatusNames[booking.status]}”，没有要开门的上门人员。`);
  }
  return { code: booking.doorCode, date: booking.date, windowStart: booking.windowStart, windowEnd: booking.windowEnd, visitor: await visitorView(post) };
}
