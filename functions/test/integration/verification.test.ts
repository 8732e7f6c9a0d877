import { errorCode, useApi } from '../support/api';
import { createUser, createWorld, storedElder, tableItems } from '../support/seed';
import { setClock } from '../../src/platform/clock';
import { eldersNamed } from '../../src/features/people/data/elders';

const api = useApi();

const facts = { birthDate: '1941-05-21', subsidyCategory: 'dibao', mobilityLimited: true };

describe('verifying an elder (birth date, subsidy category, mobility)', () => {
  test('a worker of the community verifies; the facts and who verified them are stored', async () => {
    const { elder, worker } = await createWorld();
    setClock('2026-04-02T03:00:00.000Z');

    const response = await api.as(worker.userId).put(`/elders/${elder.elderId}/verification`, facts);

    expect(response.status).toBe(200);
    expect(response.body.elder).toMatchObject({
      birthDate: '1941-05-21',
      subsidyCategoryVerified: 'dibao',
      mobilityLimited: true,
      verifiedBy: { userId: worker.userId, name: '刘晓燕', at: '2026-04-02T03:00:00.000Z' },
    });
    expect(await storedElder(elder.elderId)).toMatchObject({
      birthDate: '1941-05-21',
      subsidyCategoryVerified: 'dibao',
      subsidyCategoryRequested: 'dibao',
      mobilityLimited: true,
      verifiedByUserId: worker.userId,
      verifiedByName: '刘晓燕',
      verifiedAt: '2026-04-02T03:00:00.000Z',
      updatedAt: '2026-04-02T03:00:00.000Z',
    });
  });

  test('the history keeps who changed which field, when, from what and to what, newest first', async () => {
    const { elder, worker, admin } = await createWorld();
    setClock('2026-04-02T03:00:00.000Z');
    await api.as(worker.userId).put(`/elders/${elder.elderId}/verification`, facts);
    setClock('2026-04-03T03:00:00.000Z');
    await api.as(worker.userId).put(`/elders/${elder.elderId}/verification`, { ...facts, subsidyCategory: 'tekun' });

    const response = await api.as(admin.userId).get(`/elders/${elder.elderId}`);

    const [latest, ...earlier] = response.body.verificationHistory;
    expect(latest).toEqual({ field: 'subsidyCategory', from: 'dibao', to: 'tekun', byUserId: worker.userId, byName: '刘晓燕', at: '2026-04-03T03:00:00.000Z' });
    // The entries of one verification share its moment; their order among themselves is not a rule.
    expect(earlier).toEqual(
      expect.arrayContaining(
        [
          { field: 'birthDate', from: '1941-05-12', to: '1941-05-21' },
          { field: 'subsidyCategory', from: null, to: 'dibao' },
          { field: 'mobilityLimited', from: false, to: true },
        ].map((change) => ({ ...change, byUserId: worker.userId, byName: '刘晓燕', at: '2026-04-02T03:00:00.000Z' })),
      ),
    );
    expect(response.body.verificationHistory).toHaveLength(4);
  });

  test('the sex from the ID card is recorded once checked, with its history entry; a form without it keeps it', async () => {
    const { elder, worker } = await createWorld();
    const response = await api.as(worker.userId).put(`/elders/${elder.elderId}/verification`, { ...facts, sex: 'female' });
    expect(response.body.elder.sex).toBe('female');
    expect(response.body.verificationHistory).toContainEqual(expect.objectContaining({ field: 'sex', from: null, to: 'female' }));
    const again = await api.as(worker.userId).put(`/elders/${elder.elderId}/verification`, facts);
    expect(again.body.elder.sex).toBe('female');
    const wrong = await api.as(worker.userId).put(`/elders/${elder.elderId}/verification`, { ...facts, sex: 'unknown' });
    expect([wrong.status, errorCode(wrong), wrong.body.error.message]).toEqual([400, 'INVALID_INPUT', expect.stringContaining('性别只能选 男 或 女')]);
  });

  test("a corrected birth date moves the elder's entry in the county's name-and-birth-date list, so duplicates are still found", async () => {
    const { elder, worker, home } = await createWorld();
    await api.as(worker.userId).put(`/elders/${elder.elderId}/verification`, facts);
    expect((await eldersNamed(home.countyId, elder.name, '1941-05-21')).map((found) => found.elderId)).toEqual([elder.elderId]);
    expect(await eldersNamed(home.countyId, elder.name, elder.birthDate)).toEqual([]);
  });

  test('confirming unchanged facts adds no history entry', async () => {
    const { elder, worker } = await createWorld();
    await api.as(worker.userId).put(`/elders/${elder.elderId}/verification`, facts);
    const again = await api.as(worker.userId).put(`/elders/${elder.elderId}/verification`, facts);
    expect(again.status).toBe(200);
    expect(again.body.verificationHistory).toHaveLength(3);
  });

  test.each([
    ['the elder', 'elder'],
    ['a bound family member', 'family'],
    ['the admin', 'admin'],
  ] as const)('%s may not verify (403 ROLE_NOT_ALLOWED) and nothing changes', async (_, who) => {
    const world = await createWorld();
    const caller = who === 'elder' ? world.elder.elderId : world[who].userId;
    const before = await tableItems();
    const response = await api.as(caller).put(`/elders/${world.elder.elderId}/verification`, facts);
    expect(response.status).toBe(403);
    expect(errorCode(response)).toBe('ROLE_NOT_ALLOWED');
    expect(await tableItems()).toEqual(before);
  });

  test('a worker of another community gets 404 ELDER_NOT_FOUND and nothing changes', async () => {
    const { elder, otherWorker } = await createWorld();
    const before = await tableItems();
    const response = await api.as(otherWorker.userId).put(`/elders/${elder.elderId}/verification`, facts);
    expect(response.status).toBe(404);
    expect(errorCode(response)).toBe('ELDER_NOT_FOUND');
    expect(await tableItems()).toEqual(before);
  });

  test('a birth date in the future is refused with 400 BIRTH_DATE_INVALID and nothing changes', async () => {
    const { elder, worker } = await createWorld();
    setClock('2026-04-02T03:00:00.000Z');
    const before = await tableItems();
    const response = await api.as(worker.userId).put(`/elders/${elder.elderId}/verification`, { ...facts, birthDate: '2026-04-03' });
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('BIRTH_DATE_INVALID');
    expect(response.body.error.message).toBe('出生日期不能晚于今天。');
    expect(response.body.error.details).toEqual({ fields: [{ field: 'birthDate', message: '出生日期不能晚于今天' }] });
    expect(await tableItems()).toEqual(before);
  });

  test("today's date in China is not in the future, even while it is still yesterday in UTC", async () => {
    const { elder, worker } = await createWorld();
    setClock('2026-04-02T17:00:00.000Z'); // 01:00 on 3 April in Shanghai
    const response = await api.as(worker.userId).put(`/elders/${elder.elderId}/verification`, { ...facts, birthDate: '2026-04-03' });
    expect(response.status).toBe(200);
  });

  test('an implausibly early birth date is refused and nothing changes', async () => {
    const { elder, worker } = await createWorld();
    const before = await tableItems();
    const response = await api.as(worker.userId).put(`/elders/${elder.elderId}/verification`, { ...facts, birthDate: '1890-01-01' });
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('BIRTH_DATE_INVALID');
    expect(await tableItems()).toEqual(before);
  });

  test('two workers verifying at the same moment: every stored history entry matches the facts finally stored', async () => {
    const { elder, worker, home } = await createWorld();
    const colleague = await createUser('worker', { communityId: home.communityId, name: '向海燕' });
    const results = await Promise.all([
      api.as(worker.userId).put(`/elders/${elder.elderId}/verification`, { ...facts, subsidyCategory: 'dibao' }),
      api.as(colleague.userId).put(`/elders/${elder.elderId}/verification`, { ...facts, subsidyCategory: 'tekun' }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect([[200, 200], [200, 409]]).toContainEqual(statuses);
    for (const loser of results.filter((r) => r.status === 409)) expect(errorCode(loser)).toBe('PROFILE_CHANGED');
    const stored = await storedElder(elder.elderId);
    const history = (await api.as(worker.userId).get(`/elders/${elder.elderId}`)).body.verificationHistory;
    const latestCategory = history.find((change: { field: string }) => change.field === 'subsidyCategory');
    expect(latestCategory.to).toBe(stored?.subsidyCategoryVerified);
    expect(latestCategory.byUserId).toBe(stored?.verifiedByUserId);
  });
});
