import { errorCode, useApi } from '../support/api';
import { MONDAY, TUESDAY, setLocalTime } from '../support/canteen-fixtures';
import { bookingBody, createCareWorld, placesTaken, storedBooking } from '../support/care-fixtures';

const api = useApi();

beforeEach(() => setLocalTime(MONDAY, '08:00'));

describe('a home visit from booking to rating', () => {
  test('a relative books a cleaning, a worker assigns a cleaner, the visit happens and is rated', async () => {
    const world = await createCareWorld(api);
    const family = api.as(world.family.userId);
    const booked = await family.post(`/elders/${world.elder.elderId}/bookings`, bookingBody(world.cleaning.serviceId, TUESDAY, '09:00'));
    expect(booked.status).toBe(201);
    const bookingId = booked.body.booking.bookingId;
    expect(booked.body.booking).toMatchObject({ status: 'requested', statusName: '等待安排', windowEnd: '11:00', cancellable: true });
    expect(await placesTaken(world.cleaning.serviceId, TUESDAY, '09:00')).toBe(1);

    const worker = api.as(world.worker.userId);
    const candidates = await worker.get(`/bookings/${bookingId}/candidates`);
    expect(candidates.status).toBe(200);
    const byName = Object.fromEntries(candidates.body.candidates.map((c: { name: string }) => [c.name, c]));
    expect(byName['张丽']).toMatchObject({ free: true });
    expect(byName['李芳']).toMatchObject({ free: false, busyReason: '没有“保洁”技能' });

    const assigned = await worker.post(`/bookings/${bookingId}/assign`, { staffId: world.cleaner.userId });
    expect(assigned.status).toBe(200);
    expect(assigned.body.booking).toMatchObject({ status: 'confirmed', visitor: { name: '张丽', staffNumber: 'A012' } });

    // The door code is for the visit's day only.
    expect(errorCode(await family.get(`/bookings/${bookingId}/door-code`))).toBe('DOOR_CODE_NOT_TODAY');
    setLocalTime(TUESDAY, '08:30');
    const elderCode = await api.as(world.elder.elderId).get(`/bookings/${bookingId}/door-code`);
    const staffCode = await api.as(world.cleaner.userId).get(`/bookings/${bookingId}/door-code`);
    expect(elderCode.status).toBe(200);
    expect(elderCode.body.code).toMatch(/^\d{4}$/);
    expect(staffCode.body.code).toBe(elderCode.body.code);

    const day = await api.as(world.cleaner.userId).get('/me/visits');
    expect(day.body.visits).toHaveLength(1);
    expect(day.body.visits[0]).toMatchObject({ bookingId, address: '学院路 12 号 3 栋 101', elderPhone: '13807340001', doorCode: elderCode.body.code });

    setLocalTime(TUESDAY, '09:05');
    const staff = api.as(world.cleaner.userId);
    expect((await staff.post(`/bookings/${bookingId}/check-in`)).body.booking).toMatchObject({ status: 'in_service', checkInOutsideWindow: false });
    const recorded = await staff.put(`/bookings/${bookingId}/record`, { notes: '打扫完毕，提醒长辈按时吃药', checklistDone: ['客厅', '厨房'] });
    expect(recorded.status).toBe(200);
    setLocalTime(TUESDAY, '10:50');
    expect((await staff.post(`/bookings/${bookingId}/check-out`)).body.booking.status).toBe('completed');

    const seen = await family.get(`/bookings/${bookingId}`);
    expect(seen.body.booking).toMatchObject({ status: 'completed', rateable: true, record: { notes: '打扫完毕，提醒长辈按时吃药', checklistDone: ['客厅', '厨房'] } });
    expect(seen.body.booking.timeline.map((entry: { text: string }) => entry.text)).toEqual(['提交预约', '安排 张丽（工号 A012） 上门', '到达签到', '填写服务记录', '服务完成签退']);

    const rated = await family.post(`/bookings/${bookingId}/rating`, { stars: 5, comment: '很细心' });
    expect(rated.body.booking.rating).toMatchObject({ stars: 5, byName: '王磊' });
    expect(errorCode(await api.as(world.elder.elderId).post(`/bookings/${bookingId}/rating`, { stars: 2, comment: '' }))).toBe('ALREADY_RATED');
    expect((await worker.get(`/centres/${world.home.centreId}/satisfaction`)).body).toMatchObject({ ratings: 1, satisfied: 1, rate: 1 });
    expect((await storedBooking(bookingId))?.status).toBe('completed');
  });

  test('a nurse records blood pressure; the family sees it in the health record and who looked', async () => {
    const world = await createCareWorld(api);
    const family = api.as(world.family.userId);
    const booked = await family.post(`/elders/${world.elder.elderId}/bookings`, bookingBody(world.checkup.serviceId, TUESDAY, '09:00'));
    const bookingId = booked.body.booking.bookingId;
    await api.as(world.worker.userId).post(`/bookings/${bookingId}/assign`, { staffId: world.nurse.userId });
    setLocalTime(TUESDAY, '09:10');
    const nurse = api.as(world.nurse.userId);
    await nurse.post(`/bookings/${bookingId}/check-in`);
    const impossible = await nurse.put(`/bookings/${bookingId}/record`, { notes: '', checklistDone: [], measurements: { systolic: 400, diastolic: 90 } });
    expect(impossible.status).toBe(400);
    expect(impossible.body.error.message).toContain('收缩压');
    const recorded = await nurse.put(`/bookings/${bookingId}/record`, { notes: '血压偏高，建议复查', checklistDone: [], measurements: { systolic: 152, diastolic: 95, glucose: 6.1, glucoseFasting: true } });
    expect(recorded.status).toBe(200);
    expect(recorded.body.booking.record.measurements[0]).toMatchObject({ kind: 'bloodPressure', text: '152/95 mmHg', flag: 'high', flagName: '偏高' });
    await nurse.post(`/bookings/${bookingId}/check-out`);

    const health = await family.get(`/elders/${world.elder.elderId}/health`);
    expect(health.status).toBe(200);
    expect(health.body.bloodPressure).toEqual([expect.objectContaining({ systolic: 152, diastolic: 95, flag: 'high', bookingId })]);
    expect(health.body.glucose).toEqual([expect.objectContaining({ value: 6.1, fasting: true })]);

    await api.as(world.worker.userId).get(`/elders/${world.elder.elderId}/health`);
    const reads = await family.get(`/elders/${world.elder.elderId}/health`);
    expect(reads.body.reads.map((read: { name: string }) => read.name)).toContain('刘晓燕');
    expect(reads.body.reads.map((read: { name: string }) => read.name)).toContain('李芳');
  });
});
