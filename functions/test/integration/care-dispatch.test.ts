import { addDays } from '@yilin/contract';
import { useApi } from '../support/api';
import { MONDAY, TUESDAY, setLocalTime } from '../support/canteen-fixtures';
import { assignedVisit, bookVisit, cleaningBody, newService, createCareWorld, createStaff, expectRefused, placesTaken, staffHalfHours, storedBooking, timelineTexts } from '../support/care-fixtures';

/**
 * Dispatch (派单): a worker assigns a staff member with the service's skill who holds none of the window's
 * half hours, moves a visit to another window (it waits for dispatch again) or refuses it; each gives back
 * or takes exactly the places and half hours it should.
 */
const api = useApi();
const WEDNESDAY = addDays(MONDAY, 2);

beforeEach(() => setLocalTime(MONDAY, '08:00'));


/** 助浴, weekdays 10:30–12:00: overlaps the cleaning's 09:00–11:00 by its last half hour. */
async function addBathing(workerId: string, centreId: string) {
  const windows = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '10:30', end: '12:00', capacity: 2 }));
  const added = await api.as(workerId).post(`/centres/${centreId}/services`, newService(cleaningBody({ name: '上门助浴', skill: 'bathing', windows, checklist: [] })));
  expect(added.status).toBe(201);
  return added.body;
}

describe('assigning a staff member', () => {
  test('one without the service’s skill is refused STAFF_LACKS_SKILL and nothing is held', async () => {
    const world = await createCareWorld(api);
    const booking = await bookVisit(api, world.family.userId, world.elder.elderId, world.cleaning.serviceId, TUESDAY, '09:00');
    expectRefused(await api.as(world.worker.userId).post(`/bookings/${booking.bookingId}/assign`, { staffId: world.nurse.userId }), 409, 'STAFF_LACKS_SKILL');
    expect(await storedBooking(booking.bookingId)).toMatchObject({ status: 'requested' });
    expect((await storedBooking(booking.bookingId))?.staffId).toBeUndefined();
    expect(await staffHalfHours(world.nurse.userId, TUESDAY)).toEqual([]);
  });

  test('one holding a visit that overlaps by half an hour is refused STAFF_BUSY, and shown busy among the candidates', async () => {
    const world = await createCareWorld(api);
    const bathing = await addBathing(world.worker.userId, world.home.centreId);
    await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    const second = await bookVisit(api, world.neighbour.elderId, world.neighbour.elderId, bathing.serviceId, TUESDAY, '10:30');
    const worker = api.as(world.worker.userId);

    const candidates = (await worker.get(`/bookings/${second.bookingId}/candidates`)).body.candidates;
    expect(candidates.find((candidate: { name: string }) => candidate.name === '张丽')).toMatchObject({ free: false, busyReason: '10:30 已有别的上门' });
    expectRefused(await worker.post(`/bookings/${second.bookingId}/assign`, { staffId: world.cleaner.userId }), 409, 'STAFF_BUSY');
    expect(await storedBooking(second.bookingId)).toMatchObject({ status: 'requested' });
    expect(await staffHalfHours(world.cleaner.userId, TUESDAY)).toEqual(['09:00', '09:30', '10:00', '10:30']);
  });

  test('a staff member of another centre, or no one at all, is STAFF_NOT_FOUND', async () => {
    const world = await createCareWorld(api);
    const elsewhere = await createStaff(world.other, '吴敏', ['cleaning'], 'B001');
    const booking = await bookVisit(api, world.family.userId, world.elder.elderId, world.cleaning.serviceId, TUESDAY, '09:00');
    const worker = api.as(world.worker.userId);
    expectRefused(await worker.post(`/bookings/${booking.bookingId}/assign`, { staffId: elsewhere.userId }), 404, 'STAFF_NOT_FOUND');
    expectRefused(await worker.post(`/bookings/${booking.bookingId}/assign`, { staffId: world.worker.userId }), 404, 'STAFF_NOT_FOUND');
    expect(await storedBooking(booking.bookingId)).toMatchObject({ status: 'requested' });
    expect(await staffHalfHours(elsewhere.userId, TUESDAY)).toEqual([]);
  });

  test('assigning the same person again is answered as done: same door code, one assignment on the timeline', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    const { doorCode } = (await storedBooking(bookingId))!;
    const again = await api.as(world.worker.userId).post(`/bookings/${bookingId}/assign`, { staffId: world.cleaner.userId });
    expect(again.status).toBe(200);
    expect(again.body.booking).toMatchObject({ status: 'confirmed', visitor: { name: '张丽' } });
    expect((await storedBooking(bookingId))?.doorCode).toBe(doorCode);
    expect(timelineTexts(again.body.booking)).toEqual(['提交预约', '安排 张丽（工号 A012） 上门']);
  });

  test('assigning someone else to a confirmed visit is TRANSITION_NOT_ALLOWED', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    expectRefused(await api.as(world.worker.userId).post(`/bookings/${bookingId}/assign`, { staffId: world.otherCleaner.userId }), 409, 'TRANSITION_NOT_ALLOWED');
    expect(await storedBooking(bookingId)).toMatchObject({ staffId: world.cleaner.userId });
    expect(await staffHalfHours(world.otherCleaner.userId, TUESDAY)).toEqual([]);
  });

  test('a worker cancelling an assigned visit frees the staff member’s half hours for another visit', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    await api.as(world.worker.userId).post(`/bookings/${bookingId}/cancel`);
    expect(await staffHalfHours(world.cleaner.userId, TUESDAY)).toEqual([]);
    const next = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId, elderId: world.neighbour.elderId });
    expect(await storedBooking(next)).toMatchObject({ status: 'confirmed', staffId: world.cleaner.userId });
  });
});

