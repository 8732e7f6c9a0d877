import { Elder } from '../../src/features/people/entities';
import { errorCode, useApi } from '../support/api';
import { createWorldWithTuesdayMenus, MONDAY, orderBody, setLocalTime, TUESDAY } from '../support/canteen-fixtures';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { createUser, createWorld, storedBinding, tableItems, uniqueId } from '../support/seed';

const api = useApi();
let wechat: FakeWechat;

beforeAll(async () => {
  wechat = await startFakeWechat();
  process.env.WECHAT_API_BASE = wechat.url;
});
afterAll(() => wechat.close());

async function newCode(elderId: string): Promise<string> {
  const response = await api.as(elderId).post(`/elders/${elderId}/binding-codes`);
  expect(response.status).toBe(201);
  return response.body.code;
}

describe('what a person is called', () => {
  test('a new WeChat account is asked for a name; once named, the session and /me stop asking', async () => {
    const signIn = await api.anonymous.post('/auth/wechat', { code: wechat.codeFor(uniqueId('openid')) });
    expect(signIn.body.user).toMatchObject({ name: '微信用户', needsName: true });
    const { token } = signIn.body;
    expect((await api.as(token).get('/me')).body.user.needsName).toBe(true);

    const named = await api.as(token).put('/me/name', { name: '  王建国 ' });
    expect(named.status).toBe(200);
    expect(named.body.user).toEqual(expect.objectContaining({ name: '王建国' }));
    expect(named.body.user.needsName).toBeUndefined();
    const me = (await api.as(named.body.token).get('/me')).body;
    expect(me.user.name).toBe('王建国');
    expect(me.user.needsName).toBeUndefined();
  });

  test('the elder sees the new name of a bound relative at once, with the relation', async () => {
    const { elder, otherFamily } = await createWorld();
    expect((await api.as(otherFamily.userId).post('/bindings', { code: await newCode(elder.elderId), relation: 'daughterInLaw' })).status).toBe(201);
    expect((await api.as(otherFamily.userId).put('/me/name', { name: '陈静（小静）' })).status).toBe(200);

    const list = await api.as(elder.elderId).get(`/elders/${elder.elderId}/bindings`);
    expect(list.body.items).toContainEqual(expect.objectContaining({ familyId: otherFamily.userId, name: '陈静（小静）', relation: 'daughterInLaw' }));
    expect((await api.as(elder.elderId).get('/me')).body.newBindings).toContainEqual(
      expect.objectContaining({ familyId: otherFamily.userId, name: '陈静（小静）', relation: 'daughterInLaw' }),
    );
  });

  test('the placeholder 微信用户, an empty name and an over-long name are refused with the field named, and nothing changes', async () => {
    const family = await createUser('family', { name: '王磊' });
    const before = await tableItems();
    for (const name of ['微信用户', '   ', '一二三四五六七八九十一二三四五六七八九十一']) {
      const response = await api.as(family.userId).put('/me/name', { name });
      expect([response.status, errorCode(response)]).toEqual([400, 'INVALID_INPUT']);
      expect(response.body.error.message).toContain('称呼');
    }
    expect(await tableItems()).toEqual(before);
  });

  test('elders and staff keep the name they were registered with: an elder, a worker and an admin cannot rename themselves', async () => {
    const { elder, worker, admin } = await createWorld();
    for (const caller of [elder.elderId, worker.userId, admin.userId]) {
      const response = await api.as(caller).put('/me/name', { name: '别的名字' });
      expect([response.status, errorCode(response)]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    }
  });
});

describe('what a relative is to the elder', () => {
  test('binding needs the relation; without it the code is not spent', async () => {
    const { elder, otherFamily } = await createWorld();
    const code = await newCode(elder.elderId);
    const response = await api.as(otherFamily.userId).post('/bindings', { code });
    expect([response.status, errorCode(response)]).toEqual([400, 'INVALID_INPUT']);
    expect(response.body.error.message).toContain('您是长辈的什么人');
    expect((await api.as(otherFamily.userId).post('/bindings', { code, relation: 'son' })).status).toBe(201);
  });

  test("the relative's list of elders names each as they call them: 母亲 by the elder's sex, 岳父 for a son-in-law", async () => {
    const { elder, neighbour, otherFamily } = await createWorld();
    await Elder.patch({ elderId: elder.elderId }).set({ sex: 'female' }).go();
    await Elder.patch({ elderId: neighbour.elderId }).set({ sex: 'male' }).go();
    await api.as(otherFamily.userId).post('/bindings', { code: await newCode(elder.elderId), relation: 'son' });
    const bound = await api.as(otherFamily.userId).post('/bindings', { code: await newCode(neighbour.elderId), relation: 'sonInLaw' });
    expect(bound.body.elder).toMatchObject({ name: neighbour.name, sex: 'male', relation: 'sonInLaw' });

    const elders = (await api.as(otherFamily.userId).get('/me')).body.boundElders;
    expect(elders).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ elderId: elder.elderId, sex: 'female', relation: 'son' }),
        expect.objectContaining({ elderId: neighbour.elderId, sex: 'male', relation: 'sonInLaw' }),
      ]),
    );
  });

  test('a relative corrects a mistaken relation; someone not bound is told the elder does not exist', async () => {
    const { elder, family, otherFamily } = await createWorld();
    const corrected = await api.as(family.userId).put(`/elders/${elder.elderId}/relation`, { relation: 'grandson' });
    expect(corrected.status).toBe(200);
    expect(corrected.body.elder.relation).toBe('grandson');
    expect((await storedBinding(elder.elderId, family.userId))?.relation).toBe('grandson');

    const stranger = await api.as(otherFamily.userId).put(`/elders/${elder.elderId}/relation`, { relation: 'son' });
    expect([stranger.status, errorCode(stranger)]).toEqual([404, 'ELDER_NOT_FOUND']);
    expect(await storedBinding(elder.elderId, otherFamily.userId)).toBeNull();
  });

  test("an order a relative places and cancels names them with the relation in the elder's timeline", async () => {
    setLocalTime(MONDAY, '08:00');
    const world = await createWorldWithTuesdayMenus(api);
    await api.as(world.family.userId).put(`/elders/${world.elder.elderId}/relation`, { relation: 'son' });
    const response = await api.as(world.family.userId).post(`/elders/${world.elder.elderId}/orders`, orderBody(TUESDAY, 'lunch'));
    expect(response.status).toBe(201);
    expect(response.body.order.timeline[0]).toMatchObject({ status: 'placed', byName: '王磊（儿子）' });
    const cancelled = await api.as(world.family.userId).post(`/orders/${response.body.order.orderId}/cancel`);
    expect(cancelled.body.order.timeline.at(-1)).toMatchObject({ status: 'cancelled', byName: '王磊（儿子）' });
  });
});
