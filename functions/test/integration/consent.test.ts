import { PRIVACY_NOTICE_VERSION } from '@yilin/contract';
import { errorCode, useApi } from '../support/api';
import { MONDAY, TUESDAY, setLocalTime } from '../support/canteen-fixtures';
import { bookingBody, createCareWorld, storedBooking } from '../support/care-fixtures';
import { createUser, createWorld } from '../support/seed';
import { auditOf, subjectOf } from '../../src/store/audit';
import { healthReadingsOf } from '../../src/features/care/data';

const api = useApi();

beforeEach(() => setLocalTime(MONDAY, '08:00'));

describe('accepting the privacy notice and user agreement', () => {
  test('the version in force is accepted once, with its time; GET /me says so; accepting again is fine', async () => {
    const person = api.as((await createUser('family')).userId);
    expect((await person.get('/me')).body.privacyNotice).toEqual({ version: PRIVACY_NOTICE_VERSION, accepted: false });

    const accepted = await person.post('/me/consents/privacy', { version: PRIVACY_NOTICE_VERSION });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ version: PRIVACY_NOTICE_VERSION, accepted: true });
    const firstTime = accepted.body.acceptedAt;
    expect(firstTime).toEqual(expect.any(String));

    setLocalTime(MONDAY, '09:00');
    const again = await person.post('/me/consents/privacy', { version: PRIVACY_NOTICE_VERSION });
    expect(again.status).toBe(200);
    expect(again.body.acceptedAt).toBe(firstTime);
    expect((await person.get('/me')).body.privacyNotice).toEqual({ version: PRIVACY_NOTICE_VERSION, accepted: true, acceptedAt: firstTime });
  });

  test('an older version is refused with 409 and a message naming the new one; a malformed one with 400', async () => {
    const person = api.as((await createUser('family')).userId);
    const old = await person.post('/me/consents/privacy', { version: '2026-11-30' });
    expect(old.status).toBe(409);
    expect(errorCode(old)).toBe('PRIVACY_VERSION_OUTDATED');
    expect(old.body.error.message).toContain(PRIVACY_NOTICE_VERSION);
    expect((await person.get('/me')).body.privacyNotice.accepted).toBe(false);

    const malformed = await person.post('/me/consents/privacy', { version: 'latest' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('version');
  });
});

describe("the elder's consent to health data", () => {
  test('given by the elder, withdrawn by a bound relative, given again: each change with who, when and an audit event', async () => {
    const world = await createWorld();
    const elderId = world.elder.elderId;
    const elder = api.as(elderId);
    const family = api.as(world.family.userId);
    expect((await family.get(`/elders/${elderId}/health-consent`)).body).toEqual({ elderId, given: false });

    const given = await elder.put(`/elders/${elderId}/health-consent`, { given: true });
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ elderId, given: true, bySelf: true, changedByName: '王秀英' });
    // The same answer again writes nothing.
    expect((await elder.put(`/elders/${elderId}/health-consent`, { given: true })).body.changedAt).toBe(given.body.changedAt);

    setLocalTime(MONDAY, '09:00');
    const withdrawn = await family.put(`/elders/${elderId}/health-consent`, { given: false });
    expect(withdrawn.body).toMatchObject({ given: false, bySelf: false, changedByName: '王磊' });
    expect((await api.as(world.worker.userId).get(`/elders/${elderId}/health-consent`)).body).toMatchObject({ given: false, changedByName: '王磊' });

    setLocalTime(MONDAY, '10:00');
    expect((await family.put(`/elders/${elderId}/health-consent`, { given: true })).body).toMatchObject({ given: true, bySelf: false });

    const events = await auditOf(subjectOf('healthConsent', elderId));
    expect(events.map((event) => [event.action, event.actorName, event.changes])).toEqual([
      ['health.consentGiven', '王磊', [{ field: 'healthConsent', before: 'false', after: 'true' }]],
      ['health.consentWithdrawn', '王磊', [{ field: 'healthConsent', before: 'true', after: 'false' }]],
      ['health.consentGiven', '王秀英', [{ field: 'healthConsent', after: 'true' }]],
    ]);
  });

  test('a relative not bound to the elder is told the elder does not exist; another community’s worker may not read it; no worker may set it', async () => {
    const world = await createWorld();
    const elderId = world.elder.elderId;
    const stranger = await api.as(world.otherFamily.userId).put(`/elders/${elderId}/health-consent`, { given: true });
    expect(stranger.status).toBe(404);
    expect(errorCode(stranger)).toBe('ELDER_NOT_FOUND');
    expect((await api.as(world.otherFamily.userId).get(`/elders/${elderId}/health-consent`)).status).toBe(404);
    expect((await api.as(world.otherWorker.userId).get(`/elders/${elderId}/health-consent`)).status).toBe(404);
    expect((await api.as(world.worker.userId).put(`/elders/${elderId}/health-consent`, { given: true })).status).toBe(403);
    expect((await api.as(elderId).put(`/elders/${elderId}/health-consent`, { given: 'yes' })).status).toBe(400);
    expect(await auditOf(subjectOf('healthConsent', elderId))).toEqual([]);
  });
});