describe('moving and refusing a visit', () => {
  test('rescheduling moves the place, releases the staff member and waits for dispatch again, with the reason', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    const moved = await api.as(world.worker.userId).post(`/bookings/${bookingId}/reschedule`, { date: WEDNESDAY, windowStart: '14:00', reason: '张丽周二请假' });
    expect(moved.status).toBe(200);
    expect(moved.body.booking).toMatchObject({ status: 'requested', date: WEDNESDAY, windowStart: '14:00', windowEnd: '16:00', reason: '张丽周二请假' });
    expect(moved.body.booking.visitor).toBeUndefined();
    expect(timelineTexts(moved.body.booking).at(-1)).toBe(`改到 ${WEDNESDAY} 14:00，原因：张丽周二请假`);
    expect(await placesTaken(world.cleaning.serviceId, TUESDAY, '09:00')).toBe(0);
    expect(await placesTaken(world.cleaning.serviceId, WEDNESDAY, '14:00')).toBe(1);
    expect(await staffHalfHours(world.cleaner.userId, TUESDAY)).toEqual([]);
    expect((await storedBooking(bookingId))?.doorCode).toBeUndefined();
    // The elder's old morning is free again.
    await bookVisit(api, world.family.userId, world.elder.elderId, world.checkup.serviceId, TUESDAY, '09:00');
  });

  test('rescheduling into a full window is WINDOW_FULL and leaves the visit where it was', async () => {
    const world = await createCareWorld(api);
    await bookVisit(api, world.neighbour.elderId, world.neighbour.elderId, world.cleaning.serviceId, WEDNESDAY, '14:00');
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    const refused = await api.as(world.worker.userId).post(`/bookings/${bookingId}/reschedule`, { date: WEDNESDAY, windowStart: '14:00', reason: '改到下午' });
    expectRefused(refused, 409, 'WINDOW_FULL');
    expect(await storedBooking(bookingId)).toMatchObject({ status: 'confirmed', date: TUESDAY, windowStart: '09:00', staffId: world.cleaner.userId });
    expect(await placesTaken(world.cleaning.serviceId, TUESDAY, '09:00')).toBe(1);
    expect(await placesTaken(world.cleaning.serviceId, WEDNESDAY, '14:00')).toBe(1);
    expect(await staffHalfHours(world.cleaner.userId, TUESDAY)).toHaveLength(4);
  });

  test('a visit cannot be moved beyond the two weeks that can be booked, where no list would show it', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    const far = addDays(MONDAY, 14);
    expectRefused(await api.as(world.worker.userId).post(`/bookings/${bookingId}/reschedule`, { date: far, windowStart: '09:00', reason: '推迟' }), 400, 'INVALID_INPUT');
    expect(await storedBooking(bookingId)).toMatchObject({ status: 'confirmed', date: TUESDAY });
    expect(await placesTaken(world.cleaning.serviceId, far, '09:00')).toBe(0);
  });

  test('rejecting gives the place back, with the reason the family sees', async () => {
    const world = await createCareWorld(api);
    const booking = await bookVisit(api, world.family.userId, world.elder.elderId, world.cleaning.serviceId, TUESDAY, '14:00');
    const rejected = await api.as(world.worker.userId).post(`/bookings/${booking.bookingId}/reject`, { reason: '这周人手不够' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.booking).toMatchObject({ status: 'rejected', statusName: '未能安排', reason: '这周人手不够' });
    expect(await placesTaken(world.cleaning.serviceId, TUESDAY, '14:00')).toBe(0);
    const seen = (await api.as(world.family.userId).get(`/bookings/${booking.bookingId}`)).body.booking;
    expect(timelineTexts(seen).at(-1)).toBe('未能安排，原因：这周人手不够');
  });

  test('a confirmed visit cannot be rejected, nor a cancelled one assigned or moved: TRANSITION_NOT_ALLOWED', async () => {
    const world = await createCareWorld(api);
    const worker = api.as(world.worker.userId);
    const confirmed = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    expectRefused(await worker.post(`/bookings/${confirmed}/reject`, { reason: '人手不够' }), 409, 'TRANSITION_NOT_ALLOWED');
    const cancelled = await bookVisit(api, world.neighbour.elderId, world.neighbour.elderId, world.cleaning.serviceId, TUESDAY, '14:00');
    await api.as(world.neighbour.elderId).post(`/bookings/${cancelled.bookingId}/cancel`);
    expectRefused(await worker.post(`/bookings/${cancelled.bookingId}/assign`, { staffId: world.otherCleaner.userId }), 409, 'TRANSITION_NOT_ALLOWED');
    expectRefused(await worker.post(`/bookings/${cancelled.bookingId}/reschedule`, { date: WEDNESDAY, windowStart: '09:00', reason: '改期' }), 409, 'TRANSITION_NOT_ALLOWED');
    expect(await storedBooking(confirmed)).toMatchObject({ status: 'confirmed' });
    expect(await storedBooking(cancelled.bookingId)).toMatchObject({ status: 'cancelled' });
    expect(await placesTaken(world.cleaning.serviceId, WEDNESDAY, '09:00')).toBe(0);
    expect(await staffHalfHours(world.otherCleaner.userId, TUESDAY)).toEqual([]);
  });

  test('a worker of another centre cannot dispatch the visit: it is not found for them', async () => {
    const world = await createCareWorld(api);
    const booking = await bookVisit(api, world.family.userId, world.elder.elderId, world.cleaning.serviceId, TUESDAY, '09:00');
    const stranger = api.as(world.otherWorker.userId);
    expectRefused(await stranger.post(`/bookings/${booking.bookingId}/assign`, { staffId: world.cleaner.userId }), 404, 'BOOKING_NOT_FOUND');
    expectRefused(await stranger.post(`/bookings/${booking.bookingId}/reject`, { reason: '不做' }), 404, 'BOOKING_NOT_FOUND');
    expect(await storedBooking(booking.bookingId)).toMatchObject({ status: 'requested' });
  });
});

