import { errorCode, useApi } from '../support/api';
import { createCommunity, createElder, createUser, uniqueId } from '../support/seed';

const api = useApi();

async function communityWithElders(count: number) {
  const community = await createCommunity('学院路社区');
  const worker = await createUser('worker', { communityId: community.communityId });
  const elders = await Promise.all(Array.from({ length: count }, (_, i) => createElder(community, { name: `长辈${i}` })));
  return { community, worker, elders };
}

const listPath = (communityId: string, query = '') => `/communities/${communityId}/elders${query}`;
const base64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe("a worker's list of the elders of their community", () => {
  test('lists the elders of the community as summaries, not full profiles', async () => {
    const { community, worker, elders } = await communityWithElders(2);
    const response = await api.as(worker.userId).get(listPath(community.communityId));
    expect(response.status).toBe(200);
    expect(response.body.cursor).toBeNull();
    expect(response.body.items.map((item: { elderId: string }) => item.elderId).sort()).toEqual(elders.map((e) => e.elderId).sort());
    expect(response.body.items[0]).toEqual({
      elderId: expect.any(String),
      name: expect.any(String),
      sex: null,
      age: expect.any(Number),
      communityName: '学院路社区',
      subsidyCategoryVerified: null,
      mobilityLimited: false,
      livingSituation: null,
      ability: null,
      status: 'active',
    });
    expect(response.text).not.toContain('13807340001');
  });

  test('pages with limit and cursor: every elder exactly once, never more than the limit per page', async () => {
    const { community, worker, elders } = await communityWithElders(7);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await api.as(worker.userId).get(listPath(community.communityId, query));
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...response.body.items.map((item: { elderId: string }) => item.elderId));
      cursor = response.body.cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen.sort()).toEqual(elders.map((e) => e.elderId).sort());
  });

  test('elders of other communities never appear', async () => {
    const { community, worker } = await communityWithElders(1);
    const elsewhere = await communityWithElders(2);
    const response = await api.as(worker.userId).get(listPath(community.communityId, '?limit=50'));
    const ids = response.body.items.map((item: { elderId: string }) => item.elderId);
    for (const elder of elsewhere.elders) expect(ids).not.toContain(elder.elderId);
  });

  test('the default page holds 20', async () => {
    const { community, worker } = await communityWithElders(21);
    const response = await api.as(worker.userId).get(listPath(community.communityId));
    expect(response.body.items).toHaveLength(20);
    expect(response.body.cursor).toEqual(expect.any(String));
  });

  test('a worker of another community gets 404 COMMUNITY_NOT_FOUND', async () => {
    const { community } = await communityWithElders(1);
    const outsider = await communityWithElders(0);
    const response = await api.as(outsider.worker.userId).get(listPath(community.communityId));
    expect([response.status, errorCode(response)]).toEqual([404, 'COMMUNITY_NOT_FOUND']);
    expect(response.body.items).toBeUndefined();
  });

  test('the admin lists any community of their county; another county’s, or one that does not exist, is 404', async () => {
    const { community, elders } = await communityWithElders(2);
    const elsewhere = await communityWithElders(1);
    const admin = await createUser('admin', { countyId: community.countyId });
    const response = await api.as(admin.userId).get(listPath(community.communityId));
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(elders.length);
    for (const communityId of [elsewhere.community.communityId, uniqueId('comm')]) {
      const refused = await api.as(admin.userId).get(listPath(communityId));
      expect([refused.status, errorCode(refused)]).toEqual([404, 'COMMUNITY_NOT_FOUND']);
      expect(refused.body.items).toBeUndefined();
    }
  });

  test('elders, relatives and volunteers may not list (403 ROLE_NOT_ALLOWED)', async () => {
    const { community, elders } = await communityWithElders(1);
    const family = await createUser('family');
    const volunteer = await createUser('volunteer', { communityId: community.communityId });
    for (const caller of [elders[0].elderId, family.userId, volunteer.userId]) {
      const response = await api.as(caller).get(listPath(community.communityId));
      expect([response.status, errorCode(response)]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    }
  });

  test.each(['0', '51', 'abc'])('limit=%s is refused with 400 INVALID_INPUT', async (limit) => {
    const { community, worker } = await communityWithElders(0);
    const response = await api.as(worker.userId).get(listPath(community.communityId, `?limit=${limit}`));
    expect([response.status, errorCode(response)]).toEqual([400, 'INVALID_INPUT']);
  });

  test('an unknown query parameter is refused with 400 INVALID_INPUT', async () => {
    const { community, worker } = await communityWithElders(0);
    const response = await api.as(worker.userId).get(listPath(community.communityId, '?limit=2&role=admin'));
    expect([response.status, errorCode(response)]).toEqual([400, 'INVALID_INPUT']);
  });
});

