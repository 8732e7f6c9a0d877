import crypto from 'node:crypto';
import { BindingCode } from '../../src/features/people/entities';
import { setClock } from '../../src/platform/clock';
import { errorCode, tokenFor, useApi } from '../support/api';
import { bind, createUser, createWorld, storedBinding, storedBindingCode, tableItems, tableItemsButAttempts } from '../support/seed';

const api = useApi();

async function newCode(elderId: string, by = elderId): Promise<string> {
  const response = await api.as(by).post(`/elders/${elderId}/binding-codes`);
  expect(response.status).toBe(201);
  return response.body.code;
}

describe('binding codes', () => {
  test('an elder creates a 6-digit code valid for 24 hours, stored unused with a TTL', async () => {
    const { elder } = await createWorld();
    setClock('2026-04-01T08:00:00.000Z');
    const response = await api.as(elder.elderId).post(`/elders/${elder.elderId}/binding-codes`);

    expect(response.status).toBe(201);
    expect(response.body.code).toMatch(/^\d{6}$/);
    expect(response.body.expiresAt).toBe('2026-04-02T08:00:00.000Z');
    const stored = await storedBindingCode(response.body.code);
    expect(stored).toEqual({
      code: response.body.code,
      elderId: elder.elderId,
      createdBy: elder.elderId,
      createdAt: '2026-04-01T08:00:00.000Z',
      expiresAt: Date.parse('2026-04-02T08:00:00.000Z') / 1000,
      purpose: 'family',
    });
  });

  test("a worker of the elder's community may create a code on the elder's behalf", async () => {
    const { elder, worker } = await createWorld();
    const code = await newCode(elder.elderId, worker.userId);
    expect((await storedBindingCode(code))?.createdBy).toBe(worker.userId);
  });

  test('nobody else creates codes: a relative by role (403), another elder or a foreign worker as not found (404)', async () => {
    const { elder, neighbour, family, otherWorker } = await createWorld();
    const before = await tableItems();
    const byFamily = await api.as(family.userId).post(`/elders/${elder.elderId}/binding-codes`);
    expect([byFamily.status, errorCode(byFamily)]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    for (const caller of [neighbour.elderId, otherWorker.userId]) {
      const response = await api.as(caller).post(`/elders/${elder.elderId}/binding-codes`);
      expect([response.status, errorCode(response)]).toEqual([404, 'ELDER_NOT_FOUND']);
    }
    expect(await tableItems()).toEqual(before);
  });

  describe('drawing a code that is already taken', () => {
    // The draw is random; here it is made to collide on purpose.
    let draw: jest.SpyInstance;
    beforeEach(() => {
      draw = jest.spyOn(crypto, 'randomInt') as unknown as jest.SpyInstance;
    });
    afterEach(() => draw.mockRestore());

    test('a code still valid for another elder is never overwritten: a new code is drawn', async () => {
      const { elder, neighbour } = await createWorld();
      draw.mockReturnValueOnce(123456).mockReturnValueOnce(123456).mockReturnValueOnce(654321);
      expect(await newCode(elder.elderId)).toBe('123456');

      expect(await newCode(neighbour.elderId)).toBe('654321');

      expect((await storedBindingCode('123456'))?.elderId).toBe(elder.elderId);
      expect((await storedBindingCode('654321'))?.elderId).toBe(neighbour.elderId);
    });

    test('an expired code not yet removed by TTL may be drawn again, fresh and unused', async () => {
      const { elder, neighbour, otherFamily } = await createWorld();
      const now = Date.now();
      setClock(new Date(now));
      draw.mockReturnValueOnce(777777);
      await newCode(elder.elderId);
      await BindingCode.patch({ code: '777777' }).set({ usedBy: otherFamily.userId }).go();
      setClock(new Date(now + 25 * 3600 * 1000));
      draw.mockReturnValueOnce(777777);

      expect(await newCode(neighbour.elderId)).toBe('777777');

      const reused = await storedBindingCode('777777');
      expect(reused).toMatchObject({ elderId: neighbour.elderId, expiresAt: Math.floor(now / 1000) + 49 * 3600 });
      expect(reused).not.toHaveProperty('usedBy');
    });
  });
});

describe('redeeming a code', () => {
  test('a relative redeems a code: bound, told whom, the code marked used, and the elder appears in /me', async () => {
    const { elder, otherFamily } = await createWorld();
    const code = await newCode(elder.elderId);

    const response = await api.as(otherFamily.userId).post('/bindings', { code, relation: 'son' });

    expect(response.status).toBe(201);
    expect(response.body.elder).toMatchObject({ elderId: elder.elderId, name: '王秀英', communityName: '学院路社区' });
    expect(await storedBinding(elder.elderId, otherFamily.userId)).toMatchObject({ familyName: '陈静' });
    expect((await storedBindingCode(code))?.usedBy).toBe(otherFamily.userId);
    const me = await api.as(otherFamily.userId).get('/me');
    expect(me.body.boundElders.map((e: { elderId: string }) => e.elderId)).toEqual([elder.elderId]);
    expect((await api.as(otherFamily.userId).get(`/elders/${elder.elderId}`)).status).toBe(200);
  });

  test('spaces around the code are forgiven', async () => {
    const { elder, otherFamily } = await createWorld();
    const code = await newCode(elder.elderId);
    expect((await api.as(otherFamily.userId).post('/bindings', { code: ` ${code} `, relation: 'son' })).status).toBe(201);
  });

  test('a used code cannot be used again: 410 BINDING_CODE_USED, and nothing changes', async () => {
    const { elder, otherFamily } = await createWorld();
    const latecomer = await createUser('family', { name: '王芳' });
    const code = await newCode(elder.elderId);
    await api.as(otherFamily.userId).post('/bindings', { code, relation: 'son' });
    const before = await tableItemsButAttempts();

    const response = await api.as(latecomer.userId).post('/bindings', { code, relation: 'son' });

    expect(response.status).toBe(410);
    expect(errorCode(response)).toBe('BINDING_CODE_USED');
    expect(await storedBinding(elder.elderId, latecomer.userId)).toBeNull();
    expect(await tableItemsButAttempts()).toEqual(before);
  });

  test('a code is refused 24 hours after it was made: 410 BINDING_CODE_EXPIRED, and it stays unused', async () => {
    const { elder, otherFamily } = await createWorld();
    const now = Date.now();
    setClock(new Date(now));
    const code = await newCode(elder.elderId);
    setClock(new Date(now + 25 * 3600 * 1000));

    const response = await api.as(otherFamily.userId).post('/bindings', { code, relation: 'son' });

    expect(response.status).toBe(410);
    expect(errorCode(response)).toBe('BINDING_CODE_EXPIRED');
    expect(response.body.error.message).toContain('24 小时');
    expect(await storedBinding(elder.elderId, otherFamily.userId)).toBeNull();
    expect((await storedBindingCode(code))?.usedBy).toBeUndefined();
  });

  test('a code still works just before its 24 hours are up', async () => {
    const { elder, otherFamily } = await createWorld();
    const now = Date.now();
    setClock(new Date(now));
    const code = await newCode(elder.elderId);
    setClock(new Date(now + 24 * 3600 * 1000 - 2000));
    expect((await api.as(otherFamily.userId).post('/bindings', { code, relation: 'son' })).status).toBe(201);
  });

  test('an unknown code gives 404 BINDING_CODE_NOT_FOUND and nothing is stored', async () => {
    const { otherFamily } = await createWorld();
    const before = await tableItemsButAttempts();
    const taken = new Set(before.filter((item) => item.__edb_e__ === 'bindingCode').map((item) => item.code));
    const unknown = ['000000', '999999', '123456', '654321'].find((code) => !taken.has(code))!;
    const response = await api.as(otherFamily.userId).post('/bindings', { code: unknown, relation: 'son' });
    expect(response.status).toBe(404);
    expect(errorCode(response)).toBe('BINDING_CODE_NOT_FOUND');
    expect(await tableItemsButAttempts()).toEqual(before);
  });

  test('a relative already bound gets 409 ALREADY_BOUND and the code stays unused for someone else', async () => {
    const { elder, family, otherFamily } = await createWorld();
    const code = await newCode(elder.elderId);
    const bindingBefore = await storedBinding(elder.elderId, family.userId);

    const response = await api.as(family.userId).post('/bindings', { code, relation: 'son' });

    expect(response.status).toBe(409);
    expect(errorCode(response)).toBe('ALREADY_BOUND');
    expect(await storedBindingCode(code)).not.toHaveProperty('usedBy');
    expect(await storedBinding(elder.elderId, family.userId)).toEqual(bindingBefore);
    expect((await api.as(otherFamily.userId).post('/bindings', { code, relation: 'son' })).status).toBe(201);
  });

  test('a code for an elder whose profile is gone gives 404 and binds nobody', async () => {
    const { otherFamily } = await createWorld();
    await BindingCode.put({ code: '424242', elderId: 'elder-gone', createdBy: 'elder-gone', createdAt: new Date().toISOString(), expiresAt: Math.floor(Date.now() / 1000) + 3600 }).go();
    const response = await api.as(otherFamily.userId).post('/bindings', { code: '424242', relation: 'son' });
    expect(response.status).toBe(404);
    expect(errorCode(response)).toBe('BINDING_CODE_NOT_FOUND');
    expect(await storedBinding('elder-gone', otherFamily.userId)).toBeNull();
  });

  test('only relatives redeem codes: an elder or a worker gets 403 ROLE_NOT_ALLOWED', async () => {
    const { elder, neighbour, worker } = await createWorld();
    const code = await newCode(elder.elderId);
    for (const caller of [neighbour.elderId, worker.userId]) {
      const response = await api.as(caller).post('/bindings', { code, relation: 'son' });
      expect([response.status, errorCode(response)]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    }
    expect(await storedBindingCode(code)).not.toHaveProperty('usedBy');
  });

  test('ten relatives entering the same code at the same moment: exactly one is bound', async () => {
    const { elder } = await createWorld();
    const relatives = await Promise.all(Array.from({ length: 10 }, (_, i) => createUser('family', { name: `家属${i}` })));
    const code = await newCode(elder.elderId);
    // Tokens first, so that the ten requests leave together.
    const tokens = await Promise.all(relatives.map((relative) => tokenFor(relative.userId)));

    const responses = await Promise.all(tokens.map((token) => api.as(token).post('/bindings', { code, relation: 'son' })));

    const winners = responses.flatMap((response, i) => (response.status === 201 ? [relatives[i].userId] : []));
    expect(winners).toHaveLength(1);
    for (const loser of responses.filter((r) => r.status !== 201)) {
      expect([loser.status, errorCode(loser)]).toEqual([410, 'BINDING_CODE_USED']);
    }
    const relativeIds = new Set(relatives.map((relative) => relative.userId));
    const newBindings = (await tableItems()).filter((item) => item.__edb_e__ === 'binding' && relativeIds.has(item.familyId as string));
    expect(newBindings.map((binding) => binding.familyId)).toEqual(winners);
    expect((await storedBindingCode(code))?.usedBy).toBe(winners[0]);
  });
});

describe('listing and removing bindings', () => {
  test('an elder lists their relatives', async () => {
    const { elder, family } = await createWorld();
    const response = await api.as(elder.elderId).get(`/elders/${elder.elderId}/bindings`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [{ familyId: family.userId, name: '王磊', relation: null, boundAt: expect.any(String) }], cursor: null, liveCode: null });
  });

  test('the list pages through many relatives without repeats', async () => {
    const { elder } = await createWorld();
    for (let i = 0; i < 4; i++) {
      const relative = await createUser('family', { name: `家属${i}` });
      await bind(elder.elderId, relative);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
      const response = await api.as(elder.elderId).get(`/elders/${elder.elderId}/bindings${query}`);
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...response.body.items.map((item: { familyId: string }) => item.familyId));
      cursor = response.body.cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  test('a cursor that is not even JSON is refused with 400 INVALID_CURSOR', async () => {
    const { elder } = await createWorld();
    const response = await api.as(elder.elderId).get(`/elders/${elder.elderId}/bindings?cursor=garbage`);
    expect([response.status, errorCode(response)]).toEqual([400, 'INVALID_CURSOR']);
  });

  test("a cursor from another elder's list is refused with 400 INVALID_CURSOR", async () => {
    const { elder, neighbour } = await createWorld();
    for (let i = 0; i < 3; i++) await bind(neighbour.elderId, await createUser('family'));
    const foreign = await api.as(neighbour.elderId).get(`/elders/${neighbour.elderId}/bindings?limit=1`);
    expect(foreign.body.cursor).toEqual(expect.any(String));
    const response = await api.as(elder.elderId).get(`/elders/${elder.elderId}/bindings?limit=1&cursor=${encodeURIComponent(foreign.body.cursor)}`);
    expect([response.status, errorCode(response)]).toEqual([400, 'INVALID_CURSOR']);
  });

  test('a worker of the community lists bindings; a relative, a foreign worker and another elder may not', async () => {
    const { elder, neighbour, family, worker, otherWorker } = await createWorld();
    expect((await api.as(worker.userId).get(`/elders/${elder.elderId}/bindings`)).body.items).toHaveLength(1);
    const byFamily = await api.as(family.userId).get(`/elders/${elder.elderId}/bindings`);
    expect([byFamily.status, errorCode(byFamily)]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    for (const caller of [otherWorker.userId, neighbour.elderId]) {
      const response = await api.as(caller).get(`/elders/${elder.elderId}/bindings`);
      expect([response.status, errorCode(response)]).toEqual([404, 'ELDER_NOT_FOUND']);
    }
  });

  test('an elder removes a relative, who then gets 404 on the elder and no longer sees them in /me', async () => {
    const { elder, family } = await createWorld();
    expect((await api.as(family.userId).get(`/elders/${elder.elderId}`)).status).toBe(200);

    const response = await api.as(elder.elderId).delete(`/elders/${elder.elderId}/bindings/${family.userId}`);

    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(await storedBinding(elder.elderId, family.userId)).toBeNull();
    const after = await api.as(family.userId).get(`/elders/${elder.elderId}`);
    expect([after.status, errorCode(after)]).toEqual([404, 'ELDER_NOT_FOUND']);
    expect((await api.as(family.userId).get('/me')).body.boundElders).toEqual([]);
    const edit = await api.as(family.userId).patch(`/elders/${elder.elderId}/contact`, { phone: '13912345678' });
    expect(edit.status).toBe(404);
  });

  test('removing a binding that does not exist gives 404 BINDING_NOT_FOUND', async () => {
    const { elder, otherFamily } = await createWorld();
    const before = await tableItems();
    const response = await api.as(elder.elderId).delete(`/elders/${elder.elderId}/bindings/${otherFamily.userId}`);
    expect([response.status, errorCode(response)]).toEqual([404, 'BINDING_NOT_FOUND']);
    expect(await tableItems()).toEqual(before);
  });

  test("a worker of the community removes a binding; a foreign worker or another elder cannot, and it stays", async () => {
    const { elder, neighbour, family, worker, otherWorker } = await createWorld();
    for (const caller of [otherWorker.userId, neighbour.elderId]) {
      const response = await api.as(caller).delete(`/elders/${elder.elderId}/bindings/${family.userId}`);
      expect([response.status, errorCode(response)]).toEqual([404, 'ELDER_NOT_FOUND']);
      expect(await storedBinding(elder.elderId, family.userId)).not.toBeNull();
    }
    const byFamily = await api.as(family.userId).delete(`/elders/${elder.elderId}/bindings/${family.userId}`);
    expect([byFamily.status, errorCode(byFamily)]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect((await api.as(worker.userId).delete(`/elders/${elder.elderId}/bindings/${family.userId}`)).status).toBe(204);
    expect(await storedBinding(elder.elderId, family.userId)).toBeNull();
  });

  test('a removed relative can be bound again with a new code', async () => {
    const { elder, family } = await createWorld();
    await api.as(elder.elderId).delete(`/elders/${elder.elderId}/bindings/${family.userId}`);
    const code = await newCode(elder.elderId);
    expect((await api.as(family.userId).post('/bindings', { code, relation: 'son' })).status).toBe(201);
  });
});
