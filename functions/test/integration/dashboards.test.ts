/** @dynamodb-streams */
import { useLocalConsumers } from '../support/consumers';
import { Community } from '../../src/features/people/entities';
import { errorCode, tokenFor, useApi } from '../support/api';
import { MONDAY, TUESDAY, idempotencyKey, publishMenu, setLocalTime } from '../support/canteen-fixtures';
import { completeVisit, createCareWorld } from '../support/care-fixtures';
import { createElder, createUser, uniqueId } from '../support/seed';
import { createVolunteer, grantPoints, postedWish, realisedWish } from '../support/wish-fixtures';

/**
 * What workers and the admin see on their dashboards and in the county's settlement report: figures the
 * stream consumers keep, read back through the API.
 */
const api = useApi();

const runner = useLocalConsumers();

/**
 * A county with the care world's two centres; the home centre has a second community (河东社区). On Tuesday:
 * meals ordered, served and delivered; a visit done and rated 5 stars, another confirmed and never started;
 * a wish realised, one waiting for review; hours granted; elders living alone, one seen, one not for months.
 */
async function createBusyCounty() {
  setLocalTime(MONDAY, '08:00');
  const world = await createCareWorld(api);
  const hedong = { communityId: uniqueId('comm'), centreId: world.home.centreId, countyId: world.home.countyId, name: '河东社区' };
  await Community.put(hedong).go();
  const [seenAlone, quietAlone, hedongElder] = await Promise.all([
    createElder(world.home, { name: '独居有人看', livingSituation: 'alone', subsidyCategoryVerified: 'tekun', birthDate: '1938-03-01' }),
    createElder(world.home, { name: '独居没人看', livingSituation: 'alone', ability: 'dependent', birthDate: '1931-03-01' }),
    createElder(hedong, { name: '河东长辈', subsidyCategoryVerified: 'dibao' }),
  ]);
  const worker = api.as(world.worker.userId);
  await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch', { deliveryCapacity: 5 });
  const order = async (elderId: string, fulfilment: string) => {
    const answer = await worker.post(`/elders/${elderId}/orders`, { date: TUESDAY, meal: 'lunch', fulfilment, note: '', idempotencyKey: idempotencyKey() });
    if (answer.status !== 201) throw new Error(`Ordering failed: ${answer.status} ${answer.text}`);
    return answer.body.order.orderId as string;
  };
  const served = await order(seenAlone.elderId, 'eat_in');
  const delivered = await order(world.neighbour.elderId, 'eat_in');
  await order(world.elder.elderId, 'pick_up');
  const hedongWorker = await createUser('worker', { communityId: hedong.communityId, name: '河东工作人员' });
  await api.as(hedongWorker.userId).post(`/elders/${hedongElder.elderId}/orders`, { date: TUESDAY, meal: 'lunch', fulfilment: 'eat_in', note: '', idempotencyKey: idempotencyKey() });
  // A visit: booked, assigned, done and rated; another confirmed for the morning and never started.
  const book = async (elderId: string, start: string) =>
    (await worker.post(`/elders/${elderId}/bookings`, { serviceId: world.cleaning.serviceId, date: TUESDAY, windowStart: start, address: '学院路 12 号', note: '', idempotencyKey: idempotencyKey() })).body.booking.bookingId as string;
  const done = await book(world.elder.elderId, '09:00');
  await worker.post(`/bookings/${done}/assign`, { staffId: world.cleaner.userId });
  const forgotten = await book(world.neighbour.elderId, '09:00');
  await worker.post(`/bookings/${forgotten}/assign`, { staffId: world.otherCleaner.userId });
  await completeVisit(api, done, world.cleaner.userId, TUESDAY, '09:05');
  await api.as(world.family.userId).post(`/bookings/${done}/rating`, { stars: 5, comment: '很好' });
  setLocalTime(TUESDAY, '11:40');
  for (const orderId of [served, delivered]) {
    for (const status of ['confirmed', 'served']) {
      const answer = await worker.post(`/orders/${orderId}/status`, { status });
      if (answer.status !== 200) throw new Error(`Order status failed: ${answer.status} ${answer.text}`);
    }
  }
  const volunteer = await createVolunteer({ ...world.home, countyId: world.home.countyId }, { name: '黄丽华', partyMember: true });
  await realisedWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
  await postedWish(api, world.family.userId, world.elder.elderId, { title: '想要一副老花镜' });
  await grantPoints(api, world.worker.userId, volunteer.userId, 6);
  await runner.idle();
  setLocalTime(TUESDAY, '12:00');
  return { ...world, hedong, hedongWorker, seenAlone, quietAlone, hedongElder, volunteer };
}

