import { addDays } from '@yilin/contract';
import { useApi } from '../support/api';
import { MONDAY, TUESDAY, setLocalTime } from '../support/canteen-fixtures';
import { assignedVisit, bookVisit, completeVisit, createCareWorld, expectRefused, storedBooking, timelineTexts } from '../support/care-fixtures';

/**
 * The visit itself: only the assigned staff member checks in, writes the record and checks out, in that
 * order; what they see of the elder depends on the day; the family rates the visit once. And the health
 * record it feeds: who may read it, and who is seen to have read it.
 */
const api = useApi();
const WEDNESDAY = addDays(MONDAY, 2);

beforeEach(() => setLocalTime(MONDAY, '08:00'));


type World = Awaited<ReturnType<typeof createCareWorld>>;

/** Tuesday's checkup, done by the nurse with a blood pressure of 152/95 recorded: its id. */
async function measuredCheckup(world: World): Promise<string> {
  const bookingId = await assignedVisit(api, world, { serviceId: world.checkup.serviceId, staffId: world.nurse.userId });
  setLocalTime(TUESDAY, '09:05');
  const nurse = api.as(world.nurse.userId);
  await nurse.post(`/bookings/${bookingId}/check-in`);
  const recorded = await nurse.put(`/bookings/${bookingId}/record`, { notes: '血压偏高', checklistDone: [], measurements: { systolic: 152, diastolic: 95 } });
  expect(recorded.status).toBe(200);
  await nurse.post(`/bookings/${bookingId}/check-out`);
  return bookingId;
}

describe('checking in and out, in order, by the assigned staff member only', () => {
  test('a staff member not assigned to the visit is told it does not exist, before assignment and on a colleague’s visit', async () => {
    const world = await createCareWorld(api);
    const waiting = await bookVisit(api, world.family.userId, world.elder.elderId, world.cleaning.serviceId, TUESDAY, '14:00');
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    setLocalTime(TUESDAY, '09:05');
    expectRefused(await api.as(world.cleaner.userId).post(`/bookings/${waiting.bookingId}/check-in`), 404, 'BOOKING_NOT_FOUND');
    const colleague = api.as(world.otherCleaner.userId);
    expectRefused(await colleague.post(`/bookings/${bookingId}/check-in`), 404, 'BOOKING_NOT_FOUND');
    expectRefused(await colleague.get(`/bookings/${bookingId}`), 404, 'BOOKING_NOT_FOUND');
    expectRefused(await colleague.get(`/bookings/${bookingId}/door-code`), 404, 'BOOKING_NOT_FOUND');
    expect(await storedBooking(waiting.bookingId)).toMatchObject({ status: 'requested' });
    expect(await storedBooking(bookingId)).toMatchObject({ status: 'confirmed' });
  });

  test('checking out or writing the record before checking in, or checking in to a cancelled visit, is TRANSITION_NOT_ALLOWED', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    const cancelled = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.otherCleaner.userId, elderId: world.neighbour.elderId });
    await api.as(world.worker.userId).post(`/bookings/${cancelled}/cancel`);
    setLocalTime(TUESDAY, '09:05');
    const cleaner = api.as(world.cleaner.userId);
    expectRefused(await cleaner.post(`/bookings/${bookingId}/check-out`), 409, 'TRANSITION_NOT_ALLOWED');
    expectRefused(await cleaner.put(`/bookings/${bookingId}/record`, { notes: '打扫完毕', checklistDone: [] }), 409, 'TRANSITION_NOT_ALLOWED');
    expectRefused(await api.as(world.otherCleaner.userId).post(`/bookings/${cancelled}/check-in`), 409, 'TRANSITION_NOT_ALLOWED');
    expect(await storedBooking(bookingId)).toMatchObject({ status: 'confirmed' });
    expect((await storedBooking(bookingId))?.record).toBeUndefined();
    expect(await storedBooking(cancelled)).toMatchObject({ status: 'cancelled' });
  });

  test('checking in on another day than the visit’s is refused', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    expectRefused(await api.as(world.cleaner.userId).post(`/bookings/${bookingId}/check-in`), 409, 'TRANSITION_NOT_ALLOWED');
    expect(await storedBooking(bookingId)).toMatchObject({ status: 'confirmed' });
  });

  test('a check-in before the window is kept, and flagged for the centre and the family', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    setLocalTime(TUESDAY, '08:30');
    const checkedIn = await api.as(world.cleaner.userId).post(`/bookings/${bookingId}/check-in`);
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.body.booking).toMatchObject({ status: 'in_service', checkInOutsideWindow: true });
    const seen = (await api.as(world.family.userId).get(`/bookings/${bookingId}`)).body.booking;
    expect(seen.checkInOutsideWindow).toBe(true);
    expect(timelineTexts(seen)).toContain('到达签到（不在预约时段内）');
  });
});

