import { errorCode, type Api, type ApiResponse } from './api';
import { createUser, createWorld } from './seed';
import { StaffPost } from '../../src/features/people/data/staff';
import { Booking, StaffSlot, WindowUse } from '../../src/features/care/entities';
import { TUESDAY, idempotencyKey, setLocalTime } from './canteen-fixtures';
import { HealthConsent } from '../../src/features/consent/entities';

/**
 * A care world: the usual cast (seed.ts), two staff members of the home centre (a cleaner and a nurse,
 * both signed in), and the centre's catalogue: 全屋保洁 (家政, weekdays 09:00–11:00 for 2, 14:00–16:00 for 1)
 * and 上门测血压血糖 (医疗, weekdays 09:00–10:00 for 3). Dates are the canteen fixtures' (Monday 2026-11-16).
 */
export const cleaningBody = (overrides: Record<string, unknown> = {}) => ({
  category: 'housework',
  name: '全屋保洁',
  description: '客厅、厨房、卫生间、卧室打扫，约两小时',
  durationMinutes: 120,
  priceFen: 10_000,
  skill: 'cleaning',
  windows: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '09:00', end: '11:00', capacity: 2 },
    { weekday, start: '14:00', end: '16:00', capacity: 1 },
  ]),
  checklist: ['客厅', '厨房', '卫生间', '卧室'],
  active: true,
  ...overrides,
});

/** A body that adds a service: its fields and the key that makes a retried submission add it once. */
export const newService = (body: Record<string, unknown>) => ({ ...body, idempotencyKey: idempotencyKey() });

export const checkupBody = (overrides: Record<string, unknown> = {}) => ({
  category: 'medical',
  name: '上门测血压血糖',
  description: '护士上门量血压、测血糖，看看用药',
  durationMinutes: 30,
  priceFen: 3000,
  skill: 'nursing',
  windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '10:00', capacity: 3 })),
  checklist: [],
  active: true,
  ...overrides,
});

export async function createStaff(place: { countyId: string; centreId: string }, name: string, skills: string[], staffNumber: string) {
  const user = await createUser('staff', { name });
  // A staff member belongs to a centre: the session carries it.
  const { User } = await import('../../src/features/people/entities');
  await User.patch({ userId: user.userId }).set({ centreId: place.centreId, countyId: place.countyId, status: 'active' }).go();
  const at = '2026-01-05T02:00:00.000Z';
  await StaffPost.put({ userId: user.userId, countyId: place.countyId, role: 'staff', name, phone: '13907341111', centreId: place.centreId, status: 'active', staffNumber, skills, createdAt: at, updatedAt: at }).go();
  return { ...user, staffNumber };
}

/** The elder's health-data consent, given by the elder herself before the world's visits (measurements need it). */
export async function giveHealthConsent(elderId: string) {
  await HealthConsent.put({ elderId, given: true, changedAt: '2026-11-01T01:00:00.000Z', changedById: elderId, changedByName: '本人', changedByRole: 'elder' }).go();
}

/** The care world's elders have all consented to health data: the tests of the consent itself withdraw it. */
export async function createCareWorld(api: Api) {
  const world = await createWorld();
  await Promise.all([world.elder, world.neighbour, world.elderElsewhere].map(({ elderId }) => giveHealthConsent(elderId)));
  const [cleaner, nurse, otherCleaner] = await Promise.all([
    createStaff(world.home, '张丽', ['cleaning', 'bathing'], 'A012'),
    createStaff(world.home, '李芳', ['nursing'], 'N003'),
    createStaff(world.home, '周红', ['cleaning'], 'A015'),
  ]);
  const worker = api.as(world.worker.userId);
  const cleaning = (await worker.post(`/centres/${world.home.centreId}/services`, newService(cleaningBody()))).body;
  const checkup = (await worker.post(`/centres/${world.home.centreId}/services`, newService(checkupBody()))).body;
  return { ...world, cleaner, nurse, otherCleaner, cleaning, checkup };
}

export const bookingBody = (serviceId: string, date: string, windowStart: string, overrides: Record<string, unknown> = {}) => ({
  serviceId,
  date,
  windowStart,
  address: '学院路 12 号 3 栋 101',
  note: '家里有只猫',
  idempotencyKey: idempotencyKey(),
  ...overrides,
});

export async function storedBooking(bookingId: string) {
  return (await Booking.get({ bookingId }).go()).data;
}

export async function placesTaken(serviceId: string, date: string, start: string) {
  return (await WindowUse.get({ serviceId, date, start }).go()).data?.taken ?? 0;
}

/** Books through the API as `callerId` and insists it was booked; returns the booking view. */
export async function bookVisit(api: Api, callerId: string, elderId: string, serviceId: string, date: string, windowStart: string) {
  const response = await api.as(callerId).post(`/elders/${elderId}/bookings`, bookingBody(serviceId, date, windowStart));
  if (response.status !== 201) throw new Error(`Booking failed: ${response.status} ${response.text}`);
  return response.body.booking;
}

/** A visit the elder's relative booked and the worker assigned to `staffId`: its id. */
export async function assignedVisit(
  api: Api,
  world: Awaited<ReturnType<typeof createCareWorld>>,
  visit: { serviceId: string; staffId: string; elderId?: string; date?: string; start?: string },
): Promise<string> {
  const elderId = visit.elderId ?? world.elder.elderId;
  // The relative is bound to the usual elder only; any other elder books for themselves.
  const caller = elderId === world.elder.elderId ? world.family.userId : elderId;
  const booking = await bookVisit(api, caller, elderId, visit.serviceId, visit.date ?? TUESDAY, visit.start ?? '09:00');
  const assigned = await api.as(world.worker.userId).post(`/bookings/${booking.bookingId}/assign`, { staffId: visit.staffId });
  if (assigned.status !== 200) throw new Error(`Assigning failed: ${assigned.status} ${assigned.text}`);
  return booking.bookingId;
}

/** Checks in and out of an assigned visit on its day (moving the clock into its window): the visit is completed. */
export async function completeVisit(api: Api, bookingId: string, staffId: string, date = TUESDAY, at = '09:05') {
  setLocalTime(date, at);
  const staff = api.as(staffId);
  for (const step of ['check-in', 'check-out']) {
    const response = await staff.post(`/bookings/${bookingId}/${step}`);
    if (response.status !== 200) throw new Error(`${step} failed: ${response.status} ${response.text}`);
  }
}

export async function storedBookingsOfElder(elderId: string) {
  return (await Booking.query.byElder({ elderId }).go({ pages: 'all' })).data;
}

/** The half hours a staff member holds on a day, in order. */
export async function staffHalfHours(staffId: string, date: string) {
  return (await StaffSlot.query.byStaff({ staffId, date }).go({ pages: 'all' })).data.map((slot) => slot.half);
}

export const timelineTexts = (booking: { timeline?: Array<{ text: string }> }) => (booking.timeline ?? []).map((entry) => entry.text);

/** A refusal: its status, its stable code, and a message in Chinese. */
export function expectRefused(response: ApiResponse, status: number, code: string) {
  expect({ status: response.status, code: errorCode(response) }).toEqual({ status, code });
  expect(response.body.error.message).toMatch(/[\u4e00-\u9fff]/);
}
