import { setClock } from '../../src/platform/clock';
import { errorCode, useApi } from '../support/api';
import { createUser, createWorld, storedBinding } from '../support/seed';

/**
 * One-time codes cannot be guessed: each account has five wrong tries per fifteen minutes (both kinds of
 * code together), a new code replaces the elder's earlier one, and the elder or a worker can revoke it.
 */
const api = useApi();
const NOW = '2026-04-01T08:00:00.000Z';
beforeEach(() => setClock(NOW));

async function newCode(elderId: string, by = elderId): Promise<string> {
  const response = await api.as(by).post(`/elders/${elderId}/binding-codes`);
  expect(response.status).toBe(201);
  return response.body.code;
}

/** Six-digit codes that are not `live`. */
const wrongCodes = (live: string[], count: number) =>
  Array.from({ length: 40 }, (_, i) => String(100_000 + i * 7919))
    .filter((code) => !live.includes(code))
    .slice(0, count);

describe('guessing codes is limited per account', () => {
  test('five wrong codes answer 404; the sixth try, even with the right code, answers 429 with when to try again', async () => {
    const { elder, otherFamily } = await createWorld();
    const code = await newCode(elder.elderId);
    for (const wrong of wrongCodes([code], 5)) {
      expect(errorCode(await api.as(otherFamily.userId).post('/bindings', { code: wrong, relation: 'son' }))).toBe('BINDING_CODE_NOT_FOUND');
    }
    const refused = await api.as(otherFamily.userId).post('/bindings', { code, relation: 'son' });
    expect(refused.status).toBe(429);
    expect(errorCode(refused)).toBe('TOO_MANY_ATTEMPTS');
    expect(refused.body.error.message).toContain('15 分钟后');
    expect(refused.body.error.details.retryAfterSeconds).toBe(15 * 60);
    expect(refused.headers.get('retry-after')).toBe(String(15 * 60));
    expect(await storedBinding(elder.elderId, otherFamily.userId)).toBeNull();

    // Ten minutes on, still waiting, and told how long is left; after the window the right code works.
    setClock('2026-04-01T08:10:00.000Z');
    expect((await api.as(otherFamily.userId).post('/bindings', { code, relation: 'son' })).body.error.details.retryAfterSeconds).toBe(5 * 60);
    setClock('2026-04-01T08:15:00.000Z');
    expect((await api.as(otherFamily.userId).post('/bindings', { code, relation: 'son' })).status).toBe(201);
  });

  test('the limit counts family codes and claim codes together, and holds for that account only', async () => {
    const { elder, otherFamily } = await createWorld();
    const code = await newCode(elder.elderId);
    const [a, b, c, d, e] = wrongCodes([code], 5);
    for (const wrong of [a, b, c]) await api.as(otherFamily.userId).post('/bindings', { code: wrong, relation: 'son' });
    for (const wrong of [d, e]) await api.as(otherFamily.userId).post('/me/claim', { code: wrong });
    expect(errorCode(await api.as(otherFamily.userId).post('/me/claim', { code: a }))).toBe('TOO_MANY_ATTEMPTS');
    const someoneElse = await createUser('family', { name: '陈静' });
    expect((await api.as(someoneElse.userId).post('/bindings', { code, relation: 'son' })).status).toBe(201);
  });

  test('a person who mistypes and then gets it right keeps their tries: only failures count', async () => {
    const { elder, otherFamily } = await createWorld();
    const code = await newCode(elder.elderId);
    const wrong = wrongCodes([code], 6);
    for (const guess of wrong.slice(0, 4)) await api.as(otherFamily.userId).post('/bindings', { code: guess, relation: 'son' });
    expect((await api.as(otherFamily.userId).post('/bindings', { code, relation: 'son' })).status).toBe(201);
    expect(errorCode(await api.as(otherFamily.userId).post('/bindings', { code: wrong[4], relation: 'son' }))).toBe('BINDING_CODE_NOT_FOUND');
    expect(errorCode(await api.as(otherFamily.userId).post('/bindings', { code: wrong[5], relation: 'son' }))).toBe('TOO_MANY_ATTEMPTS');
  });
});

