import { seedDemoData } from '../../src/local/bootstrap';
import { errorCode, useApi } from '../support/api';
import {
  MONDAY,
  NEXT_MONDAY,
  SUNDAY,
  TUESDAY,
  createCanteenWorld,
  menuBody,
  placeOrder,
  publishMenu,
  setLocalTime,
  storedMenu,
  storedOrdersOfMeal,
} from '../support/canteen-fixtures';

const api = useApi();

beforeEach(() => setLocalTime(MONDAY, '08:00'));

describe('PUT /centres/{centreId}/menus/{date}/{meal}: a worker publishes a menu', () => {
  test('a worker of the centre publishes dishes grouped by kind, with tags, price, capacities and the default times', async () => {
    const world = await createCanteenWorld();
    const response = await api.as(world.worker.userId).put(`/centres/${world.home.centreId}/menus/${TUESDAY}/lunch`, menuBody());
    expect(response.status).toBe(201);
    expect(response.body.menu).toMatchObject({
      centreId: world.home.centreId,
      date: TUESDAY,
      meal: 'lunch',
      mealName: '午餐',
      standardPriceFen: 1500,
      seatCapacity: 50,
      deliveryCapacity: 15,
      seatsLeft: 50,
      deliveriesLeft: 15,
      cutoffAt: '2026-11-17T01:30:00.000Z',
      servingAt: '2026-11-17T11:30:00+08:00',
    });
    const kinds = response.body.menu.dishes.map((dish: { kind: string }) => dish.kind);
    expect(kinds).toEqual(['meat', 'meat', 'meat', 'veg', 'veg', 'soup']);
    expect(response.body.menu.dishes[0]).toEqual({ name: '清蒸鲈鱼', kind: 'meat', tags: ['soft', 'contains_seafood'] });

    const stored = await storedMenu(world.home.centreId, TUESDAY, 'lunch');
    expect(stored).toMatchObject({ seatsTaken: 0, deliveriesTaken: 0, cutoffTime: '09:30', servingTime: '11:30', publishedBy: world.worker.userId });
    expect(stored?.dishes).toHaveLength(6);
  });

  test('dinner defaults to ordering by 15:30 and serving at 17:30', async () => {
    const world = await createCanteenWorld();
    const menu = await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'dinner');
    expect(menu.cutoffAt).toBe('2026-11-17T07:30:00.000Z');
    expect(menu.servingAt).toBe('2026-11-17T17:30:00+08:00');
  });

  test('publishing the same meal again updates it (200) rather than adding a second menu', async () => {
    const world = await createCanteenWorld();
    await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch');
    const again = await api.as(world.worker.userId).put(`/centres/${world.home.centreId}/menus/${TUESDAY}/lunch`, menuBody({ standardPriceFen: 1600, cutoffTime: '10:00' }));
    expect(again.status).toBe(200);
    expect(again.body.menu).toMatchObject({ standardPriceFen: 1600, cutoffAt: '2026-11-17T02:00:00.000Z' });
    const listed = await api.as(world.worker.userId).get(`/centres/${world.home.centreId}/menus?from=${MONDAY}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.filter((menu: { date: string; meal: string }) => menu.date === TUESDAY && menu.meal === 'lunch')).toHaveLength(1);
  });

  test.each([
    ['a negative seat capacity', { seatCapacity: -1 }],
    ['a negative delivery capacity', { deliveryCapacity: -5 }],
    ['a negative price', { standardPriceFen: -100 }],
    ['a fractional price in fen', { standardPriceFen: 12.5 }],
    ['no dishes', { dishes: [] }],
    ['an unknown dish kind', { dishes: [{ name: '馒头', kind: 'dessert', tags: [] }] }],
  ])('%s is refused with 400 INVALID_INPUT and nothing is stored', async (_case, overrides) => {
    const world = await createCanteenWorld();
    const response = await api.as(world.worker.userId).put(`/centres/${world.home.centreId}/menus/${TUESDAY}/lunch`, menuBody(overrides));
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('INVALID_INPUT');
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toBeNull();
  });

  test('a cutoff after the serving time is refused with 400 MENU_INVALID', async () => {
    const world = await createCanteenWorld();
    const response = await api.as(world.worker.userId).put(`/centres/${world.home.centreId}/menus/${TUESDAY}/lunch`, menuBody({ cutoffTime: '12:00', servingTime: '11:30' }));
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('MENU_INVALID');
    expect(response.body.error.message).toContain('截止订餐时间必须早于开饭时间');
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toBeNull();
  });

  test('a menu for a past date is refused with 400', async () => {
    const world = await createCanteenWorld();
    const response = await api.as(world.worker.userId).put(`/centres/${world.home.centreId}/menus/2026-11-15/lunch`, menuBody());
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('MENU_INVALID');
    expect(await storedMenu(world.home.centreId, '2026-11-15', 'lunch')).toBeNull();
  });

  test('no seats and no deliveries is refused with 400 MENU_INVALID', async () => {
    const world = await createCanteenWorld();
    const response = await api.as(world.worker.userId).put(`/centres/${world.home.centreId}/menus/${TUESDAY}/lunch`, menuBody({ seatCapacity: 0, deliveryCapacity: 0 }));
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('MENU_INVALID');
  });

  test('a worker of another centre is refused with 403 NOT_YOUR_CENTRE and nothing is stored', async () => {
    const world = await createCanteenWorld();
    const response = await api.as(world.otherWorker.userId).put(`/centres/${world.home.centreId}/menus/${TUESDAY}/lunch`, menuBody());
    expect(response.status).toBe(403);
    expect(errorCode(response)).toBe('NOT_YOUR_CENTRE');
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toBeNull();
  });

  test('elders, family and the admin may not publish menus', async () => {
    const world = await createCanteenWorld();
    for (const userId of [world.elder.elderId, world.family.userId, world.admin.userId]) {
      const response = await api.as(userId).put(`/centres/${world.home.centreId}/menus/${TUESDAY}/lunch`, menuBody());
      expect(response.status).toBe(403);
    }
    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toBeNull();
  });

  test('changing a menu that has orders keeps the orders, their seats and the price they were placed at', async () => {
    const world = await createCanteenWorld();
    await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch');
    const order = await placeOrder(api, world.young.elderId, world.young.elderId, TUESDAY, 'lunch');
    expect(order.priceFen).toBe(1500);

    const changed = await api.as(world.worker.userId).put(`/centres/${world.home.centreId}/menus/${TUESDAY}/lunch`, menuBody({ standardPriceFen: 2000, seatCapacity: 30, dishes: [{ name: '红烧鸡块', kind: 'meat', tags: [] }] }));
    expect(changed.status).toBe(200);
    expect(changed.body.menu).toMatchObject({ standardPriceFen: 2000, seatCapacity: 30, seatsLeft: 29 });

    const stored = await storedMenu(world.home.centreId, TUESDAY, 'lunch');
    expect(stored).toMatchObject({ seatsTaken: 1, seatCapacity: 30, standardPriceFen: 2000 });
    const orders = await storedOrdersOfMeal(world.home.centreId, TUESDAY, 'lunch');
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ orderId: order.orderId, status: 'placed', priceFen: 1500, standardPriceFen: 1500, subsidyFen: 0 });
  });

  test('a capacity below the seats already taken is refused with 409 CAPACITY_BELOW_ORDERS and the menu is unchanged', async () => {
    const world = await createCanteenWorld();
    await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch');
    await placeOrder(api, world.young.elderId, world.young.elderId, TUESDAY, 'lunch');
    await placeOrder(api, world.tekun.elderId, world.tekun.elderId, TUESDAY, 'lunch');
    await placeOrder(api, world.homebound.elderId, world.homebound.elderId, TUESDAY, 'lunch', 'delivery');

    const fewerSeats = await api.as(world.worker.userId).put(`/centres/${world.home.centreId}/menus/${TUESDAY}/lunch`, menuBody({ seatCapacity: 1 }));
    expect(fewerSeats.status).toBe(409);
    expect(errorCode(fewerSeats)).toBe('CAPACITY_BELOW_ORDERS');
    const noDeliveries = await api.as(world.worker.userId).put(`/centres/${world.home.centreId}/menus/${TUESDAY}/lunch`, menuBody({ deliveryCapacity: 0 }));
    expect(noDeliveries.status).toBe(409);
    expect(errorCode(noDeliveries)).toBe('CAPACITY_BELOW_ORDERS');

    expect(await storedMenu(world.home.centreId, TUESDAY, 'lunch')).toMatchObject({ seatCapacity: 50, deliveryCapacity: 15, seatsTaken: 2, deliveriesTaken: 1 });
    expect(await storedOrdersOfMeal(world.home.centreId, TUESDAY, 'lunch')).toHaveLength(3);

    const exactlyTaken = await api.as(world.worker.userId).put(`/centres/${world.home.centreId}/menus/${TUESDAY}/lunch`, menuBody({ seatCapacity: 2, deliveryCapacity: 1 }));
    expect(exactlyTaken.status).toBe(200);
    expect(exactlyTaken.body.menu).toMatchObject({ seatsLeft: 0, deliveriesLeft: 0 });
  });
});

describe('POST /centres/{centreId}/menus/copy-week: copying a week of menus', () => {
  test('menus appear on the same weekdays of the target week; menus already there are kept', async () => {
    const world = await createCanteenWorld();
    await publishMenu(api, world.worker.userId, world.home.centreId, MONDAY, 'lunch', { standardPriceFen: 1500 });
    await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'dinner', { standardPriceFen: 1400, cutoffTime: '15:00' });
    await publishMenu(api, world.worker.userId, world.home.centreId, NEXT_MONDAY, 'lunch', { standardPriceFen: 1800, seatCapacity: 10 });

    const response = await api.as(world.worker.userId).post(`/centres/${world.home.centreId}/menus/copy-week`, { fromWeekStart: MONDAY, toWeekStart: NEXT_MONDAY });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ copied: 1, skipped: 1 });

    expect(await storedMenu(world.home.centreId, NEXT_MONDAY, 'lunch')).toMatchObject({ standardPriceFen: 1800, seatCapacity: 10 });
    const copied = await storedMenu(world.home.centreId, '2026-11-24', 'dinner');
    expect(copied).toMatchObject({ standardPriceFen: 1400, cutoffTime: '15:00', cutoffAt: '2026-11-24T07:00:00.000Z', seatsTaken: 0 });
    expect(copied?.dishes.map((dish) => dish.name)).toEqual(['清蒸鲈鱼', '土豆烧牛肉', '肉末蒸蛋', '清炒菠菜', '蒜蓉西兰花', '紫菜蛋花汤']);
    expect(await storedMenu(world.home.centreId, '2026-11-24', 'lunch')).toBeNull();
  });

  test('copying from a week without menus is refused and a worker of another centre may not copy', async () => {
    const world = await createCanteenWorld();
    const empty = await api.as(world.worker.userId).post(`/centres/${world.home.centreId}/menus/copy-week`, { fromWeekStart: '2026-11-30', toWeekStart: '2026-12-07' });
    expect(empty.status).toBe(400);
    expect(errorCode(empty)).toBe('MENU_NOT_FOUND');
    await publishMenu(api, world.worker.userId, world.home.centreId, MONDAY, 'lunch');
    const foreign = await api.as(world.otherWorker.userId).post(`/centres/${world.home.centreId}/menus/copy-week`, { fromWeekStart: MONDAY, toWeekStart: NEXT_MONDAY });
    expect(foreign.status).toBe(403);
    expect(errorCode(foreign)).toBe('NOT_YOUR_CENTRE');
    expect(await storedMenu(world.home.centreId, NEXT_MONDAY, 'lunch')).toBeNull();
  });
});

describe('GET /elders/{elderId}/menus: the coming week with the elder’s own prices', () => {
  beforeAll(async () => {
    setLocalTime(MONDAY, '08:00');
    await seedDemoData();
  });

  test('seven days from today, lunch and dinner each, with the elder’s price and the reason', async () => {
    const response = await api.as('demo-elder-li').get('/elders/demo-elder-li/menus');
    expect(response.status).toBe(200);
    expect(response.body.centreName).toBe('学院路街道综合养老服务中心');
    const days = response.body.days as Array<{ date: string; weekdayName: string; meals: Array<{ menu: { meal: string }; price: object }> }>;
    expect(days.map((day) => day.date)).toEqual([MONDAY, TUESDAY, '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', SUNDAY]);
    expect(days.map((day) => day.weekdayName)).toEqual(['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日']);
    for (const day of days) {
      expect(day.meals.map((offer) => offer.menu.meal).sort()).toEqual(['dinner', 'lunch']);
      for (const offer of day.meals) {
        // 李建国 is 73: the 70–79 price against the demo canteens' ¥15.
        expect(offer.price).toEqual({ priceFen: 900, subsidyFen: 600, rule: 'age70', reason: '70–79岁 ¥9' });
      }
    }
  });

  test.each([
    ['demo-elder-wang', 800, '80岁以上 ¥8'],
    ['demo-elder-zhang', 800, '低保 ¥8'],
    ['demo-elder-zhao', 0, '特困 免费'],
    ['demo-elder-sun', 0, '残疾 免费'],
    ['demo-elder-zhou', 800, '80岁以上 ¥8'],
    ['demo-elder-wu', 1500, '标准价 ¥15'],
  ])('%s sees the price %i with the reason %s', async (elderId, priceFen, reason) => {
    const response = await api.as(elderId).get(`/elders/${elderId}/menus`);
    expect(response.status).toBe(200);
    const offer = response.body.days[1].meals[0];
    expect(offer.price).toMatchObject({ priceFen, reason, subsidyFen: 1500 - priceFen });
  });

  // Fails today: menus come back in key order (date, then meal name), and "dinner" sorts before "lunch".
  test('each day lists lunch (午餐) before dinner (晚餐)', async () => {
    const response = await api.as('demo-elder-li').get('/elders/demo-elder-li/menus');
    for (const day of response.body.days) {
      expect(day.meals.map((offer: { menu: { meal: string } }) => offer.menu.meal)).toEqual(['lunch', 'dinner']);
    }
  });

  test('delivery is offered only to mobility-limited elders', async () => {
    const homebound = await api.as('demo-elder-wang').get('/elders/demo-elder-wang/menus');
    const walking = await api.as('demo-elder-li').get('/elders/demo-elder-li/menus');
    expect(homebound.body.days[1].meals[0].fulfilmentsAllowed).toEqual(['eat_in', 'pick_up', 'delivery']);
    expect(walking.body.days[1].meals[0].fulfilmentsAllowed).toEqual(['eat_in', 'pick_up']);
  });

  test('after the cutoff today’s lunch is not orderable and says why; dinner still is', async () => {
    setLocalTime(MONDAY, '10:00');
    const response = await api.as('demo-elder-li').get('/elders/demo-elder-li/menus');
    const today = response.body.days[0];
    expect(today.date).toBe(MONDAY);
    const lunch = today.meals.find((offer: { menu: { meal: string } }) => offer.menu.meal === 'lunch');
    const dinner = today.meals.find((offer: { menu: { meal: string } }) => offer.menu.meal === 'dinner');
    expect(lunch).toMatchObject({ orderable: false, closedReason: '已过订餐时间（09:30 截止）' });
    expect(dinner.orderable).toBe(true);
    expect(dinner.closedReason).toBeUndefined();
  });

  test('a meal already ordered shows the order and is no longer orderable', async () => {
    const order = await placeOrder(api, 'demo-elder-zhang', 'demo-elder-zhang', TUESDAY, 'dinner');
    const response = await api.as('demo-elder-zhang').get('/elders/demo-elder-zhang/menus');
    const dinner = response.body.days[1].meals.find((offer: { menu: { meal: string } }) => offer.menu.meal === 'dinner');
    expect(dinner).toMatchObject({ orderable: false, closedReason: '这一餐已经订好了', order: { orderId: order.orderId, status: 'placed' } });
  });

  test('bound family see the elder’s menus; unbound family are told the elder does not exist', async () => {
    const bound = await api.as('demo-family-wanglei').get('/elders/demo-elder-wang/menus');
    expect(bound.status).toBe(200);
    expect(bound.body.days[0].meals[0].price.reason).toBe('80岁以上 ¥8');
    const unbound = await api.as('demo-family-chen').get('/elders/demo-elder-wang/menus');
    expect(unbound.status).toBe(404);
    expect(errorCode(unbound)).toBe('ELDER_NOT_FOUND');
  });
});