let county: Awaited<ReturnType<typeof createBusyCounty>>;
beforeAll(async () => {
  county = await createBusyCounty();
});
// Tuesday noon, the lunch served, the morning's window past.
beforeEach(() => setLocalTime(TUESDAY, '12:00'));

describe('a community worker’s dashboard', () => {
  test('shows today’s meals by meal and fulfilment, pending orders, visits in progress and overdue, and wishes', async () => {
    const { status, body } = await api.as(county.worker.userId).get(`/communities/${county.home.communityId}/dashboard`);
    expect(status).toBe(200);
    expect(body.today).toBe(TUESDAY);
    expect(body.place).toMatchObject({ kind: 'community', id: county.home.communityId, name: '学院路社区' });
    const lunch = body.mealsToday.find((meal: { meal: string }) => meal.meal === 'lunch');
    expect(Object.fromEntries(lunch.byFulfilment.map((row: { key: string; count: number }) => [row.key, row.count]))).toEqual({ eat_in: 2, pick_up: 1, delivery: 0 });
    expect(lunch).toMatchObject({ total: 3, done: 2 });
    // The other community's order counts there, not here.
    expect(body.now).toMatchObject({ mealsToday: 3, pendingOrders: 1, visitsOverdue: 1, wishesToReview: 1 });
    expect(body.visitsToday).toEqual({ booked: 2, inProgress: 0, completed: 1 });
    // Collected as the wall counts it: the one waiting for review was received too.
    expect(body.wishes).toEqual({ collected: 2, published: 0, claimed: 0, realised: 1 });
  });

  test('shows the month: meals and subsidy, the visit, points earned, active volunteers and satisfaction', async () => {
    const { body } = await api.as(county.worker.userId).get(`/communities/${county.home.communityId}/dashboard`);
    expect(body.month).toBe('2026-11');
    expect(body.monthFigures).toMatchObject({ meals: 2, visits: 1, wishesPosted: 2, wishesRealised: 1, activeVolunteers: 1, ratings: 1, satisfied: 1 });
    expect(body.monthFigures.pointsEarned).toBeGreaterThanOrEqual(16);
    expect(body.monthFigures.mealSubsidyFen).toBeGreaterThan(0);
    expect(body.trend).toHaveLength(12);
    expect(body.trend[11]).toEqual(body.monthFigures);
  });

  test('counts the register by subsidy, age band, ability and living alone, and lists who lives alone unseen for a week', async () => {
    const { body } = await api.as(county.worker.userId).get(`/communities/${county.home.communityId}/dashboard`);
    const counts = (rows: Array<{ key: string; count: number }>) => Object.fromEntries(rows.filter((row) => row.count).map((row) => [row.key, row.count]));
    expect(body.elders.total).toBe(4);
    expect(body.elders.livingAlone).toBe(2);
    expect(counts(body.elders.bySubsidy)).toMatchObject({ tekun: 1 });
    expect(counts(body.elders.byAgeBand)).toMatchObject({ '90plus': 1 });
    expect(counts(body.elders.byAbility)).toMatchObject({ dependent: 1 });
    // The one who ate on Tuesday is not on the list; the one not seen since registering in January is.
    expect(body.toKnock.map((row: { name: string }) => row.name)).toEqual(['独居没人看']);
    expect(body.toKnock[0]).toMatchObject({ lastContact: null, communityName: '学院路社区' });
    expect(body.toKnock[0].quietDays).toBeGreaterThan(300);
    expect(body.now.eldersToKnock).toBe(1);
  });

  test('another community’s worker, and an admin of another county, are refused (403)', async () => {
    const other = await api.as(county.otherWorker.userId).get(`/communities/${county.home.communityId}/dashboard`);
    expect([other.status, errorCode(other)]).toEqual([403, 'NOT_YOUR_COMMUNITY']);
    const stranger = await createUser('admin', { countyId: uniqueId('county'), name: '外县管理员' });
    const countyAnswer = await api.as(stranger.userId).get(`/counties/${county.home.countyId}/dashboard`);
    expect([countyAnswer.status, errorCode(countyAnswer)]).toEqual([403, 'NOT_YOUR_COUNTY']);
    const centre = await api.as(stranger.userId).get(`/centres/${county.home.centreId}/dashboard`);
    expect([centre.status, errorCode(centre)]).toEqual([403, 'NOT_YOUR_CENTRE']);
  });

  test('a month that is not 年-月 is a 400 naming the field', async () => {
    const response = await api.as(county.worker.userId).get(`/communities/${county.home.communityId}/dashboard?month=2026-13`);
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/月份/);
  });
});

