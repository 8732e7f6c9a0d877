import { useApi, tokenFor } from '../support/api';
import { createElder } from '../support/seed';
import { createMenu, getMenu, ordersOfMeal } from '../../src/features/canteen/data';
import { Binding, BindingCode } from '../../src/features/people/entities';
import { instantOf } from '../../src/features/canteen/rules/canteen';
import { setClock } from '../../src/platform/clock';
import { createWorld, NOW, randomKey } from './world';
import { tally } from './tally';
import { eldersNamed } from '../../src/features/people/data/elders';

/**
 * Races for every rule that spans items, with many concurrent requests against DynamoDB Local. Each
 * test states its invariant and checks it in the table after the race.
 */
const api = useApi();
const community = { communityId: 'demo-comm-xueyuan', centreId: 'demo-centre-xueyuan' };
const centreId = community.centreId;
beforeAll(createWorld);
beforeEach(() => setClock(NOW));

/** A menu of its own for each race, on dates the demo menus do not cover. */
async function menuWithSeats(date: string, seats: number, deliveries = 0) {
  const outcome = await createMenu({
    centreId, date, meal: 'lunch',
    dishes: [{ name: '清蒸鲈鱼', kind: 'meat', tags: ['soft'] }],
    standardPriceFen: 1500, seatCapacity: seats, deliveryCapacity: deliveries,
    cutoffTime: '09:30', servingTime: '11:30',
    cutoffAt: instantOf(date, '09:30').toISOString(), servingAt: instantOf(date, '11:30').toISOString(),
    publishedBy: 'reliability', updatedAt: NOW,
  });
  expect(outcome).toBe('created');
}

async function elders(count: number) {
  return Promise.all(Array.from({ length: count }, () => createElder(community, { birthDate: '1950-01-01' })));
}

const orderBody = (date: string) => ({ date, meal: 'lunch', fulfilment: 'eat_in', idempotencyKey: randomKey() });

/** Seats taken on the menu always equal the orders holding one, and never exceed the capacity. */
async function expectSeatsConsistent(date: string, capacity: number) {
  const menu = await getMenu(centreId, date, 'lunch');
  const active = (await ordersOfMeal(centreId, date, 'lunch')).filter((order) => order.status !== 'cancelled');
  expect({ seatsTaken: menu!.seatsTaken, activeOrders: active.length, withinCapacity: menu!.seatsTaken <= capacity }).toEqual({
    seatsTaken: active.length,
    activeOrders: active.length,
    withinCapacity: true,
  });
  return active;
}

test('race: 40 elders ordering 25 seats at once get exactly 25 orders; the others are told 已订满', async () => {
  const date = '2030-02-11';
  await menuWithSeats(date, 25);
  const people = await elders(40);
  const answers = await Promise.all(people.map(async (elder) => api.as(await tokenFor(elder.elderId)).post(`/elders/${elder.elderId}/orders`, orderBody(date))));
  tally('racesRun');
  const statuses = answers.map((answer) => answer.status);
  expect([statuses.filter((s) => s === 201).length, statuses.filter((s) => s === 409).length]).toEqual([25, 15]);
  expect(answers.filter((answer) => answer.status === 409).every((answer) => answer.body.error.code === 'SOLD_OUT' && answer.body.error.message.includes('已订满'))).toBe(true);
  expect(await expectSeatsConsistent(date, 25)).toHaveLength(25);
});

test('race: cancellations and new orders at the same time keep seats taken equal to active orders', async () => {
  const date = '2030-02-12';
  await menuWithSeats(date, 20);
  const first = await elders(20);
  const placed = await Promise.all(first.map(async (elder) => (await api.as(elder.elderId).post(`/elders/${elder.elderId}/orders`, orderBody(date))).body.order.orderId as string));
  const newcomers = await elders(15);
  const answers = await Promise.all([
    ...first.slice(0, 10).map((elder, i) => api.as(elder.elderId).post(`/orders/${placed[i]}/cancel`)),
    ...newcomers.map((elder) => api.as(elder.elderId).post(`/elders/${elder.elderId}/orders`, orderBody(date))),
  ]);
  tally('racesRun');
  expect(answers.every((answer) => [200, 201, 409].includes(answer.status))).toBe(true);
  const active = await expectSeatsConsistent(date, 20);
  expect(active.length).toBe(10 + answers.slice(10).filter((answer) => answer.status === 201).length);
});

