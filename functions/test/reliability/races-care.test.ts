import { weekdayOf } from '@yilin/contract';
import { useApi } from '../support/api';
import { createElder } from '../support/seed';
import { bookingsOfElder, getBooking, saveService } from '../../src/features/care/data';
import { StaffSlot, WindowUse } from '../../src/features/care/entities';
import { halfHoursOf } from '../../src/features/care/rules/visit';
import { setClock } from '../../src/platform/clock';
import { createWorld, NOW, actors, randomKey, staffOf } from './world';
import { tally } from './tally';

/**
 * Races of home visits, with concurrent requests against DynamoDB Local: a window's places, a staff
 * member's half hours, one booking's assignment, and a retried booking. Each test states its invariant
 * and checks it in the table after the race.
 */
const api = useApi();
const community = { communityId: 'demo-comm-xueyuan', centreId: 'demo-centre-xueyuan' };
/** Two workers of the centre (the second in another of its communities): both dispatch its visits. */
const workers = ['demo-worker-xueyuan', 'demo-worker-dongfeng'];
beforeAll(createWorld);
beforeEach(() => setClock(NOW));

/** A checkup service of its own for each race, with the windows given, on days the other races do not use. */
async function serviceWith(date: string, windows: Array<{ start: string; end: string; capacity: number }>): Promise<string> {
  const serviceId = `race-svc-${randomKey()}`;
  await saveService({
    centreId: community.centreId, serviceId, category: 'medical', name: '上门健康检查', description: '护士上门量血压', durationMinutes: 60, priceFen: 3000, skill: 'nursing',
    windows: windows.map((window) => ({ weekday: weekdayOf(date), ...window })), checklist: [], active: true, updatedBy: 'reliability', updatedAt: NOW,
  });
  return serviceId;
}

const elders = (count: number) => Promise.all(Array.from({ length: count }, () => createElder(community, { birthDate: '1950-01-01' })));

const bookingBody = (serviceId: string, date: string, windowStart: string) => ({ serviceId, date, windowStart, address: '学院路 12 号', idempotencyKey: randomKey() });

async function bookOne(serviceId: string, date: string, windowStart: string): Promise<string> {
  const [elder] = await elders(1);
  const answer = await api.as(elder.elderId).post(`/elders/${elder.elderId}/bookings`, bookingBody(serviceId, date, windowStart));
  expect(answer.status).toBe(201);
  return answer.body.booking.bookingId;
}

async function halfHoursHeld(staffId: string, date: string) {
  const { data } = await StaffSlot.query.byStaff({ staffId, date }).go();
  return data.map((slot) => ({ half: slot.half, bookingId: slot.bookingId }));
}

test('race: 12 elders booking a window of 3 places at once get exactly 3 bookings; the others are told it is full', async () => {
  const date = '2030-01-09';
  const serviceId = await serviceWith(date, [{ start: '14:00', end: '15:00', capacity: 3 }]);
  const people = await elders(12);
  const answers = await Promise.all(people.map((elder) => api.as(elder.elderId).post(`/elders/${elder.elderId}/bookings`, bookingBody(serviceId, date, '14:00'))));
  tally('racesRun');
  const statuses = answers.map((answer) => answer.status);
  expect([statuses.filter((s) => s === 201).length, statuses.filter((s) => s === 409).length]).toEqual([3, 9]);
  expect(answers.filter((answer) => answer.status === 409).every((answer) => answer.body.error.code === 'WINDOW_FULL')).toBe(true);
  const booked = (await Promise.all(people.map((elder) => bookingsOfElder(elder.elderId, date, date)))).flat();
  const { data: use } = await WindowUse.get({ serviceId, date, start: '14:00' }).go();
  expect({ taken: use?.taken, bookings: booked.length }).toEqual({ taken: 3, bookings: 3 });
});

test('race: two workers sending the same staff member at once to two visits that overlap by half an hour: one is sent, the other told STAFF_BUSY', async () => {
  const date = '2030-01-10';
  const serviceId = await serviceWith(date, [{ start: '09:00', end: '10:00', capacity: 5 }, { start: '09:30', end: '10:30', capacity: 5 }]);
  const visits = [await bookOne(serviceId, date, '09:00'), await bookOne(serviceId, date, '09:30')];
  const answers = await Promise.all(visits.map((bookingId, i) => api.as(workers[i]).post(`/bookings/${bookingId}/assign`, { staffId: actors.staff })));
  tally('racesRun');
  expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  const winner = visits[answers.findIndex((answer) => answer.status === 200)];
  const loser = visits.find((bookingId) => bookingId !== winner)!;
  expect(answers.find((answer) => answer.status === 409)?.body.error.code).toBe('STAFF_BUSY');
  const won = (await getBooking(winner))!;
  expect(await halfHoursHeld(actors.staff, date)).toEqual(halfHoursOf(won.windowStart, won.windowEnd).map((half) => ({ half, bookingId: winner })));
  expect(await getBooking(loser)).toMatchObject({ status: 'requested' });
  expect((await getBooking(loser))?.staffId).toBeUndefined();
});

test('race: one visit assigned to two staff members at once gets exactly one; the other keeps none of its half hours', async () => {
  const date = '2030-01-11';
  const serviceId = await serviceWith(date, [{ start: '09:00', end: '10:30', capacity: 5 }]);
  const bookingId = await bookOne(serviceId, date, '09:00');
  const staff = [actors.staff, staffOf[community.centreId]];
  const answers = await Promise.all(staff.map((staffId, i) => api.as(workers[i]).post(`/bookings/${bookingId}/assign`, { staffId })));
  tally('racesRun');
  expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  const sent = staff[answers.findIndex((answer) => answer.status === 200)];
  const other = staff.find((staffId) => staffId !== sent)!;
  // The loser finds the visit already confirmed when it looks again.
  expect(answers.find((answer) => answer.status === 409)?.body.error.code).toBe('TRANSITION_NOT_ALLOWED');
  expect(await getBooking(bookingId)).toMatchObject({ status: 'confirmed', staffId: sent });
  expect({ sent: await halfHoursHeld(sent, date), other: await halfHoursHeld(other, date) }).toEqual({
    sent: ['09:00', '09:30', '10:00'].map((half) => ({ half, bookingId })),
    other: [],
  });
});

test('race: the same booking sent 10 times at once (one idempotency key) makes one booking, and every answer names it', async () => {
  const date = '2030-01-12';
  const serviceId = await serviceWith(date, [{ start: '09:00', end: '10:00', capacity: 5 }]);
  const [elder] = await elders(1);
  const body = bookingBody(serviceId, date, '09:00');
  const answers = await Promise.all(Array.from({ length: 10 }, () => api.as(elder.elderId).post(`/elders/${elder.elderId}/bookings`, body)));
  tally('racesRun');
  const ids = new Set(answers.map((answer) => answer.body?.booking?.bookingId));
  expect({ answered: answers.every((answer) => answer.status === 200 || answer.status === 201), created: answers.filter((answer) => answer.status === 201).length, ids: ids.size }).toEqual({
    answered: true,
    created: 1,
    ids: 1,
  });
  const { data: use } = await WindowUse.get({ serviceId, date, start: '09:00' }).go();
  expect({ bookings: (await bookingsOfElder(elder.elderId, date, date)).length, taken: use?.taken }).toEqual({ bookings: 1, taken: 1 });
});
