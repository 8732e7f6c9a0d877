import { addDays } from '@yilin/contract';
import { careSettingsOf, getService, holdElderSlot, holdStaffTime, staffHalfHoursOn, takeWindowPlace, servicesOfCentre } from '../../src/features/care/data';
import { CareService, ElderVisitSlot, type BookingItem } from '../../src/features/care/entities';
import { halfHoursOf } from '../../src/features/care/rules/visit';
import { getElder } from '../../src/features/people/data/elders';
import { addStaffAccount } from '../../src/features/people/data/staff';
import { instantOf } from '../../src/platform/clock';
import { writeTogether } from '../../src/store/transactions';
import type { CallPlan, Cell, RouteSpec } from './matrix-spec';
import { NOW, TODAY, TOMORROW, actors, elderSecrets, otherCounty, randomKey, serviceOf, staffOf } from './world';

/**
 * The authorisation matrix of home and medical services (merged into matrix-spec.ts). Every call that
 * changes a booking gets a booking of its own, written in the state the call needs.
 */

const daysFrom = (first: string, step: 1 | -1) => Array.from({ length: 7 }, (_, i) => addDays(first, i * step));
/** Visits to come (the elder may still cancel them), visits of the past week, and today's (door codes, check-in). */
const LATER = daysFrom(TOMORROW, 1);
const EARLIER = daysFrom(addDays(TODAY, -1), -1);
const ON_THE_DAY = [TODAY];

const HALVES = halfHoursOf('00:00', '23:30');
const endOf = (start: string) => HALVES[HALVES.indexOf(start) + 1] ?? '23:30';

/** The first half hour of `days` in which the elder has no visit starting and none of `staff` is busy. */
async function freeHalfHour(elderId: string, staff: string[], days: string[]) {
  for (const date of days) {
    const { data: slots } = await ElderVisitSlot.query.byElder({ elderId, date }).go({ pages: 'all' });
    const held = await Promise.all(staff.map((staffId) => staffHalfHoursOn(staffId, date)));
    const busy = new Set([...slots.map((slot) => slot.start), ...held.flatMap((halves) => [...halves.keys()])]);
    const start = HALVES.find((half) => !busy.has(half));
    if (start) return { date, windowStart: start, windowEnd: endOf(start) };
  }
  throw new Error(`No free half hour left for ${elderId} on ${days.join(', ')}`);
}

/** The first day to come on which the elder can book the centre's checkup (09:00). */
async function freeCheckupDay(elderId: string): Promise<string> {
  for (const date of LATER) {
    if (!(await ElderVisitSlot.get({ elderId, date, start: '09:00' }).go()).data) return date;
  }
  throw new Error(`No checkup day left for ${elderId}`);
}

/** Who is sent: the matrix's staff member on the `assigned` booking, the centre's other nurse on any other. */
const sentOn = ({ case: caseName, target }: Cell) => (caseName === 'assigned' ? actors.staff : staffOf[target.centreId]);

type Stage = 'requested' | 'confirmed' | 'in_service' | 'completed';

/**
 * A fresh checkup of the target elder as it stands at `stage`, written in one transaction with what it
 * holds then (a place in its window, the elder's slot, the half hours of whoever is sent), as the use cases
 * leave it. It takes a half hour of `days` that neither the elder nor the staff named in `keepFree` has
 * taken, so no cell competes with another.
 */
async function bookingAt(stage: Stage, cell: Cell, days: string[], keepFree: string[] = []): Promise<BookingItem> {
  const staffId = stage === 'requested' ? undefined : sentOn(cell);
  const elder = (await getElder(cell.target.elderId))!;
  const when = await freeHalfHour(elder.elderId, [...(staffId ? [staffId] : []), ...keepFree], days);
  const checkedIn = instantOf(when.date, when.windowStart).toISOString();
  const booking: BookingItem = {
    bookingId: `rel-booking-${randomKey()}`, elderId: elder.elderId, centreId: elder.centreId, communityId: elder.communityId, serviceId: serviceOf(elder.centreId),
    serviceName: '上门健康检查', category: 'medical', skill: 'nursing', ...when, status: stage, elderName: elder.name, elderPhone: elder.phone, address: elder.address,
    note: '', priceFen: 3000, subsidyFen: 0, priceRule: 'standard', priceReason: '标准价', bookedBy: 'reliability', bookedAt: NOW, updatedAt: NOW,
    ...(staffId ? { staffId, doorCode: '2468' } : {}),
    ...(stage === 'in_service' || stage === 'completed' ? { checkInAt: checkedIn, checkInOutsideWindow: false } : {}),
    ...(stage === 'completed' ? { checkOutAt: checkedIn, record: { notes: '血压正常', checklistDone: [], writtenAt: checkedIn, writtenBy: staffId!, writtenByName: '矩阵护士' } } : {}),
  };
  const outcome = await writeTogether({
    window: takeWindowPlace(booking.serviceId, booking.date, booking.windowStart, 1000),
    slot: holdElderSlot(booking),
    staff: staffId ? holdStaffTime(staffId, booking) : undefined,
    booking: ({ Booking: bookings }) => bookings.create(booking).commit(),
  });
  if (!outcome.written) throw new Error(`Could not write the booking: ${outcome.failed.join(',')}`);
  return booking;
}

