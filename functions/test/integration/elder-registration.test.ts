import { errorCode, useApi } from '../support/api';
import { createCommunity, createElder, createUser, createWorld, storedElder, tableItems, uniqueId } from '../support/seed';
import { auditOf, subjectOf } from '../../src/store/audit';
import { ElderIdentity, User } from '../../src/features/people/entities';
import { setClock } from '../../src/platform/clock';

const api = useApi();

const NOW = '2026-04-02T03:00:00.000Z';

/** A complete 建档 form, as the worker fills it in. */
const form = (overrides: Record<string, unknown> = {}) => ({
  name: '孙桂芳',
  sex: 'female',
  birthDate: '1940-03-08',
  phone: '0734-8123456',
  address: '学院路 8 号 1 栋 202',
  livingSituation: 'alone',
  ability: 'partlyDependent',
  subsidyCategory: 'dibao',
  subsidyProofNote: '低保证 尾号 0318',
  mobilityLimited: true,
  dietary: { lowSalt: true, lowSugar: true, softFood: false, allergies: '花生' },
  emergencyContacts: [{ name: '孙强', relation: '儿子', phone: '13907340011' }],
  idempotencyKey: uniqueId('reg'),
  ...overrides,
});

const registerPath = (communityId: string) => `/communities/${communityId}/elders`;

beforeEach(() => setClock(NOW));

describe('a worker registers an elder of their community (建档)', () => {
  test('every field is stored, the category counts as verified by the worker, and the audit event is written', async () => {
    const { home, worker } = await createWorld();
    const response = await api.as(worker.userId).post(registerPath(home.communityId), form());

    expect(response.status).toBe(201);
    const elderId = response.body.elder.elderId as string;
    expect(response.body.elder).toMatchObject({
      name: '孙桂芳',
      sex: 'female',
      birthDate: '1940-03-08',
      age: 86,
      phone: '0734-8123456',
      communityName: '学院路社区',
      livingSituation: 'alone',
      ability: 'partlyDependent',
      status: 'active',
      subsidyCategoryRequested: 'dibao',
      subsidyCategoryVerified: 'dibao',
      subsidyProofNote: '低保证 尾号 0318',
      verifiedBy: { userId: worker.userId, name: '刘晓燕', at: NOW },
    });
    expect(response.body.liveClaimCode).toBeNull();
    expect(await storedElder(elderId)).toMatchObject({
      communityId: home.communityId,
      centreId: home.centreId,
      address: '学院路 8 号 1 栋 202',
      mobilityLimited: true,
      dietary: { lowSalt: true, lowSugar: true, softFood: false, allergies: '花生' },
      emergencyContacts: [{ name: '孙强', relation: '儿子', phone: '13907340011' }],
      subsidyProofNote: '低保证 尾号 0318',
      verifiedByUserId: worker.userId,
      createdAt: NOW,
    });
    expect((await User.get({ userId: elderId }).go()).data).toMatchObject({ role: 'elder', name: '孙桂芳', communityId: home.communityId, countyId: home.countyId });
    expect((await ElderIdentity.query.byNameAndBirth({ countyId: home.countyId, name: '孙桂芳', birthDate: '1940-03-08' }).go()).data).toEqual([
      expect.objectContaining({ elderId, communityId: home.communityId }),
    ]);
    expect(await auditOf(subjectOf('elder', elderId))).toEqual([
      expect.objectContaining({ action: 'elder.register', actorId: worker.userId, actorName: '刘晓燕', actorRole: 'worker', at: NOW, concerns: elderId }),
    ]);
    // No national ID number is asked for, so none can be stored.
    const sent = await api.as(worker.userId).post(registerPath(home.communityId), form({ idNumber: '430102194003080021' }));
    expect([sent.status, errorCode(sent)]).toEqual([400, 'INVALID_INPUT']);
  });

  test('the proof of the category is for staff only: the elder does not see it', async () => {
    const { home, worker } = await createWorld();
    const { body } = await api.as(worker.userId).post(registerPath(home.communityId), form());
    const elderId = body.elder.elderId as string;
    const own = await api.as(elderId).get(`/elders/${elderId}`);
    expect(own.status).toBe(200);
    expect(own.body.elder.subsidyProofNote).toBeUndefined();
    expect(own.body.elder).toMatchObject({ livingSituation: 'alone', ability: 'partlyDependent', status: 'active' });
  });

  test('old elders, registered before these were asked, show null living situation and ability and are on the register', async () => {
    const { elder, worker } = await createWorld();
    const response = await api.as(worker.userId).get(`/elders/${elder.elderId}`);
    expect(response.body.elder).toMatchObject({ livingSituation: null, ability: null, status: 'active', subsidyProofNote: '' });
  });
});

