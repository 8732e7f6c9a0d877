/** @dynamodb-streams */
import fc from 'fast-check';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { startStreamRunner, type LocalConsumer, type StreamRunner } from '../../src/local/stream-runner';
import { consumers, handlerModule } from '../../src/routes';
import { recountFrom } from '../../src/features/insights/recount';
import { setClock } from '../../src/platform/clock';
import { useApi } from '../support/api';
import { MONDAY, TUESDAY, idempotencyKey, publishMenu, setLocalTime } from '../support/canteen-fixtures';
import { completeVisit, createCareWorld } from '../support/care-fixtures';
import { createElder, tableItems } from '../support/seed';
import { IN_WINDOW, createVolunteer, grantPoints, openStoreOn, postedWish, storeItem } from '../support/wish-fixtures';

/**
 * The figures are kept by a consumer of the table's stream, one difference at a time. Whatever people do,
 * in whatever order, every figure must equal a full recount of the records, and the same stream records
 * delivered again must change nothing.
 */
const api = useApi();
jest.setTimeout(600_000);

// Every event the figures consumer was given, to deliver all of them a second time.
const delivered: DynamoDBStreamEvent[] = [];
type Handler = LocalConsumer['handler'];
const handlerOf = (name: string) => require(`../../src/${handlerModule(name)}`).handler as Handler;
const figuresHandler = handlerOf('insights-events/figures');

let runner: StreamRunner;
beforeAll(async () => {
  runner = await startStreamRunner(
    consumers.map((consumer) => ({
      name: consumer.handler,
      entities: consumer.entities,
      handler:
        consumer.handler === 'insights-events/figures'
          ? async (event: DynamoDBStreamEvent) => {
              delivered.push(event);
              return figuresHandler(event);
            }
          : handlerOf(consumer.handler),
    })),
    { pollMs: 50 },
  );
});
afterAll(async () => runner?.stop());

type World = Awaited<ReturnType<typeof createWorldForFigures>>;

async function createWorldForFigures() {
  setLocalTime(MONDAY, '08:00');
  const world = await createCareWorld(api);
  const alone = await Promise.all(
    ['独居甲', '独居乙', '独居丙'].map((name, index) => createElder(world.home, { name, birthDate: `19${40 + index * 8}-05-01`, livingSituation: 'alone', ability: 'partlyDependent' })),
  );
  const volunteer = await createVolunteer({ ...world.home, countyId: world.home.countyId }, { name: '黄丽华', partyMember: true });
  await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch', { seatCapacity: 50, deliveryCapacity: 10 });
  await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'dinner', { seatCapacity: 50, deliveryCapacity: 10 });
  await openStoreOn(api, world.worker.userId, world.home.communityId, IN_WINDOW.slice(0, 10));
  const item = await storeItem(api, world.worker.userId, world.home.communityId, { pricePoints: 5, stock: 50 });
  const elders = [world.elder, world.neighbour, ...alone].map((elder) => elder.elderId);
  return { ...world, volunteer, item, elders, orders: [] as string[], bookings: [] as string[], redemptions: [] as string[] };
}

const pick = <T>(list: T[], index: number): T | undefined => (list.length ? list[index % list.length] : undefined);