describe('a cursor the API did not issue is refused with 400 INVALID_CURSOR', () => {
  async function listWithCursor(cursor: string) {
    const { community, worker } = await communityWithElders(3);
    return api.as(worker.userId).get(listPath(community.communityId, `?limit=1&cursor=${encodeURIComponent(cursor)}`));
  }

  function expectInvalidCursor(response: Awaited<ReturnType<typeof listWithCursor>>) {
    expect([response.status, errorCode(response)]).toEqual([400, 'INVALID_CURSOR']);
    expect(response.body.error.message).toBe('翻页参数不对，请从第一页重新加载。');
  }

  test.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['base64 of text', base64url('hello')],
  ])('%s', async (_, cursor) => {
    expectInvalidCursor(await listWithCursor(cursor));
  });

  // A cursor that decodes to JSON reaches DynamoDB, which refuses the start key: still the caller's mistake.
  test.each([
    ['JSON of the wrong shape', base64url({ foo: 'bar' })],
    ['a JSON array', base64url([1, 2, 3])],
    ['JSON with non-string keys', base64url({ pk: 1, sk: 2, gsi1pk: 3, gsi1sk: 4 })],
  ])('%s', async (_, cursor) => {
    expectInvalidCursor(await listWithCursor(cursor));
  });

  async function foreignCursorListing() {
    const { community, worker } = await communityWithElders(3);
    const elsewhere = await communityWithElders(3);
    const admin = await createUser('admin', { countyId: elsewhere.community.countyId });
    const foreign = await api.as(admin.userId).get(listPath(elsewhere.community.communityId, '?limit=1'));
    expect(foreign.body.cursor).toEqual(expect.any(String));
    const response = await api.as(worker.userId).get(listPath(community.communityId, `?limit=2&cursor=${encodeURIComponent(foreign.body.cursor)}`));
    return { response, elsewhere };
  }

  test("a cursor taken from another community's list never reveals that community's elders", async () => {
    const { response, elsewhere } = await foreignCursorListing();
    const ids = (response.body.items ?? []).map((item: { elderId: string }) => item.elderId);
    for (const elder of elsewhere.elders) expect(ids).not.toContain(elder.elderId);
    expect(response.text).not.toContain(elsewhere.elders[0].elderId);
  });

  test("a cursor taken from another community's list is refused as INVALID_CURSOR", async () => {
    const { response } = await foreignCursorListing();
    expectInvalidCursor(response);
  });
});

describe('finding an elder on a busy morning', () => {
  test('by part of the name, and only those waiting for verification; every match at once', async () => {
    const community = await createCommunity('学院路社区');
    const worker = await createUser('worker', { communityId: community.communityId });
    await Promise.all([
      createElder(community, { name: '王秀英', subsidyCategoryVerified: 'dibao' }),
      createElder(community, { name: '王建国' }),
      createElder(community, { name: '李桂兰' }),
      ...Array.from({ length: 25 }, (_, i) => createElder(community, { name: `张${i}号`, subsidyCategoryVerified: 'normal' })),
    ]);
    const named = await api.as(worker.userId).get(listPath(community.communityId, `?name=${encodeURIComponent('王')}&limit=2`));
    expect(named.status).toBe(200);
    expect(named.body.items.map((elder: { name: string }) => elder.name).sort()).toEqual(['王建国', '王秀英']);
    expect(named.body.cursor).toBeNull();
    const pending = await api.as(worker.userId).get(listPath(community.communityId, '?pending=1'));
    expect(pending.body.items.map((elder: { name: string }) => elder.name).sort()).toEqual(['李桂兰', '王建国']);
    const both = await api.as(worker.userId).get(listPath(community.communityId, `?pending=1&name=${encodeURIComponent('王')}`));
    expect(both.body.items.map((elder: { name: string }) => elder.name)).toEqual(['王建国']);
    const wrong = await api.as(worker.userId).get(listPath(community.communityId, '?pending=yes'));
    expect([wrong.status, errorCode(wrong)]).toEqual([400, 'INVALID_INPUT']);
  });
});