describe('a likely duplicate is shown before saving, never silently added', () => {
  test('same name and birth date anywhere in the county: 409 with the matches and nothing written; confirmed as another person, it is registered', async () => {
    const { home, other, worker, otherWorker } = await createWorld();
    const first = await api.as(worker.userId).post(registerPath(home.communityId), form());
    expect(first.status).toBe(201);

    const before = await tableItems();
    const attempt = form({ address: '东风路 3 号' });
    const refused = await api.as(otherWorker.userId).post(registerPath(other.communityId), attempt);
    expect([refused.status, errorCode(refused)]).toEqual([409, 'LIKELY_DUPLICATE']);
    expect(refused.body.error.message).toContain('学院路社区');
    expect(refused.body.error.details.matches).toEqual([{ elderId: first.body.elder.elderId, name: '孙桂芳', age: 86, communityId: home.communityId, communityName: '学院路社区' }]);
    expect(await tableItems()).toEqual(before);

    const confirmed = await api.as(otherWorker.userId).post(registerPath(other.communityId), { ...attempt, notDuplicateOf: [first.body.elder.elderId] });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.elder.elderId).not.toBe(first.body.elder.elderId);
    expect(confirmed.body.elder.communityName).toBe('东风社区');
  });

  test('confirming one match does not let a second, unconfirmed one through', async () => {
    const { home, worker } = await createWorld();
    const first = await api.as(worker.userId).post(registerPath(home.communityId), form());
    const second = await api.as(worker.userId).post(registerPath(home.communityId), form({ notDuplicateOf: [first.body.elder.elderId] }));
    expect(second.status).toBe(201);
    const third = await api.as(worker.userId).post(registerPath(home.communityId), form({ notDuplicateOf: [first.body.elder.elderId] }));
    expect([third.status, errorCode(third)]).toEqual([409, 'LIKELY_DUPLICATE']);
    expect(third.body.error.details.matches.map((match: { elderId: string }) => match.elderId)).toEqual([second.body.elder.elderId]);
  });

  test('the same name in another county is no duplicate', async () => {
    const { home, worker } = await createWorld();
    const elsewhere = await createCommunity('河西社区');
    const theirWorker = await createUser('worker', { communityId: elsewhere.communityId });
    expect((await api.as(theirWorker.userId).post(registerPath(elsewhere.communityId), form())).status).toBe(201);
    expect((await api.as(worker.userId).post(registerPath(home.communityId), form())).status).toBe(201);
  });
});

describe('a retried registration gives the same elder once', () => {
  test('the same key and form, sent again and at once, answer the same elder; one record is written', async () => {
    const { home, worker } = await createWorld();
    const body = form();
    const [a, b] = await Promise.all([api.as(worker.userId).post(registerPath(home.communityId), body), api.as(worker.userId).post(registerPath(home.communityId), body)]);
    const again = await api.as(worker.userId).post(registerPath(home.communityId), body);
    const answers = [a, b, again];
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    const ids = new Set(answers.map((answer) => answer.body.elder.elderId));
    expect(ids.size).toBe(1);
    const identities = await ElderIdentity.query.byNameAndBirth({ countyId: home.countyId, name: '孙桂芳', birthDate: '1940-03-08' }).go();
    expect(identities.data).toHaveLength(1);
  });

  test('a retry after success is answered with the same elder, even though it now looks like its own duplicate', async () => {
    const { home, worker } = await createWorld();
    const body = form();
    const first = await api.as(worker.userId).post(registerPath(home.communityId), body);
    const before = await tableItems();
    const retry = await api.as(worker.userId).post(registerPath(home.communityId), body);
    expect(retry.status).toBe(201);
    expect(retry.body.elder.elderId).toBe(first.body.elder.elderId);
    expect(await tableItems()).toEqual(before);
  });

  test('the same key with another form is refused (409 IDEMPOTENCY_KEY_REUSED)', async () => {
    const { home, worker } = await createWorld();
    const body = form();
    await api.as(worker.userId).post(registerPath(home.communityId), body);
    const changed = await api.as(worker.userId).post(registerPath(home.communityId), { ...body, phone: '13807340099' });
    expect([changed.status, errorCode(changed)]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
  });
});

describe('bad input is refused per field, and nothing is written', () => {
  test.each([
    ['a birth date in the future', { birthDate: '2026-04-03' }, 'BIRTH_DATE_INVALID', 'birthDate', '出生日期不能晚于今天'],
    ['a birth date 121 years ago', { birthDate: '1905-04-02' }, 'BIRTH_DATE_INVALID', 'birthDate', '出生日期不能早于 120 年前'],
    ['a phone that is no mainland number', { phone: '12345678901' }, 'INVALID_INPUT', 'phone', '手机号是 1 开头的 11 位数字'],
    ['no sex', { sex: undefined }, 'INVALID_INPUT', 'sex', '性别只能选 男 或 女'],
    ['an unknown living situation', { livingSituation: 'hotel' }, 'INVALID_INPUT', 'livingSituation', '居住情况只能是'],
    ['an emergency contact with a bad phone', { emergencyContacts: [{ name: '孙强', relation: '儿子', phone: '123' }] }, 'INVALID_INPUT', 'emergencyContacts.0.phone', '紧急联系人 1：'],
  ])('%s: 400 naming the field', async (_, change, code, field, message) => {
    const { home, worker } = await createWorld();
    const before = await tableItems();
    const response = await api.as(worker.userId).post(registerPath(home.communityId), form(change));
    expect([response.status, errorCode(response)]).toEqual([400, code]);
    expect(response.body.error.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.stringContaining(message) })]));
    expect(await tableItems()).toEqual(before);
  });

  test('120 years ago to the day is still accepted', async () => {
    const { home, worker } = await createWorld();
    const response = await api.as(worker.userId).post(registerPath(home.communityId), form({ birthDate: '1906-04-02' }));
    expect(response.status).toBe(201);
    expect(response.body.elder.age).toBe(120);
  });
});