const operation = fc.oneof(
  fc.record({ kind: fc.constant('order' as const), elder: fc.nat(), meal: fc.constantFrom('lunch' as const, 'dinner' as const), fulfilment: fc.constantFrom('eat_in' as const, 'pick_up' as const) }),
  fc.record({ kind: fc.constant('cancelOrder' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('orderStatus' as const), which: fc.nat(), status: fc.constantFrom('confirmed' as const, 'served' as const, 'no_show' as const) }),
  fc.record({ kind: fc.constant('visit' as const), elder: fc.nat(), start: fc.constantFrom('09:00', '14:00'), steps: fc.integer({ min: 0, max: 3 }), stars: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('cancelVisit' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('wish' as const), elder: fc.nat(), steps: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('grant' as const), points: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('redeem' as const), cancel: fc.boolean() }),
  fc.record({ kind: fc.constant('elderStatus' as const), elder: fc.nat(), status: fc.constantFrom('deceased' as const, 'active' as const) }),
  fc.record({ kind: fc.constant('move' as const), elder: fc.nat() }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

/** Does one thing through the API as the person would; refusals (a seat twice, a late cancel) are part of life. */
async function perform(world: World, op: Operation): Promise<void> {
  const worker = api.as(world.worker.userId);
  setLocalTime(MONDAY, '08:00');
  switch (op.kind) {
    case 'order': {
      const elderId = pick(world.elders, op.elder)!;
      const answer = await api.as(world.worker.userId).post(`/elders/${elderId}/orders`, { date: TUESDAY, meal: op.meal, fulfilment: op.fulfilment, note: '', idempotencyKey: idempotencyKey() });
      if (answer.status === 201) world.orders.push(answer.body.order.orderId);
      return;
    }
    case 'cancelOrder': {
      const orderId = pick(world.orders, op.which);
      if (orderId) await worker.post(`/orders/${orderId}/cancel`);
      return;
    }
    case 'orderStatus': {
      const orderId = pick(world.orders, op.which);
      setLocalTime(TUESDAY, '11:40');
      if (orderId) await worker.post(`/orders/${orderId}/status`, { status: op.status });
      return;
    }
    case 'visit': {
      const elderId = pick(world.elders, op.elder)!;
      const answer = await worker.post(`/elders/${elderId}/bookings`, { serviceId: world.cleaning.serviceId, date: TUESDAY, windowStart: op.start, address: '学院路 12 号', note: '', idempotencyKey: idempotencyKey() });
      if (answer.status !== 201) return;
      const bookingId = answer.body.booking.bookingId as string;
      world.bookings.push(bookingId);
      if (op.steps < 1) return;
      const staff = op.start === '09:00' ? world.cleaner : world.otherCleaner;
      if ((await worker.post(`/bookings/${bookingId}/assign`, { staffId: staff.userId })).status !== 200 || op.steps < 2) return;
      await completeVisit(api, bookingId, staff.userId, TUESDAY, op.start === '09:00' ? '09:05' : '14:05').catch(() => undefined);
      if (op.steps < 3) return;
      await api.as(elderId).post(`/bookings/${bookingId}/rating`, { stars: op.stars, comment: '' });
      return;
    }
    case 'cancelVisit': {
      const bookingId = pick(world.bookings, op.which);
      if (bookingId) await worker.post(`/bookings/${bookingId}/cancel`);
      return;
    }
    case 'wish': {
      const elderId = pick(world.elders, op.elder)!;
      const wish = await postedWish(api, world.worker.userId, elderId).catch(() => undefined);
      if (!wish) return;
      const steps = [
        () => worker.post(`/wishes/${wish.wishId}/publish`, {}),
        () => api.as(world.volunteer.userId).post(`/wishes/${wish.wishId}/claim`),
        () => api.as(world.volunteer.userId).post(`/wishes/${wish.wishId}/deliver`, { message: '送到了。' }),
        () => worker.post(`/wishes/${wish.wishId}/confirm`),
      ];
      for (const step of steps.slice(0, op.steps)) if ((await step()).status !== 200) return;
      return;
    }
    case 'grant':
      await grantPoints(api, world.worker.userId, world.volunteer.userId, op.points);
      return;
    case 'redeem': {
      setClock(IN_WINDOW);
      const answer = await api.as(world.volunteer.userId).post(`/points/${world.volunteer.userId}/redemptions`, { itemId: world.item.itemId, idempotencyKey: idempotencyKey() });
      if (answer.status === 201 && op.cancel) await worker.post(`/redemptions/${answer.body.redemption.redemptionId}/cancel`);
      return;
    }
    case 'elderStatus': {
      const elderId = pick(world.elders, op.elder)!;
      await worker.put(`/elders/${elderId}/status`, { status: op.status, note: '' });
      return;
    }
    case 'move': {
      const elderId = pick(world.elders, op.elder)!;
      const { body } = await worker.get(`/elders/${elderId}`);
      const to = body?.elder?.communityId === world.home.communityId ? world.other.communityId : world.home.communityId;
      // The home community's worker hands an elder over; the other community's brings them back.
      const mover = to === world.other.communityId ? world.worker.userId : world.otherWorker.userId;
      await api.as(mover).put(`/elders/${elderId}/community`, { communityId: to });
      return;
    }
  }
}

/** The figures as stored: `scope|key` → value, without zeros. */
async function storedFigures(): Promise<Map<string, number>> {
  const figures = new Map<string, number>();
  for (const item of await tableItems()) {
    if (item.__edb_e__ === 'figure' && item.value !== 0) figures.set(`${String(item.scope)}|${String(item.key)}`, item.value as number);
  }
  return figures;
}

async function storedLastContacts(): Promise<Map<string, string>> {
  const contacts = new Map<string, string>();
  for (const item of await tableItems()) {
    if (item.__edb_e__ === 'elderContact' && typeof item.lastContact === 'string') contacts.set(String(item.elderId), item.lastContact);
  }
  return contacts;
}

const sorted = (figures: Map<string, number>) => Object.fromEntries([...figures].sort(([a], [b]) => a.localeCompare(b)));

test('after any sequence of orders, cancels, visits, wishes, points and register changes, every figure equals a full recount', async () => {
  const world = await createWorldForFigures();
  await fc.assert(
    fc.asyncProperty(fc.array(operation, { minLength: 20, maxLength: 40 }), async (operations) => {
      for (const op of operations) await perform(world, op);
      await runner.idle();
      const recount = await recountFrom(await tableItems());
      expect(sorted(await storedFigures())).toEqual(sorted(recount.figures));
      expect(Object.fromEntries(await storedLastContacts())).toEqual(Object.fromEntries(recount.lastContacts));
    }),
    { numRuns: 3, seed: 20261130, endOnFailure: true },
  );
  // The sequences did reach every kind of figure, so the comparison above compared something.
  const county = [...(await storedFigures()).keys()].filter((at) => at.startsWith(`county#${world.home.countyId}|`)).map((at) => at.split('|')[1]);
  for (const metric of ['#meals', '#visits', '#wishesPosted', '#pointsEarned', 'g#elders', 'g#wishes.']) expect(county.some((key) => key.includes(metric))).toBe(true);
});

test('the same stream records delivered again change no figure', async () => {
  expect(delivered.length).toBeGreaterThan(50);
  const before = sorted(await storedFigures());
  for (const event of delivered.slice()) await figuresHandler(event);
  expect(sorted(await storedFigures())).toEqual(before);
});