describe('a new code replaces the old one; the elder or a worker revokes it', () => {
  test('after a second code is made, the first answers 410 BINDING_CODE_REVOKED and the second works', async () => {
    const { elder, family, otherFamily } = await createWorld();
    const first = await newCode(elder.elderId);
    const second = await newCode(elder.elderId);
    const old = await api.as(otherFamily.userId).post('/bindings', { code: first, relation: 'son' });
    expect([old.status, errorCode(old)]).toEqual([410, 'BINDING_CODE_REVOKED']);
    expect((await api.as(family.userId).post('/bindings', { code: second, relation: 'son' })).status).toBe(409); // already bound: the code works
    expect((await api.as(otherFamily.userId).post('/bindings', { code: second, relation: 'son' })).status).toBe(201);
  });

  test('the elder sees the code that still works and revokes it; then it answers 410 and the list shows none', async () => {
    const { elder, otherFamily } = await createWorld();
    const code = await newCode(elder.elderId);
    const listed = await api.as(elder.elderId).get(`/elders/${elder.elderId}/bindings`);
    expect(listed.body.liveCode).toEqual({ code, expiresAt: '2026-04-02T08:00:00.000Z' });

    expect((await api.as(elder.elderId).delete(`/elders/${elder.elderId}/binding-codes`)).status).toBe(204);
    expect((await api.as(elder.elderId).delete(`/elders/${elder.elderId}/binding-codes`)).status).toBe(204);
    const refused = await api.as(otherFamily.userId).post('/bindings', { code, relation: 'son' });
    expect([refused.status, errorCode(refused)]).toEqual([410, 'BINDING_CODE_REVOKED']);
    expect((await api.as(elder.elderId).get(`/elders/${elder.elderId}/bindings`)).body.liveCode).toBeNull();
  });

  test('a worker of the community revokes the elder’s invitation; a relative may not', async () => {
    const { elder, family, worker, otherWorker } = await createWorld();
    const code = await newCode(elder.elderId);
    expect((await api.as(family.userId).delete(`/elders/${elder.elderId}/binding-codes`)).status).toBe(403);
    expect((await api.as(otherWorker.userId).delete(`/elders/${elder.elderId}/binding-codes`)).status).toBe(404);
    expect((await api.as(worker.userId).delete(`/elders/${elder.elderId}/binding-codes`)).status).toBe(204);
    expect(errorCode(await api.as(family.userId).post('/bindings', { code, relation: 'son' }))).toBe('BINDING_CODE_REVOKED');
  });

  test('a worker sees the elder’s live claim code on the profile and revokes it', async () => {
    const { elder, worker, otherFamily } = await createWorld();
    const { code } = (await api.as(worker.userId).post(`/elders/${elder.elderId}/claim-codes`)).body;
    expect((await api.as(worker.userId).get(`/elders/${elder.elderId}`)).body.liveClaimCode).toEqual({ code, expiresAt: '2026-04-02T08:00:00.000Z' });
    expect((await api.as(elder.elderId).get(`/elders/${elder.elderId}`)).body.liveClaimCode).toBeUndefined();
    expect((await api.as(worker.userId).delete(`/elders/${elder.elderId}/claim-codes`)).status).toBe(204);
    expect((await api.as(worker.userId).get(`/elders/${elder.elderId}`)).body.liveClaimCode).toBeNull();
    expect(errorCode(await api.as(otherFamily.userId).post('/me/claim', { code }))).toMatch(/CLAIM_CODE_REVOKED|CLAIM_NOT_ALLOWED/);
  });
});

describe('the elder sees each new binding with its time', () => {
  test('the elder’s home names a relative bound in the last week, newest first, and forgets them after a week', async () => {
    const { elder, otherFamily } = await createWorld();
    const code = await newCode(elder.elderId);
    setClock('2026-04-01T09:30:00.000Z');
    expect((await api.as(otherFamily.userId).post('/bindings', { code, relation: 'son' })).status).toBe(201);
    const home = await api.as(elder.elderId).get('/me');
    expect(home.body.newBindings).toEqual([{ familyId: otherFamily.userId, name: '陈静', relation: 'son', boundAt: '2026-04-01T09:30:00.000Z' }]);
    setClock('2026-04-09T09:30:00.000Z');
    expect((await api.as(elder.elderId).get('/me')).body.newBindings).toEqual([]);
  });
});
