import { useApi } from '../support/api';
import { setClock } from '../../src/platform/clock';
import { seedDemoData } from '../../src/local/bootstrap';

/** The orders page opens with one request: the first page carries the elder and the standing orders. */
const api = useApi();
const NOW = '2030-03-04T00:30:00.000Z';

beforeAll(async () => {
  setClock(NOW);
  await seedDemoData();
});
beforeEach(() => setClock(NOW));

test('the first page of an elder’s orders carries the elder and their standing orders; later pages do not', async () => {
  const family = api.as('demo-family-wanglei');
  for (const [date, key] of [['2030-03-05', 'page-one-1'], ['2030-03-06', 'page-one-2']]) {
    expect((await family.post('/elders/demo-elder-wang/orders', { date, meal: 'lunch', fulfilment: 'delivery', idempotencyKey: key })).status).toBe(201);
  }
  expect((await family.post('/elders/demo-elder-wang/subscriptions', { meal: 'dinner', fulfilment: 'delivery', weekdays: [1, 3] })).status).toBe(201);

  const first = await family.get('/elders/demo-elder-wang/orders?limit=1');
  expect(first.body).toMatchObject({
    items: [expect.objectContaining({ date: '2030-03-06' })],
    elder: { elderId: 'demo-elder-wang', name: '王秀英', mobilityLimited: true },
    subscriptions: [expect.objectContaining({ meal: 'dinner', weekdays: [1, 3] })],
  });
  const second = await family.get(`/elders/demo-elder-wang/orders?limit=1&cursor=${encodeURIComponent(first.body.cursor)}`);
  expect(second.body.items.map((order: { date: string }) => order.date)).toEqual(['2030-03-05']);
  expect(second.body).not.toHaveProperty('elder');
  expect(second.body).not.toHaveProperty('subscriptions');
});