test('race: one elder ordering the same meal 12 times at once (different keys) gets exactly one order', async () => {
  const [elder] = await elders(1);
  await menuWithSeats('2030-02-13', 50);
  const answers = await Promise.all(Array.from({ length: 12 }, () => api.as(elder.elderId).post(`/elders/${elder.elderId}/orders`, orderBody('2030-02-13'))));
  tally('racesRun');
  expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
  expect(answers.filter((answer) => answer.status === 409).every((answer) => answer.body.error.code === 'ALREADY_ORDERED')).toBe(true);
  const mine = (await ordersOfMeal(centreId, '2030-02-13', 'lunch')).filter((order) => order.elderId === elder.elderId);
  expect(mine).toHaveLength(1);
});

test('race: the same submission retried 12 times at once creates one order and every answer names it', async () => {
  const [elder] = await elders(1);
  const body = orderBody('2030-02-13');
  const answers = await Promise.all(Array.from({ length: 12 }, () => api.as(elder.elderId).post(`/elders/${elder.elderId}/orders`, body)));
  tally('racesRun');
  const ids = new Set(answers.map((answer) => answer.body?.order?.orderId));
  expect({ statuses: answers.every((answer) => answer.status === 200 || answer.status === 201), created: answers.filter((a) => a.status === 201).length, ids: ids.size }).toEqual({ statuses: true, created: 1, ids: 1 });
  expect((await ordersOfMeal(centreId, '2030-02-13', 'lunch')).filter((order) => order.elderId === elder.elderId)).toHaveLength(1);
});

test('race: a binding code entered by 10 relatives at once binds exactly one of them', async () => {
  const [elder] = await elders(1);
  const { code } = (await api.as(elder.elderId).post(`/elders/${elder.elderId}/binding-codes`)).body;
  const relatives = Array.from({ length: 10 }, (_, i) => `race-family-${i}-${randomKey()}`);
  const { User } = await import('../../src/features/people/entities');
  await Promise.all(relatives.map((userId) => User.put({ userId, role: 'family', name: '家属', createdAt: NOW }).go()));
  const answers = await Promise.all(relatives.map((userId) => api.as(userId).post('/bindings', { code, relation: 'son' })));
  tally('racesRun');
  const winners = relatives.filter((_, i) => answers[i].status === 201);
  expect(winners).toHaveLength(1);
  const { data: bindings } = await Binding.query.byElder({ elderId: elder.elderId }).go();
  const { data: stored } = await BindingCode.get({ code }).go();
  expect({ bound: bindings.map((b) => b.familyId), usedBy: stored?.usedBy }).toEqual({ bound: winners, usedBy: winners[0] });
});

test('race: a staff code entered on 8 new WeChat accounts at once makes exactly one of them the worker', async () => {
  const added = (await api.as('demo-admin').post('/workers', { role: 'worker', name: '竞态工作者', phone: '13907345555', communityId: 'demo-comm-xueyuan', idempotencyKey: randomKey() })).body;
  const { User, WechatIdentity } = await import('../../src/features/people/entities');
  const newcomers = Array.from({ length: 8 }, (_, i) => ({ userId: `race-newcomer-${i}-${randomKey()}`, openid: `race-openid-${i}-${randomKey()}` }));
  await Promise.all(newcomers.flatMap(({ userId, openid }) => [
    User.put({ userId, role: 'family', name: '微信用户', openid, createdAt: NOW }).go(),
    WechatIdentity.put({ openid, userId, createdAt: NOW }).go(),
  ]));
  const answers = await Promise.all(newcomers.map(({ userId }) => api.as(userId).post('/me/staff-claim', { code: added.code.code })));
  tally('racesRun');
  const winners = newcomers.filter((_, i) => answers[i].status === 200);
  expect(winners).toHaveLength(1);
  const { data: account } = await User.get({ userId: added.worker.userId }).go();
  const identities = await Promise.all(newcomers.map(({ openid }) => WechatIdentity.get({ openid }).go()));
  expect({ openid: account?.openid, status: account?.status, asWorker: identities.filter(({ data }) => data?.userId === added.worker.userId).length })
    .toEqual({ openid: winners[0].openid, status: 'active', asWorker: 1 });
});