describe('who may register', () => {
  test("another community's worker, and a community of another county, are refused (404) and nothing is written", async () => {
    const { home, otherWorker } = await createWorld();
    const elsewhere = await createCommunity('河西社区');
    const before = await tableItems();
    for (const communityId of [home.communityId, elsewhere.communityId, uniqueId('comm')]) {
      const response = await api.as(otherWorker.userId).post(registerPath(communityId), form());
      expect([response.status, errorCode(response)]).toEqual([404, 'COMMUNITY_NOT_FOUND']);
    }
    expect(await tableItems()).toEqual(before);
  });

  test('the county admin, elders, relatives and volunteers may not register (403 ROLE_NOT_ALLOWED)', async () => {
    const { home, admin, elder, family, volunteer } = await createWorld();
    for (const caller of [admin.userId, elder.elderId, family.userId, volunteer.userId]) {
      const response = await api.as(caller).post(registerPath(home.communityId), form());
      expect([response.status, errorCode(response)]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    }
  });
});

describe("the community's elder list filters by ability, living alone and category", () => {
  test('each filter alone, combined with each other and with name and pending', async () => {
    const community = await createCommunity('学院路社区');
    const worker = await createUser('worker', { communityId: community.communityId });
    await Promise.all([
      createElder(community, { name: '王秀英', ability: 'dependent', livingSituation: 'alone', subsidyCategoryVerified: 'tekun' }),
      createElder(community, { name: '王建国', ability: 'independent', livingSituation: 'alone', subsidyCategoryVerified: 'dibao' }),
      createElder(community, { name: '李桂兰', ability: 'dependent', livingSituation: 'withFamily', subsidyCategoryRequested: 'dibao' }),
      createElder(community, { name: '张德福', ability: 'partlyDependent', livingSituation: 'emptyNest', subsidyCategoryVerified: 'normal' }),
      createElder(community, { name: '赵老人', subsidyCategoryRequested: 'normal' }),
    ]);
    const names = async (query: string) => {
      const response = await api.as(worker.userId).get(`/communities/${community.communityId}/elders?${query}`);
      expect(response.status).toBe(200);
      expect(response.body.cursor).toBeNull();
      return response.body.items.map((elder: { name: string }) => elder.name).sort();
    };
    expect(await names('ability=dependent')).toEqual(['李桂兰', '王秀英']);
    expect(await names('livingSituation=alone')).toEqual(['王建国', '王秀英']);
    expect(await names('category=dibao')).toEqual(['王建国']);
    expect(await names('ability=dependent&livingSituation=alone')).toEqual(['王秀英']);
    expect(await names(`livingSituation=alone&name=${encodeURIComponent('建')}`)).toEqual(['王建国']);
    // Waiting for verification, the category asked for is the one that counts.
    expect(await names('pending=1&category=dibao')).toEqual(['李桂兰']);
    expect(await names('pending=1&ability=dependent')).toEqual(['李桂兰']);

    const listed = await api.as(worker.userId).get(`/communities/${community.communityId}/elders?ability=partlyDependent`);
    expect(listed.body.items[0]).toMatchObject({ name: '张德福', ability: 'partlyDependent', livingSituation: 'emptyNest', status: 'active' });
    for (const wrong of ['ability=bedridden', 'livingSituation=alone1', 'category=vip']) {
      const refused = await api.as(worker.userId).get(`/communities/${community.communityId}/elders?${wrong}`);
      expect([refused.status, errorCode(refused)]).toEqual([400, 'INVALID_INPUT']);
    }
  });
});
