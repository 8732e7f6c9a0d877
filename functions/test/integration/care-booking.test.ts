import { addDays } from '@yilin/contract';
import { errorCode, useApi } from '../support/api';
import { MONDAY, TUESDAY, setLocalTime } from '../support/canteen-fixtures';
import { bookingBody, bookVisit, cleaningBody, createCareWorld, expectRefused, newService, placesTaken, storedBooking, storedBookingsOfElder } from '../support/care-fixtures';

/**
 * Booking a home visit: a place is taken from the window's capacity with the booking, or nothing is written
 * at all; a retried submission books once; the elder or family cancel until the centre's cutoff (12 hours
 * before the window by default), a worker at any time.
 */
const api = useApi();

beforeEach(() => setLocalTime(MONDAY, '08:00'));


const bookAs = (callerId: string, elderId: string, body: ReturnType<typeof bookingBody>) => api.as(callerId).post(`/elders/${elderId}/bookings`, body);

describe('a booking that cannot be made writes nothing', () => {
  test('a window that has already started is refused as WINDOW_PAST', async () => {
    const world = await createCareWorld(api);
    setLocalTime(MONDAY, '09:00');
    expectRefused(await bookAs(world.family.userId, world.elder.elderId, bookingBody(world.cleaning.serviceId, MONDAY, '09:00')), 409, 'WINDOW_PAST');
    expectRefused(await bookAs(world.family.userId, world.elder.elderId, bookingBody(world.cleaning.serviceId, addDays(MONDAY, -3), '09:00')), 409, 'WINDOW_PAST');
    expect(await storedBookingsOfElder(world.elder.elderId)).toEqual([]);
    expect(await placesTaken(world.cleaning.serviceId, MONDAY, '09:00')).toBe(0);
  });

  test('a full window is refused as WINDOW_FULL for the next elder', async () => {
    const world = await createCareWorld(api);
    await bookVisit(api, world.family.userId, world.elder.elderId, world.cleaning.serviceId, TUESDAY, '14:00');
    expectRefused(await bookAs(world.neighbour.elderId, world.neighbour.elderId, bookingBody(world.cleaning.serviceId, TUESDAY, '14:00')), 409, 'WINDOW_FULL');
    expect(await storedBookingsOfElder(world.neighbour.elderId)).toEqual([]);
    expect(await placesTaken(world.cleaning.serviceId, TUESDAY, '14:00')).toBe(1);
  });

  test('a time the service has no window at is refused as WINDOW_NOT_FOUND, on a weekday or at the weekend', async () => {
    const world = await createCareWorld(api);
    const saturday = addDays(MONDAY, 5);
    for (const [date, start] of [[TUESDAY, '12:00'], [TUESDAY, '09:30'], [saturday, '09:00']]) {
      const refused = await bookAs(world.family.userId, world.elder.elderId, bookingBody(world.cleaning.serviceId, date, start));
      expectRefused(refused, 400, 'WINDOW_NOT_FOUND');
    }
    expect(await storedBookingsOfElder(world.elder.elderId)).toEqual([]);
  });

  test('a service the centre has closed is refused as SERVICE_CLOSED', async () => {
    const world = await createCareWorld(api);
    const closed = await api.as(world.worker.userId).put(`/centres/${world.home.centreId}/services/${world.cleaning.serviceId}`, cleaningBody({ active: false }));
    expect(closed.status).toBe(200);
    expectRefused(await bookAs(world.family.userId, world.elder.elderId, bookingBody(world.cleaning.serviceId, TUESDAY, '09:00')), 409, 'SERVICE_CLOSED');
    expect(await storedBookingsOfElder(world.elder.elderId)).toEqual([]);
    expect(await placesTaken(world.cleaning.serviceId, TUESDAY, '09:00')).toBe(0);
  });

  test('the same elder in the same window twice is refused as ALREADY_BOOKED, even with places left', async () => {
    const world = await createCareWorld(api);
    const first = await bookVisit(api, world.family.userId, world.elder.elderId, world.cleaning.serviceId, TUESDAY, '09:00');
    expectRefused(await bookAs(world.elder.elderId, world.elder.elderId, bookingBody(world.cleaning.serviceId, TUESDAY, '09:00')), 409, 'ALREADY_BOOKED');
    // Another service starting at the same time is the same morning of the elder's.
    expectRefused(await bookAs(world.family.userId, world.elder.elderId, bookingBody(world.checkup.serviceId, TUESDAY, '09:00')), 409, 'ALREADY_BOOKED');
    expect((await storedBookingsOfElder(world.elder.elderId)).map((booking) => booking.bookingId)).toEqual([first.bookingId]);
    expect(await placesTaken(world.cleaning.serviceId, TUESDAY, '09:00')).toBe(1);
    expect(await placesTaken(world.checkup.serviceId, TUESDAY, '09:00')).toBe(0);
  });

  test('a day beyond the two weeks that can be booked is refused', async () => {
    const world = await createCareWorld(api);
    const refused = await bookAs(world.family.userId, world.elder.elderId, bookingBody(world.cleaning.serviceId, addDays(MONDAY, 14), '09:00'));
    expectRefused(refused, 400, 'INVALID_INPUT');
    expect(await storedBookingsOfElder(world.elder.elderId)).toEqual([]);
  });
});