test('race: 8 workers confirming the same order at once move it once; the timeline records one confirmation', async () => {
  await menuWithSeats('2030-02-14', 10);
  const [elder] = await elders(1);
  const placed = await api.as(elder.elderId).post(`/elders/${elder.elderId}/orders`, orderBody('2030-02-14'));
  expect(placed.status).toBe(201);
  const target = placed.body.order.orderId;
  const answers = await Promise.all(Array.from({ length: 8 }, () => api.as('demo-worker-xueyuan').post(`/orders/${target}/status`, { status: 'confirmed' })));
  tally('racesRun');
  expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
  const order = (await api.as(elder.elderId).get(`/orders/${target}`)).body.order;
  expect(order.timeline.filter((entry: { status: string }) => entry.status === 'confirmed')).toHaveLength(1);
});

test('race: the same undo sent 8 times at once puts the order back once; every answer says so', async () => {
  await menuWithSeats('2030-02-16', 10);
  const [elder] = await elders(1);
  const placed = await api.as(elder.elderId).post(`/elders/${elder.elderId}/orders`, orderBody('2030-02-16'));
  const target = placed.body.order.orderId;
  expect((await api.as('demo-worker-xueyuan').post(`/orders/${target}/status`, { status: 'confirmed' })).status).toBe(200);
  const board = await api.as('demo-worker-xueyuan').get(`/centres/${centreId}/board?date=2030-02-16&meal=lunch`);
  const { markId } = board.body.items.find((item: { orderId: string }) => item.orderId === target).undo;
  const answers = await Promise.all(Array.from({ length: 8 }, () => api.as('demo-worker-xueyuan').post(`/orders/${target}/status/undo`, { markId })));
  tally('racesRun');
  expect(answers.map((answer) => [answer.status, answer.body.order?.status])).toEqual(Array.from({ length: 8 }, () => [200, 'placed']));
  const order = (await api.as(elder.elderId).get(`/orders/${target}`)).body.order;
  expect(order.timeline.filter((entry: { undone?: unknown }) => entry.undone)).toHaveLength(1);
});

test('race: an order cancelled 8 times at once gives its seat back exactly once', async () => {
  const date = '2030-02-15';
  await menuWithSeats(date, 5);
  const [elder] = await elders(1);
  const placed = await api.as(elder.elderId).post(`/elders/${elder.elderId}/orders`, orderBody(date));
  expect(placed.status).toBe(201);
  const answers = await Promise.all(Array.from({ length: 8 }, () => api.as(elder.elderId).post(`/orders/${placed.body.order.orderId}/cancel`)));
  tally('racesRun');
  expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
  expect(await expectSeatsConsistent(date, 5)).toHaveLength(0);
});

test('race: 20 wrong code guesses at once from one account: exactly 5 are tried, the other 15 wait (429)', async () => {
  const family = 'demo-family-wanglei';
  const token = await tokenFor(family);
  const guesses = Array.from({ length: 20 }, (_, i) => String(300_000 + i * 104_729).slice(-6));
  const answers = await Promise.all(
    guesses.map((code) => api.as(token).post('/bindings', { code, relation: 'son' })),
  );
  tally('racesRun');
  const statuses = answers.map((answer) => answer.status).sort();
  expect([statuses.filter((s) => s === 404 || s === 410).length, statuses.filter((s) => s === 429).length]).toEqual([5, 15]);
  expect(answers.filter((answer) => answer.status === 429).every((answer) => answer.body.error.code === 'TOO_MANY_ATTEMPTS' && answer.headers.get('retry-after') === '900')).toBe(true);
  // The claim route shares the same tries.
  expect((await api.as(token).post('/me/claim', { code: guesses[0] })).status).toBe(429);
});

test('race: 12 standing orders for 12 different meals at once stay within the limit of 6', async () => {
  const [elder] = await elders(1);
  const token = await tokenFor(elder.elderId);
  const answers = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      api.as(token).post(`/elders/${elder.elderId}/subscriptions`, { meal: i % 2 ? 'dinner' : 'lunch', fulfilment: 'eat_in', weekdays: [Math.floor(i / 2) + 1] }),
    ),
  );
  tally('racesRun');
  expect(answers.filter((answer) => answer.status === 201)).toHaveLength(6);
  expect(answers.every((answer) => [201, 400, 503].includes(answer.status))).toBe(true);
  expect((await api.as(token).get(`/elders/${elder.elderId}/subscriptions`)).body.items).toHaveLength(6);
});

