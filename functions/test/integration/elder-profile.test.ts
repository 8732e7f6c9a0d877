import { errorCode, useApi } from '../support/api';
import { createWorld, storedElder, tableItems, uniqueId } from '../support/seed';
import { setClock } from '../../src/platform/clock';

const api = useApi();

describe('reading an elder profile', () => {
  test('an elder reads their own profile, without the verification history', async () => {
    const { elder } = await createWorld();
    const response = await api.as(elder.elderId).get(`/elders/${elder.elderId}`);
    expect(response.status).toBe(200);
    expect(response.body.elder).toMatchObject({ elderId: elder.elderId, name: '王秀英', phone: '13807340001', communityName: '学院路社区' });
    expect(response.body.verificationHistory).toBeUndefined();
  });

  test('the age is computed in China time on the day asked', async () => {
    const { elder } = await createWorld();
    setClock('2026-05-11T15:59:59Z'); // 23:59:59 on 11 May in Shanghai
    expect((await api.as(elder.elderId).get(`/elders/${elder.elderId}`)).body.elder.age).toBe(84);
    setClock('2026-05-11T16:00:00Z'); // midnight, 12 May in Shanghai: the birthday
    expect((await api.as(elder.elderId).get(`/elders/${elder.elderId}`)).body.elder.age).toBe(85);
  });

  test('a bound family member reads the elder, without the verification history', async () => {
    const { elder, family } = await createWorld();
    const response = await api.as(family.userId).get(`/elders/${elder.elderId}`);
    expect(response.status).toBe(200);
    expect(response.body.elder.elderId).toBe(elder.elderId);
    expect(response.body.verificationHistory).toBeUndefined();
  });

  test('a worker of the community and the admin read the profile with its verification history', async () => {
    const { elder, worker, admin } = await createWorld();
    for (const reader of [worker.userId, admin.userId]) {
      const response = await api.as(reader).get(`/elders/${elder.elderId}`);
      expect(response.status).toBe(200);
      expect(response.body.elder.elderId).toBe(elder.elderId);
      expect(response.body.verificationHistory).toEqual([]);
    }
  });

  test('the admin reads an elder of any community', async () => {
    const { elderElsewhere, admin } = await createWorld();
    const response = await api.as(admin.userId).get(`/elders/${elderElsewhere.elderId}`);
    expect(response.status).toBe(200);
    expect(response.body.elder.communityName).toBe('东风社区');
  });

  test('an unbound relative is told the elder does not exist: the same 404 as for an id that does not exist', async () => {
    const { elder, otherFamily } = await createWorld();
    const hidden = await api.as(otherFamily.userId).get(`/elders/${elder.elderId}`);
    const missing = await api.as(otherFamily.userId).get(`/elders/${uniqueId('elder')}`);
    expect(hidden.status).toBe(404);
    expect(errorCode(hidden)).toBe('ELDER_NOT_FOUND');
    expect(hidden.body).toEqual(missing.body);
    expect(hidden.text).not.toContain('王秀英');
  });

  test('a worker of another community, and another elder, get 404 ELDER_NOT_FOUND', async () => {
    const { elder, neighbour, otherWorker } = await createWorld();
    for (const reader of [otherWorker.userId, neighbour.elderId]) {
      const response = await api.as(reader).get(`/elders/${elder.elderId}`);
      expect(response.status).toBe(404);
      expect(errorCode(response)).toBe('ELDER_NOT_FOUND');
    }
  });

  test('a volunteer may not read elder profiles at all (403 ROLE_NOT_ALLOWED)', async () => {
    const { elder, volunteer } = await createWorld();
    const response = await api.as(volunteer.userId).get(`/elders/${elder.elderId}`);
    expect(response.status).toBe(403);
    expect(errorCode(response)).toBe('ROLE_NOT_ALLOWED');
  });
});