describe('measurements on a visit need the consent', () => {
  async function nurseOnVisit() {
    const world = await createCareWorld(api);
    const booked = await api.as(world.family.userId).post(`/elders/${world.elder.elderId}/bookings`, bookingBody(world.checkup.serviceId, TUESDAY, '09:00'));
    const bookingId = booked.body.booking.bookingId;
    await api.as(world.worker.userId).post(`/bookings/${bookingId}/assign`, { staffId: world.nurse.userId });
    setLocalTime(TUESDAY, '09:10');
    const nurse = api.as(world.nurse.userId);
    await nurse.post(`/bookings/${bookingId}/check-in`);
    return { world, bookingId, nurse };
  }

  test('without consent a record with measurements is refused and nothing is written; the notes and checklist alone still save', async () => {
    const { world, bookingId, nurse } = await nurseOnVisit();
    await api.as(world.elder.elderId).put(`/elders/${world.elder.elderId}/health-consent`, { given: false });
    // The staff member's day says so before any number is typed.
    expect((await nurse.get('/me/visits')).body.visits[0]).toMatchObject({ bookingId, healthConsent: false });

    const before = await storedBooking(bookingId);
    const refused = await nurse.put(`/bookings/${bookingId}/record`, { notes: '血压偏高', checklistDone: [], measurements: { systolic: 152, diastolic: 95 } });
    expect(refused.status).toBe(409);
    expect(errorCode(refused)).toBe('HEALTH_CONSENT_MISSING');
    expect(refused.body.error.message).toBe('长辈还没有同意记录健康数据，本次测量不会保存；请只记录服务内容。');
    expect(await storedBooking(bookingId)).toEqual(before);
    expect(await healthReadingsOf(world.elder.elderId, '2026-01-01')).toEqual([]);

    const notesOnly = await nurse.put(`/bookings/${bookingId}/record`, { notes: '长辈不愿量血压，聊了聊用药', checklistDone: [] });
    expect(notesOnly.status).toBe(200);
    expect(notesOnly.body.booking.record).toMatchObject({ notes: '长辈不愿量血压，聊了聊用药', measurements: [] });
  });

  test('with consent the measurements are stored in the health record', async () => {
    const { world, bookingId, nurse } = await nurseOnVisit();
    expect((await nurse.get('/me/visits')).body.visits[0]).toMatchObject({ bookingId, healthConsent: true });
    const recorded = await nurse.put(`/bookings/${bookingId}/record`, { notes: '血压偏高', checklistDone: [], measurements: { systolic: 152, diastolic: 95 } });
    expect(recorded.status).toBe(200);
    expect(await healthReadingsOf(world.elder.elderId, '2026-01-01')).toEqual([expect.objectContaining({ bookingId, measurements: { systolic: 152, diastolic: 95 } })]);
    // The nurse on the visit may read the consent; a nurse with no visit to the elder may not.
    expect((await nurse.get(`/elders/${world.elder.elderId}/health-consent`)).body.given).toBe(true);
    expect((await api.as(world.cleaner.userId).get(`/elders/${world.elder.elderId}/health-consent`)).status).toBe(404);
  });

  test('withdrawing the consent deletes the readings already kept (record and visit); the visit, its notes and checklist stay', async () => {
    const { world, bookingId, nurse } = await nurseOnVisit();
    const elderId = world.elder.elderId;
    await nurse.put(`/bookings/${bookingId}/record`, { notes: '血压偏高，提醒按时吃药', checklistDone: [], measurements: { systolic: 152, diastolic: 95, pulse: 80 } });
    expect(await healthReadingsOf(elderId, '2026-01-01')).toHaveLength(1);

    const withdrawn = await api.as(world.family.userId).put(`/elders/${elderId}/health-consent`, { given: false });
    expect(withdrawn.status).toBe(200);
    expect(await healthReadingsOf(elderId, '2026-01-01')).toEqual([]);
    const booking = await storedBooking(bookingId);
    expect(booking?.record).toMatchObject({ notes: '血压偏高，提醒按时吃药', checklistDone: [] });
    expect(booking?.record?.measurements).toBeUndefined();
    const record = (await api.as(elderId).get(`/elders/${elderId}/health`)).body;
    expect([record.bloodPressure, record.pulse]).toEqual([[], []]);
    // The visit's page shows the record without readings.
    expect((await api.as(elderId).get(`/bookings/${bookingId}`)).body.booking.record).toMatchObject({ notes: '血压偏高，提醒按时吃药', measurements: [] });
  });
});