/** A call on a fresh booking at `stage`; a refusal must not show the elder's phone or address. */
function onBooking(stage: Stage, days: string[], call: (booking: BookingItem) => Promise<Omit<CallPlan, 'secrets'>> | Omit<CallPlan, 'secrets'>) {
  return async (cell: Cell): Promise<CallPlan> => ({ ...(await call(await bookingAt(stage, cell, days))), secrets: await elderSecrets(cell.target.elderId) });
}

const get = (path: string): Omit<CallPlan, 'secrets'> => ({ method: 'GET', path });
const post = (path: string, body?: unknown): Omit<CallPlan, 'secrets'> => ({ method: 'POST', path, body });

/** A service staff member of the centre, written afresh for each cell (an account not yet claimed). */
async function staffMemberIn(centreId: string): Promise<string> {
  const userId = `rel-staff-${randomKey()}`;
  const countyId = centreId === otherCounty.centreId ? otherCounty.countyId : 'demo-county';
  await addStaffAccount(
    { userId, role: 'staff', name: '矩阵服务人员', phone: '13907346655', centreId, countyId, status: 'invited', staffNumber: 'M001', skills: ['nursing'], createdAt: NOW, updatedAt: NOW },
    { userId: 'reliability', name: '测试', role: 'worker' },
  );
  return userId;
}

/** The service the admin-facing cells add, removed after each cell. */
const NEW_SERVICE = '矩阵新服务';

/** The matrix's staff member is on a visit to the own elder (and to no other): what lets them reach the elder's health data. */
export async function staffVisitsOwnElder(cell: Cell): Promise<void> {
  if (cell.case === 'own') await bookingAt('confirmed', { ...cell, case: 'assigned' }, LATER);
}