describe('the centre and the county', () => {
  test('a centre’s dashboard puts its communities side by side', async () => {
    const { body } = await api.as(county.admin.userId).get(`/centres/${county.home.centreId}/dashboard`);
    expect(body.now.mealsToday).toBe(4);
    const parts = Object.fromEntries(body.parts.map((part: { place: { name: string }; figures: { meals: number } }) => [part.place.name, part.figures.meals]));
    expect(parts).toEqual({ 学院路社区: 2, 河东社区: 0 });
  });

  test('the county’s dashboard has its centres side by side, its totals and twelve months of trend', async () => {
    const { body } = await api.as(county.admin.userId).get(`/counties/${county.home.countyId}/dashboard?month=2026-11`);
    expect(body.place.kind).toBe('county');
    expect(body.parts).toHaveLength(2);
    const home = body.parts.find((part: { place: { id: string } }) => part.place.id === county.home.centreId);
    expect(home.figures).toMatchObject({ meals: 2, visits: 1 });
    expect(body.monthFigures.meals).toBe(body.parts.reduce((sum: number, part: { figures: { meals: number } }) => sum + part.figures.meals, 0));
    expect(body.toKnock).toEqual([]);
    expect(body.now.eldersToKnock).toBeGreaterThanOrEqual(1);
  });
});

describe('the monthly settlement report', () => {
  test('agrees with every centre’s own statement to the fen, category by category', async () => {
    const { status, body: report } = await api.as(county.admin.userId).get(`/counties/${county.home.countyId}/settlements/2026-11`);
    expect(status).toBe(200);
    for (const row of report.rows) {
      const { body: statement } = await api.as(county.admin.userId).get(`/centres/${row.centreId}/statements/2026-11`);
      expect({ meals: row.meals, paidFen: row.mealPaidFen, subsidyFen: row.mealSubsidyFen }).toEqual(statement.totals);
      for (const group of statement.byCategory) {
        expect(row.mealsByCategory.find((one: { category: string }) => one.category === group.subsidyCategory)).toMatchObject({ meals: group.meals, paidFen: group.paidFen, subsidyFen: group.subsidyFen });
      }
    }
    expect(report.totals.meals).toBe(2);
    expect(report.totals.visits).toBe(1);
    expect(report.totals.mealSubsidyFen).toBe(report.rows.reduce((sum: number, row: { mealSubsidyFen: number }) => sum + row.mealSubsidyFen, 0));
  });

  test('downloads as CSV in UTF-8 with a byte-order mark, the header row first, a row per centre and the total', async () => {
    const response = await fetch(`${api.url}/counties/${county.home.countyId}/settlements/2026-11?format=csv`, {
      headers: { authorization: `Bearer ${await tokenFor(county.admin.userId)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toMatch(/^服务中心,助餐次数,助餐自付（元）,助餐补贴（元）,/);
    expect(lines.filter((line) => line.startsWith('学院路街道综合养老服务中心'))).toHaveLength(2);
    expect(lines.find((line) => line.startsWith('合计'))).toMatch(/^合计,2,/);
  });

  test('is the county admin’s: a worker is refused by role, another county’s admin with 403', async () => {
    expect((await api.as(county.worker.userId).get(`/counties/${county.home.countyId}/settlements/2026-11`)).status).toBe(403);
    const stranger = await createUser('admin', { countyId: uniqueId('county'), name: '外县管理员' });
    const refused = await api.as(stranger.userId).get(`/counties/${county.home.countyId}/settlements/2026-11`);
    expect([refused.status, errorCode(refused)]).toEqual([403, 'NOT_YOUR_COUNTY']);
  });
});