describe('editing contact details', () => {
  const newContact = {
    phone: '0743-5221234',
    address: '学院路 8 号 2 栋 402',
    dietary: { lowSalt: false, lowSugar: true, softFood: false, allergies: '花生' },
    emergencyContacts: [{ name: '王磊', relation: '儿子', phone: '13907340009' }, { name: '王芳', relation: '女儿', phone: '13907340010' }],
  };

  test.each([
    ['the elder', 'elder'],
    ['a bound family member', 'family'],
    ['a worker of the community', 'worker'],
  ] as const)('%s may edit contact details; the change is stored and returned', async (_, who) => {
    const world = await createWorld();
    const editor = who === 'elder' ? world.elder.elderId : world[who].userId;
    setClock('2026-04-01T08:00:00.000Z');

    const response = await api.as(editor).patch(`/elders/${world.elder.elderId}/contact`, newContact);

    expect(response.status).toBe(200);
    expect(response.body.elder).toMatchObject({ ...newContact, updatedAt: '2026-04-01T08:00:00.000Z' });
    expect(await storedElder(world.elder.elderId)).toMatchObject({ ...newContact, updatedAt: '2026-04-01T08:00:00.000Z' });
  });

  test('a partial edit changes only the fields sent', async () => {
    const { elder } = await createWorld();
    const response = await api.as(elder.elderId).patch(`/elders/${elder.elderId}/contact`, { phone: ' 13912345678 ' });
    expect(response.status).toBe(200);
    const stored = await storedElder(elder.elderId);
    expect(stored).toMatchObject({ phone: '13912345678', address: elder.address, dietary: elder.dietary, emergencyContacts: elder.emergencyContacts });
  });

  test('emergency contacts can be cleared', async () => {
    const { elder } = await createWorld();
    const response = await api.as(elder.elderId).patch(`/elders/${elder.elderId}/contact`, { emergencyContacts: [] });
    expect(response.status).toBe(200);
    expect((await storedElder(elder.elderId))?.emergencyContacts).toEqual([]);
  });

  test('contact edits cannot touch verified facts: such fields are refused and nothing changes', async () => {
    const { elder, family } = await createWorld();
    const before = await tableItems();
    const response = await api.as(family.userId).patch(`/elders/${elder.elderId}/contact`, { phone: '13912345678', subsidyCategoryVerified: 'tekun' });
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('INVALID_INPUT');
    expect(await tableItems()).toEqual(before);
  });

  test.each([
    ['an unbound relative', 'otherFamily'],
    ['a worker of another community', 'otherWorker'],
  ] as const)('%s gets 404 ELDER_NOT_FOUND and nothing changes', async (_, who) => {
    const world = await createWorld();
    const before = await tableItems();
    const response = await api.as(world[who].userId).patch(`/elders/${world.elder.elderId}/contact`, { phone: '13912345678' });
    expect(response.status).toBe(404);
    expect(errorCode(response)).toBe('ELDER_NOT_FOUND');
    expect(await tableItems()).toEqual(before);
  });

  test('the admin may read but not edit contact details (403 ROLE_NOT_ALLOWED)', async () => {
    const { elder, admin } = await createWorld();
    const before = await storedElder(elder.elderId);
    const response = await api.as(admin.userId).patch(`/elders/${elder.elderId}/contact`, { phone: '13912345678' });
    expect(response.status).toBe(403);
    expect(errorCode(response)).toBe('ROLE_NOT_ALLOWED');
    expect(await storedElder(elder.elderId)).toEqual(before);
  });

  test('editing an elder who does not exist gives 404 and creates nothing', async () => {
    const { worker } = await createWorld();
    const before = await tableItems();
    const response = await api.as(worker.userId).patch(`/elders/${uniqueId('elder')}/contact`, { phone: '13912345678' });
    expect(response.status).toBe(404);
    expect(errorCode(response)).toBe('ELDER_NOT_FOUND');
    expect(await tableItems()).toEqual(before);
  });
});