export const careMatrix: Record<string, RouteSpec> = {
  'care/catalogue': { scope: 'centre', success: [200], plan: async ({ target }) => get(`/centres/${target.centreId}/services`) },
  'care/add-service': {
    scope: 'centre',
    success: [201],
    plan: async ({ target }) => ({
      method: 'POST',
      path: `/centres/${target.centreId}/services`,
      body: {
        category: 'companionship', name: NEW_SERVICE, description: '陪长辈聊天', durationMinutes: 60, priceFen: 2000, skill: 'companion',
        windows: [{ weekday: 2, start: '14:00', end: '15:00', capacity: 2 }], checklist: ['聊天'], active: true, idempotencyKey: randomKey(),
      },
    }),
    cleanup: async ({ target }) => {
      for (const item of await servicesOfCentre(target.centreId)) if (item.name === NEW_SERVICE) await CareService.delete({ centreId: item.centreId, serviceId: item.serviceId }).go();
    },
  },
  'care/update-service': {
    scope: 'centre',
    success: [200],
    // The service as it stands: a permitted call changes nothing the other cells rely on.
    plan: async ({ target }) => {
      const { category, name, description, durationMinutes, priceFen, skill, windows, checklist, active } = (await getService(target.centreId, serviceOf(target.centreId)))!;
      return { method: 'PUT', path: `/centres/${target.centreId}/services/${serviceOf(target.centreId)}`, body: { category, name, description, durationMinutes, priceFen, skill, windows, checklist, active } };
    },
  },
  'care/set-settings': {
    scope: 'centre',
    success: [200],
    plan: async ({ target }) => ({ method: 'PUT', path: `/centres/${target.centreId}/care-settings`, body: await careSettingsOf(target.centreId) }),
  },
  'care/satisfaction': { scope: 'centre', success: [200], plan: async ({ target }) => get(`/centres/${target.centreId}/satisfaction`) },
  'care/centre-bookings': { scope: 'centre', success: [200], plan: async ({ target }) => get(`/centres/${target.centreId}/bookings`) },
  'staff/list': { scope: 'centre', success: [200], plan: async ({ target }) => get(`/centres/${target.centreId}/staff`) },
  'staff/add': {
    scope: 'centre',
    success: [201],
    plan: async ({ target }) => post(`/centres/${target.centreId}/staff`, { name: '矩阵新护士', phone: '13907346677', staffNumber: 'M002', skills: ['nursing'], idempotencyKey: randomKey() }),
  },
  'staff/set-profile': {
    scope: 'staff-member',
    success: [200],
    plan: async ({ target }) => ({ method: 'PUT', path: `/staff/${await staffMemberIn(target.centreId)}/profile`, body: { staffNumber: 'M001', skills: ['nursing'] }, secrets: ['13907346655'] }),
  },
  'staff/photo-upload': {
    scope: 'staff-member',
    success: [201],
    plan: async ({ target }) => ({ ...post(`/staff/${await staffMemberIn(target.centreId)}/photo-uploads`, { contentType: 'image/png' }), secrets: ['13907346655'] }),
  },
  'staff/retire': {
    scope: 'staff-member',
    success: [200],
    plan: async ({ target }) => ({ ...post(`/staff/${await staffMemberIn(target.centreId)}/retire`), secrets: ['13907346655'] }),
  },

  'care/elder-services': { scope: 'elder', success: [200], plan: async ({ target }) => ({ ...get(`/elders/${target.elderId}/services`), secrets: await elderSecrets(target.elderId) }) },
  'care/service-days': {
    scope: 'elder',
    success: [200],
    plan: async ({ target }) => ({ ...get(`/elders/${target.elderId}/services/${serviceOf(target.centreId)}/days`), secrets: await elderSecrets(target.elderId) }),
  },
  'care/book': {
    scope: 'elder',
    success: [201],
    plan: async ({ target }) => ({
      ...post(`/elders/${target.elderId}/bookings`, { serviceId: serviceOf(target.centreId), date: await freeCheckupDay(target.elderId), windowStart: '09:00', address: '学院路 1 号', idempotencyKey: randomKey() }),
      secrets: await elderSecrets(target.elderId),
    }),
  },
  'care/elder-bookings': { scope: 'elder', success: [200], plan: async ({ target }) => ({ ...get(`/elders/${target.elderId}/bookings`), secrets: await elderSecrets(target.elderId) }) },
  'care/health-record': {
    scope: 'health',
    success: [200],
    plan: async (cell) => {
      await staffVisitsOwnElder(cell);
      return { ...get(`/elders/${cell.target.elderId}/health`), secrets: await elderSecrets(cell.target.elderId) };
    },
  },

  'care/get-booking': { scope: 'booking', success: [200], plan: onBooking('confirmed', LATER, ({ bookingId }) => get(`/bookings/${bookingId}`)) },
  'care/cancel': { scope: 'booking', success: [200], plan: onBooking('confirmed', LATER, ({ bookingId }) => post(`/bookings/${bookingId}/cancel`)) },
  'care/door-code': { scope: 'booking', success: [200], plan: onBooking('confirmed', ON_THE_DAY, ({ bookingId }) => get(`/bookings/${bookingId}/door-code`)) },
  'care/rate': { scope: 'booking', success: [200], plan: onBooking('completed', EARLIER, ({ bookingId }) => post(`/bookings/${bookingId}/rating`, { stars: 5, comment: '护士很细心' })) },
  'care/candidates': { scope: 'booking', success: [200], plan: onBooking('requested', LATER, ({ bookingId }) => get(`/bookings/${bookingId}/candidates`)) },
  'care/assign': {
    scope: 'booking',
    success: [200],
    // In `assigned` the matrix's staff member is the one being sent.
    plan: async (cell) => {
      const staffId = sentOn(cell);
      const { bookingId } = await bookingAt('requested', cell, LATER, [staffId]);
      return { ...post(`/bookings/${bookingId}/assign`, { staffId }), secrets: await elderSecrets(cell.target.elderId) };
    },
  },
  'care/reschedule': {
    scope: 'booking',
    success: [200],
    plan: onBooking('confirmed', LATER, async ({ bookingId, elderId }) => post(`/bookings/${bookingId}/reschedule`, { date: await freeCheckupDay(elderId), windowStart: '09:00', reason: '护士那天请假' })),
  },
  'care/reject': { scope: 'booking', success: [200], plan: onBooking('requested', LATER, ({ bookingId }) => post(`/bookings/${bookingId}/reject`, { reason: '那天人手不够' })) },
  'care/no-show': { scope: 'booking', success: [200], plan: onBooking('confirmed', EARLIER, ({ bookingId }) => post(`/bookings/${bookingId}/no-show`)) },
  'care/staff-day': { scope: 'none', success: [200], plan: async () => get('/me/visits') },
  'care/check-in': { scope: 'booking', success: [200], plan: onBooking('confirmed', ON_THE_DAY, ({ bookingId }) => post(`/bookings/${bookingId}/check-in`)) },
  // A visit under way (the day does not matter to the record or the check-out).
  'care/record': {
    scope: 'booking',
    success: [200],
    plan: onBooking('in_service', EARLIER, ({ bookingId }) => ({ method: 'PUT', path: `/bookings/${bookingId}/record`, body: { notes: '血压正常', checklistDone: [], measurements: { systolic: 128, diastolic: 80 } } })),
  },
  'care/check-out': { scope: 'booking', success: [200], plan: onBooking('in_service', EARLIER, ({ bookingId }) => post(`/bookings/${bookingId}/check-out`)) },
};