test('race: 8 identical standing orders at once: one is created, the rest overlap', async () => {
  const [elder] = await elders(1);
  const token = await tokenFor(elder.elderId);
  const answers = await Promise.all(
    Array.from({ length: 8 }, () => api.as(token).post(`/elders/${elder.elderId}/subscriptions`, { meal: 'lunch', fulfilment: 'pick_up', weekdays: [2, 4] })),
  );
  tally('racesRun');
  expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
  expect(answers.filter((answer) => answer.status === 409).every((answer) => answer.body.error.code === 'SUBSCRIPTION_OVERLAPS')).toBe(true);
  expect((await api.as(token).get(`/elders/${elder.elderId}/subscriptions`)).body.items).toHaveLength(1);
});

test('race: four workers register the same new elder at once (different forms): exactly one is registered, the others are shown the likely duplicate', async () => {
  const record = {
    name: '竞态测试长辈', sex: 'female', birthDate: '1943-07-07', phone: '13807349999', address: '学院路 99 号', livingSituation: 'alone',
    ability: 'independent', subsidyCategory: 'normal', subsidyProofNote: '', mobilityLimited: false,
    dietary: { lowSalt: false, lowSugar: false, softFood: false, allergies: '' }, emergencyContacts: [],
  };
  const answers = await Promise.all(
    Array.from({ length: 4 }, (_, i) => api.as('demo-worker-xueyuan').post('/communities/demo-comm-xueyuan/elders', { ...record, idempotencyKey: `race-register-${i}-${Date.now()}` })),
  );
  tally('racesRun');
  const statuses = answers.map((answer) => answer.status).sort();
  expect(statuses).toEqual([201, 409, 409, 409]);
  expect(answers.filter((answer) => answer.status === 409).every((answer) => answer.body.error.code === 'LIKELY_DUPLICATE')).toBe(true);
});

test('race: two previews of the same sheet confirmed at once write each elder once; the late one is told to look again', async () => {
  const sheet = ['姓名,性别,出生日期,电话,住址,居住情况,自理能力,补贴类别', '竞态导入甲,男,1940-02-02,13807348801,学院路 1 号,独居,自理,普通', '竞态导入乙,女,1941-03-03,13807348802,学院路 2 号,空巢,自理,低保'].join('\r\n');
  const body = { fileName: '名册.csv', content: Buffer.from(sheet).toString('base64') };
  const [first, second] = await Promise.all([1, 2].map(() => api.as('demo-worker-xueyuan').post('/communities/demo-comm-xueyuan/imports', body)));
  expect([first.body.counts.new, second.body.counts.new]).toEqual([2, 2]);
  const answers = await Promise.all(
    [first, second].map((preview, i) =>
      api.as('demo-worker-xueyuan').post(`/communities/demo-comm-xueyuan/imports/${preview.body.importId}/confirm`, { idempotencyKey: `race-import-${i}-${Date.now()}` }),
    ),
  );
  tally('racesRun');
  expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  expect(answers.find((answer) => answer.status === 409)?.body.error.code).toBe('IMPORT_REGISTERED_MEANWHILE');
  for (const [name, birthDate] of [['竞态导入甲', '1940-02-02'], ['竞态导入乙', '1941-03-03']]) {
    expect(await eldersNamed('demo-county', name, birthDate)).toHaveLength(1);
  }
});

test("race: one fresh account enters an elder's claim code and a family invitation at once: it becomes the elder's or a relative's, never both", async () => {
  const [toClaim, toBind] = await elders(2);
  const { User, WechatIdentity } = await import('../../src/features/people/entities');
  for (let round = 0; round < 4; round++) {
    const userId = `race-newcomer-${round}-${randomKey()}`;
    const openid = `openid-${userId}`;
    await Promise.all([
      User.put({ userId, role: 'family', name: '微信用户', openid, createdAt: NOW }).go(),
      WechatIdentity.put({ openid, userId, createdAt: NOW }).go(),
    ]);
    const token = await tokenFor(userId);
    const claimCode = (await api.as('demo-worker-xueyuan').post(`/elders/${toClaim.elderId}/claim-codes`)).body.code;
    const invitation = (await api.as(toBind.elderId).post(`/elders/${toBind.elderId}/binding-codes`)).body.code;
    const [claimed, bound] = await Promise.all([api.as(token).post('/me/claim', { code: claimCode }), api.as(token).post('/bindings', { code: invitation, relation: 'son' })]);
    expect(claimed.status === 200 && bound.status === 201).toBe(false);
    const { data: bindings } = await Binding.query.byFamily({ familyId: userId }).go();
    // A binding exists only while its relative's account does.
    if (bindings.length > 0) expect((await User.get({ userId }).go()).data?.role).toBe('family');
  }
  tally('racesRun');
});