describe('a retried submission books once', () => {
  test('the same request sent again is answered 200 with the first booking, and one place is taken', async () => {
    const world = await createCareWorld(api);
    const body = bookingBody(world.cleaning.serviceId, TUESDAY, '09:00');
    const first = await bookAs(world.family.userId, world.elder.elderId, body);
    const again = await bookAs(world.family.userId, world.elder.elderId, body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, booking: { bookingId: first.body.booking.bookingId, status: 'requested' } });
    expect(await storedBookingsOfElder(world.elder.elderId)).toHaveLength(1);
    expect(await placesTaken(world.cleaning.serviceId, TUESDAY, '09:00')).toBe(1);
  });

  test('the same key with a changed body is refused as IDEMPOTENCY_KEY_REUSED', async () => {
    const world = await createCareWorld(api);
    const body = bookingBody(world.cleaning.serviceId, TUESDAY, '09:00');
    expect((await bookAs(world.family.userId, world.elder.elderId, body)).status).toBe(201);
    expectRefused(await bookAs(world.family.userId, world.elder.elderId, { ...body, windowStart: '14:00' }), 409, 'IDEMPOTENCY_KEY_REUSED');
    expect(await storedBookingsOfElder(world.elder.elderId)).toHaveLength(1);
    expect(await placesTaken(world.cleaning.serviceId, TUESDAY, '14:00')).toBe(0);
  });
});