describe('what the staff member sees of the elder, and when', () => {
  test('the address and phone are shown only on the visit’s day', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    const cleaner = api.as(world.cleaner.userId);
    const ahead = (await cleaner.get(`/me/visits?date=${TUESDAY}`)).body.visits;
    expect(ahead).toHaveLength(1);
    expect(ahead[0]).toMatchObject({ bookingId, address: '', checklist: ['客厅', '厨房', '卫生间', '卧室'], medical: false });
    expect(ahead[0].elderPhone).toBeUndefined();
    expect(ahead[0].doorCode).toBeUndefined();
    expect((await cleaner.get(`/bookings/${bookingId}`)).body.booking.address).toBe('');
    setLocalTime(TUESDAY, '07:00');
    expect((await cleaner.get(`/bookings/${bookingId}`)).body.booking.address).toBe('学院路 12 号 3 栋 101');
  });

  test('the door code is not shown the day after the visit, to either side of the door', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    setLocalTime(WEDNESDAY, '08:00');
    expectRefused(await api.as(world.cleaner.userId).get(`/bookings/${bookingId}/door-code`), 409, 'DOOR_CODE_NOT_TODAY');
    expectRefused(await api.as(world.elder.elderId).get(`/bookings/${bookingId}/door-code`), 409, 'DOOR_CODE_NOT_TODAY');
  });
});

describe('the record of the visit', () => {
  test('a checklist item the service does not have is refused CHECKLIST_ITEM_UNKNOWN, and no record is kept', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    setLocalTime(TUESDAY, '09:05');
    const cleaner = api.as(world.cleaner.userId);
    await cleaner.post(`/bookings/${bookingId}/check-in`);
    expectRefused(await cleaner.put(`/bookings/${bookingId}/record`, { notes: '打扫完毕', checklistDone: ['客厅', '阳台'] }), 400, 'CHECKLIST_ITEM_UNKNOWN');
    expect((await storedBooking(bookingId))?.record).toBeUndefined();
  });

  test('a reading taken on a household visit (blood pressure before a bath) is kept in the health record', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    setLocalTime(TUESDAY, '09:05');
    const cleaner = api.as(world.cleaner.userId);
    await cleaner.post(`/bookings/${bookingId}/check-in`);
    const recorded = await cleaner.put(`/bookings/${bookingId}/record`, { notes: '', checklistDone: ['客厅'], measurements: { systolic: 130, diastolic: 85 } });
    expect(recorded.status).toBe(200);
    expect((await api.as(world.family.userId).get(`/elders/${world.elder.elderId}/health`)).body.bloodPressure).toEqual([expect.objectContaining({ systolic: 130, diastolic: 85, bookingId })]);
  });
});

