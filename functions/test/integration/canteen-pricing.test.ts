import { useApi, errorCode } from '../support/api';
import { setClock } from '../../src/platform/clock';
import { seedDemoData } from '../../src/local/bootstrap';
import { CentrePricing } from '../../src/features/canteen/entities';

/** Prices are configurable per centre by the county platform; orders keep the price they were placed at. */
const api = useApi();
const NOW = '2030-03-04T00:30:00.000Z'; // Monday 08:30 in Shanghai, before the lunch cutoff
const tomorrow = '2030-03-05';
const centre = '/centres/demo-centre-xueyuan/pricing';
const cheaper = { age60Fen: 600, age70Fen: 500, age80Fen: 400, dibaoFen: 300, tekunFen: 0, disabledFen: 0 };

beforeAll(async () => {
  setClock(NOW);
  await seedDemoData();
});
beforeEach(() => setClock(NOW));

const lunchOffer = async (elderId: string) =>
  (await api.as(elderId).get(`/elders/${elderId}/menus`)).body.days.find((day: { date: string }) => day.date === tomorrow).meals[0];

test('a centre without its own prices uses the defaults (80岁以上 ¥8)', async () => {
  const pricing = await api.as('demo-worker-xueyuan').get(centre);
  expect(pricing.body).toMatchObject({ custom: false, rules: { age80Fen: 800, dibaoFen: 800, tekunFen: 0 } });
  expect((await lunchOffer('demo-elder-wang')).price.reason).toBe('80岁以上 ¥8');
});

test('the county sets a centre’s prices; new offers use them and orders placed before keep theirs', async () => {
  const before = await api.as('demo-elder-wang').post('/elders/demo-elder-wang/orders', { date: tomorrow, meal: 'lunch', fulfilment: 'delivery', idempotencyKey: 'pricing-before-1' });
  expect(before.body.order.priceFen).toBe(800);
  const saved = await api.as('demo-admin').put(centre, cheaper);
  expect(saved.body).toMatchObject({ custom: true, rules: cheaper });
  expect((await lunchOffer('demo-elder-li')).price).toMatchObject({ priceFen: 500, reason: '70–79岁 ¥5' });
  const after = await api.as('demo-elder-li').post('/elders/demo-elder-li/orders', { date: tomorrow, meal: 'lunch', fulfilment: 'eat_in', idempotencyKey: 'pricing-after-1' });
  expect([after.body.order.priceFen, after.body.order.subsidyFen]).toEqual([500, 1000]);
  expect((await api.as('demo-elder-wang').get(`/orders/${before.body.order.orderId}`)).body.order.priceFen).toBe(800);
  // The other centre keeps the defaults.
  expect((await api.as('demo-admin').get('/centres/demo-centre-guzhangping/pricing')).body.custom).toBe(false);
});

test('only the county platform sets prices, for centres it has, with whole non-negative fen', async () => {
  expect((await api.as('demo-worker-xueyuan').put(centre, cheaper)).status).toBe(403);
  const unknown = await api.as('demo-admin').put('/centres/no-such-centre/pricing', cheaper);
  expect([unknown.status, errorCode(unknown)]).toEqual([404, 'CENTRE_NOT_FOUND']);
  const negative = await api.as('demo-admin').put(centre, { ...cheaper, age80Fen: -100 });
  expect([negative.status, errorCode(negative), negative.body.error.message]).toEqual([400, 'INVALID_INPUT', '80岁以上价格不能是负数']);
  const fractional = await api.as('demo-admin').put(centre, { ...cheaper, dibaoFen: 2.5 });
  expect(fractional.status).toBe(400);
  expect((await api.as('demo-worker-xueyuan').get(centre)).body.rules).toEqual(cheaper);
});

test('a centre that never chose how meals are paid takes the money at the counter; the elder’s menus say so and where a delivery goes', async () => {
  const pricing = await api.as('demo-admin').get('/centres/demo-centre-guzhangping/pricing');
  expect(pricing.body).toMatchObject({ custom: false, payment: 'counter' });
  const menus = await api.as('demo-elder-zhou').get('/elders/demo-elder-zhou/menus');
  expect([menus.body.payment, menus.body.deliveryAddress]).toEqual(['counter', '古丈坪村 5 组 18 号']);
});

test('prices saved before centres chose how meals are paid still read, as paid at the counter', async () => {
  await CentrePricing.put({ centreId: 'demo-centre-guzhangping', ...cheaper, updatedBy: 'demo-admin', updatedAt: NOW }).go();
  const pricing = await api.as('demo-worker-guzhangping').get('/centres/demo-centre-guzhangping/pricing');
  expect(pricing.body).toMatchObject({ custom: true, rules: cheaper, payment: 'counter' });
  expect((await api.as('demo-elder-zhou').get('/elders/demo-elder-zhou/menus')).body.payment).toBe('counter');
});

test('the county sets how a centre’s meals are paid; the elder’s menus carry it; prices saved without it keep it', async () => {
  const saved = await api.as('demo-admin').put(centre, { ...cheaper, payment: 'monthly' });
  expect(saved.body).toMatchObject({ custom: true, rules: cheaper, payment: 'monthly' });
  expect((await api.as('demo-worker-xueyuan').get(centre)).body.payment).toBe('monthly');
  const menus = await api.as('demo-elder-wang').get('/elders/demo-elder-wang/menus');
  expect([menus.body.payment, menus.body.deliveryAddress]).toEqual(['monthly', '学院路 12 号 3 栋 101']);

  const pricesOnly = await api.as('demo-admin').put(centre, { ...cheaper, age80Fen: 450 });
  expect(pricesOnly.body).toMatchObject({ rules: { age80Fen: 450 }, payment: 'monthly' });
  expect((await api.as('demo-admin').get(centre)).body.payment).toBe('monthly');

  const unknown = await api.as('demo-admin').put(centre, { ...cheaper, payment: 'wechat_pay' });
  expect([unknown.status, errorCode(unknown)]).toEqual([400, 'INVALID_INPUT']);
  expect((await api.as('demo-admin').get(centre)).body.payment).toBe('monthly');
});