describe('a visit that ends early gives the staff member back the rest of its window', () => {
  test('checked out at 09:35 from 09:00–11:00: 10:00 on is free again and another visit can be assigned then', async () => {
    const world = await createCareWorld(api);
    const early = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    setLocalTime(TUESDAY, '09:05');
    const cleaner = api.as(world.cleaner.userId);
    await cleaner.post(`/bookings/${early}/check-in`);
    setLocalTime(TUESDAY, '09:35');
    await cleaner.post(`/bookings/${early}/check-out`);
    expect(await staffHalfHours(world.cleaner.userId, TUESDAY)).toEqual(['09:00', '09:30']);

    const later = await api.as(world.worker.userId).post(`/centres/${world.home.centreId}/services`, newService(cleaningBody({ name: '擦窗', windows: [{ weekday: 2, start: '10:00', end: '11:00', capacity: 1 }] })));
    const next = await bookVisit(api, world.neighbour.elderId, world.neighbour.elderId, later.body.serviceId, TUESDAY, '10:00');
    expect((await api.as(world.worker.userId).post(`/bookings/${next.bookingId}/assign`, { staffId: world.cleaner.userId })).status).toBe(200);
  });

  test('nobody at the door at 09:20: the rest of the window is given back, the half hour she waited is kept', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    setLocalTime(TUESDAY, '09:20');
    expect((await api.as(world.cleaner.userId).post(`/bookings/${bookingId}/no-show`)).status).toBe(200);
    expect(await staffHalfHours(world.cleaner.userId, TUESDAY)).toEqual(['09:00']);
  });
});