describe('rating a visit', () => {
  test('before the visit is completed it is refused NOT_COMPLETED', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    expectRefused(await api.as(world.family.userId).post(`/bookings/${bookingId}/rating`, { stars: 5, comment: '' }), 409, 'NOT_COMPLETED');
    expect((await storedBooking(bookingId))?.rating).toBeUndefined();
  });

  test('the same rating sent again is answered as done and counted once; another one is ALREADY_RATED', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    await completeVisit(api, bookingId, world.cleaner.userId);
    const family = api.as(world.family.userId);
    expect((await family.post(`/bookings/${bookingId}/rating`, { stars: 4, comment: '还不错' })).status).toBe(200);
    const again = await family.post(`/bookings/${bookingId}/rating`, { stars: 4, comment: '还不错' });
    expect(again.status).toBe(200);
    expect(again.body.booking).toMatchObject({ rating: { stars: 4, comment: '还不错' }, rateable: false });
    expectRefused(await family.post(`/bookings/${bookingId}/rating`, { stars: 2, comment: '改主意了' }), 409, 'ALREADY_RATED');
    expect((await storedBooking(bookingId))?.rating).toMatchObject({ stars: 4 });
    expect((await api.as(world.worker.userId).get(`/centres/${world.home.centreId}/satisfaction`)).body).toMatchObject({ ratings: 1, satisfied: 1 });
  });

  test('the satisfaction rate counts 4 and 5 stars as satisfied: a 5 and a 3 make 0.5', async () => {
    const world = await createCareWorld(api);
    const first = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    const second = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.otherCleaner.userId, elderId: world.neighbour.elderId });
    await completeVisit(api, first, world.cleaner.userId);
    await completeVisit(api, second, world.otherCleaner.userId);
    await api.as(world.family.userId).post(`/bookings/${first}/rating`, { stars: 5, comment: '' });
    await api.as(world.neighbour.elderId).post(`/bookings/${second}/rating`, { stars: 3, comment: '来晚了' });
    expect((await api.as(world.admin.userId).get(`/centres/${world.home.centreId}/satisfaction`)).body).toEqual({ centreId: world.home.centreId, ratings: 2, satisfied: 1, rate: 0.5 });
  });
});

describe('the health record', () => {
  test('a worker’s and a staff member’s reads are listed for the family; the elder’s and family’s own are not', async () => {
    const world = await createCareWorld(api);
    await measuredCheckup(world);
    const readsPath = `/elders/${world.elder.elderId}/health`;
    const family = api.as(world.family.userId);
    const before = (await family.get(readsPath)).body.reads.length;
    await family.get(`/elders/${world.elder.elderId}/health`);
    await api.as(world.elder.elderId).get(`/elders/${world.elder.elderId}/health`);
    expect((await family.get(readsPath)).body.reads).toHaveLength(before);

    expect((await api.as(world.worker.userId).get(`/elders/${world.elder.elderId}/health`)).status).toBe(200);
    expect((await api.as(world.nurse.userId).get(`/elders/${world.elder.elderId}/health`)).status).toBe(200);
    const reads = (await api.as(world.elder.elderId).get(readsPath)).body.reads;
    expect(reads).toHaveLength(before + 2);
    expect(reads.slice(0, 2).map((read: { name: string; roleName: string }) => [read.name, read.roleName])).toEqual([
      ['李芳', '服务人员'],
      ['刘晓燕', '社区工作者'],
    ]);
    expect(reads.map((read: { name: string }) => read.name)).not.toContain('王磊');
    expect(reads.map((read: { name: string }) => read.name)).not.toContain('王秀英');
  });

  test('a staff member with no visit to the elder cannot read the record', async () => {
    const world = await createCareWorld(api);
    await measuredCheckup(world);
    expectRefused(await api.as(world.cleaner.userId).get(`/elders/${world.elder.elderId}/health`), 404, 'ELDER_NOT_FOUND');
  });

  test('the county admin reads the booking and the lists of bookings but not the measurements, nor the health record', async () => {
    const world = await createCareWorld(api);
    const bookingId = await measuredCheckup(world);
    const admin = api.as(world.admin.userId);
    const booking = await admin.get(`/bookings/${bookingId}`);
    expect(booking.status).toBe(200);
    expect(booking.body.booking.record).toMatchObject({ notes: '血压偏高', measurements: [] });
    const ofElder = (await admin.get(`/elders/${world.elder.elderId}/bookings`)).body.bookings;
    const ofCentre = (await admin.get(`/centres/${world.home.centreId}/bookings`)).body.bookings;
    expect([...ofElder, ...ofCentre].map((seen: { record: { measurements: unknown[] } }) => seen.record.measurements)).toEqual([[], []]);
    expectRefused(await admin.get(`/elders/${world.elder.elderId}/health`), 403, 'ROLE_NOT_ALLOWED');
  });
});
