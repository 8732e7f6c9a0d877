/** @dynamodb-streams */
import { useLocalConsumers } from '../support/consumers';
import { followStaffChange } from '../../src/features/care/staff-changes';
import { useApi } from '../support/api';
import { MONDAY, TUESDAY, setLocalTime } from '../support/canteen-fixtures';
import { assignedVisit, completeVisit, createCareWorld, placesTaken, staffHalfHours, storedBooking, timelineTexts } from '../support/care-fixtures';

const api = useApi();
const runner = useLocalConsumers();

beforeEach(() => setLocalTime(MONDAY, '08:00'));

describe('a staff member who leaves the centre', () => {
  test('retired: their visits still to come go back to the queue with their time given back, and the family sees why', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    const retired = await api.as(world.worker.userId).post(`/staff/${world.cleaner.userId}/retire`);
    expect(retired.status).toBe(200);

    await runner.idle();
    const stored = await storedBooking(bookingId);
    expect(stored).toMatchObject({ status: 'requested' });
    expect(stored?.staffId).toBeUndefined();
    expect(stored?.doorCode).toBeUndefined();
    expect(await staffHalfHours(world.cleaner.userId, TUESDAY)).toEqual([]);
    const seen = await api.as(world.family.userId).get(`/bookings/${bookingId}`);
    expect(timelineTexts(seen.body.booking)).toContain('张丽不再上门了，等待重新安排');
    // Someone else can now be sent.
    expect((await api.as(world.worker.userId).post(`/bookings/${bookingId}/assign`, { staffId: world.otherCleaner.userId })).status).toBe(200);
  });

  test('a visit already done stays as it was, and the change handed over again changes nothing', async () => {
    const world = await createCareWorld(api);
    const done = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    await completeVisit(api, done, world.cleaner.userId);
    await api.as(world.worker.userId).post(`/staff/${world.cleaner.userId}/retire`);
    await runner.idle();
    expect(await storedBooking(done)).toMatchObject({ status: 'completed', staffId: world.cleaner.userId });

    const before = await storedBooking(done);
    await followStaffChange({ eventId: 'replay', kind: 'MODIFY', entity: 'staffPost', before: { role: 'staff', userId: world.cleaner.userId, centreId: world.home.centreId, status: 'active' }, after: { role: 'staff', userId: world.cleaner.userId, centreId: world.home.centreId, status: 'retired' }, at: new Date() });
    expect(await storedBooking(done)).toEqual(before);
  });
});

describe('an elder who moves or leaves the register', () => {
  test('moved to another community: the new community’s worker reaches the visit, the old one’s no longer does', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    expect((await api.as(world.worker.userId).put(`/elders/${world.elder.elderId}/community`, { communityId: world.other.communityId })).status).toBe(200);
    await runner.idle();
    expect(await storedBooking(bookingId)).toMatchObject({ communityId: world.other.communityId, status: 'confirmed' });
  });

  test('died: the visits still to come are cancelled, the place and the staff member’s time given back', async () => {
    const world = await createCareWorld(api);
    const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
    expect((await api.as(world.worker.userId).put(`/elders/${world.elder.elderId}/status`, { status: 'deceased', note: '家属告知' })).status).toBe(200);
    await runner.idle();
    expect(await storedBooking(bookingId)).toMatchObject({ status: 'cancelled', reason: '长辈已不在社区名册上' });
    expect(await placesTaken(world.cleaning.serviceId, TUESDAY, '09:00')).toBe(0);
    expect(await staffHalfHours(world.cleaner.userId, TUESDAY)).toEqual([]);
  });
});