describe('cancelling: the family until the cutoff, a worker at any time', () => {
  test('a relative cancelling before the cutoff gives the place back, and the window can be booked again', async () => {
    const world = await createCareWorld(api);
    const booking = await bookVisit(api, world.family.userId, world.elder.elderId, world.cleaning.serviceId, TUESDAY, '14:00');
    const cancelled = await api.as(world.family.userId).post(`/bookings/${booking.bookingId}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.booking).toMatchObject({ status: 'cancelled', statusName: '已取消', cancellable: false });
    expect(await placesTaken(world.cleaning.serviceId, TUESDAY, '14:00')).toBe(0);
    await bookVisit(api, world.elder.elderId, world.elder.elderId, world.cleaning.serviceId, TUESDAY, '14:00');
  });

  test('from 12 hours before the window the relative is refused CANCEL_TOO_LATE, and a worker may still cancel', async () => {
    const world = await createCareWorld(api);
    const booking = await bookVisit(api, world.family.userId, world.elder.elderId, world.cleaning.serviceId, TUESDAY, '09:00');
    setLocalTime(MONDAY, '21:00');
    const family = api.as(world.family.userId);
    expect((await family.get(`/bookings/${booking.bookingId}`)).body.booking.cancellable).toBe(false);
    expectRefused(await family.post(`/bookings/${booking.bookingId}/cancel`), 409, 'CANCEL_TOO_LATE');
    expect((await storedBooking(booking.bookingId))?.status).toBe('requested');
    expect(await placesTaken(world.cleaning.serviceId, TUESDAY, '09:00')).toBe(1);

    const byWorker = await api.as(world.worker.userId).post(`/bookings/${booking.bookingId}/cancel`);
    expect(byWorker.status).toBe(200);
    expect(byWorker.body.booking.status).toBe('cancelled');
    expect(await placesTaken(world.cleaning.serviceId, TUESDAY, '09:00')).toBe(0);
  });

  test('cancelling again is answered as done and gives nothing back twice', async () => {
    const world = await createCareWorld(api);
    const booking = await bookVisit(api, world.family.userId, world.elder.elderId, world.cleaning.serviceId, TUESDAY, '09:00');
    await bookVisit(api, world.neighbour.elderId, world.neighbour.elderId, world.cleaning.serviceId, TUESDAY, '09:00');
    await api.as(world.family.userId).post(`/bookings/${booking.bookingId}/cancel`);
    const again = await api.as(world.family.userId).post(`/bookings/${booking.bookingId}/cancel`);
    expect(again.status).toBe(200);
    expect(again.body.booking.status).toBe('cancelled');
    expect(await placesTaken(world.cleaning.serviceId, TUESDAY, '09:00')).toBe(1);
  });
});

test('an unbound relative reaches nothing of the elder’s bookings: each is answered as not found', async () => {
  const world = await createCareWorld(api);
  const booking = await bookVisit(api, world.family.userId, world.elder.elderId, world.cleaning.serviceId, TUESDAY, '09:00');
  const stranger = api.as(world.otherFamily.userId);
  const answers = await Promise.all([
    stranger.get(`/elders/${world.elder.elderId}/bookings`),
    stranger.post(`/elders/${world.elder.elderId}/bookings`, bookingBody(world.cleaning.serviceId, TUESDAY, '14:00')),
    stranger.get(`/bookings/${booking.bookingId}`),
    stranger.post(`/bookings/${booking.bookingId}/cancel`),
    stranger.get(`/bookings/${booking.bookingId}/door-code`),
    stranger.post(`/bookings/${booking.bookingId}/rating`, { stars: 1, comment: '' }),
  ]);
  expect(answers.map((answer) => [answer.status, errorCode(answer)])).toEqual([
    [404, 'ELDER_NOT_FOUND'],
    [404, 'ELDER_NOT_FOUND'],
    [404, 'BOOKING_NOT_FOUND'],
    [404, 'BOOKING_NOT_FOUND'],
    [404, 'BOOKING_NOT_FOUND'],
    [404, 'BOOKING_NOT_FOUND'],
  ]);
  expect((await storedBooking(booking.bookingId))?.status).toBe('requested');
  expect(await storedBookingsOfElder(world.elder.elderId)).toHaveLength(1);
});

describe('the catalogue', () => {
  test('a new service sent twice with one key is added once; the same key with other fields is refused', async () => {
    const world = await createCareWorld(api);
    const worker = api.as(world.worker.userId);
    const body = newService(cleaningBody({ name: '擦玻璃' }));
    const first = await worker.post(`/centres/${world.home.centreId}/services`, body);
    const again = await worker.post(`/centres/${world.home.centreId}/services`, body);
    expect(first.status).toBe(201);
    expect(again.body.serviceId).toBe(first.body.serviceId);
    const names = (await worker.get(`/centres/${world.home.centreId}/services`)).body.services.map((service: { name: string }) => service.name);
    expect(names.filter((name: string) => name === '擦玻璃')).toHaveLength(1);
    expectRefused(await worker.post(`/centres/${world.home.centreId}/services`, { ...body, name: '擦窗户' }), 409, 'IDEMPOTENCY_KEY_REUSED');
  });
});
