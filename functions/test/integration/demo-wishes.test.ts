import { seedDemoData } from '../../src/local/bootstrap';
import { setClock } from '../../src/platform/clock';
import { useApi } from '../support/api';

/**
 * The demo's micro-wishes and points, as the demo accounts see them through the API. The demo is seeded on
 * the second day of a month, so the points of the last few days still make this month's leaderboard.
 */
const api = useApi();
const TODAY = '2026-12-02T02:00:00.000Z';

beforeAll(async () => {
  setClock(TODAY);
  await seedDemoData();
});
beforeEach(() => setClock(TODAY));

async function as(userId: string) {
  const signedIn = await api.anonymous.post('/auth/demo', { userId });
  expect(signedIn.status).toBe(200);
  return api.as(signedIn.body.token);
}

const titles = (wishes: Array<{ title: string }>) => wishes.map((wish) => wish.title);

test('the county wall shows the published wishes of two communities with each community’s counts', async () => {
  const liu = await as('demo-volunteer-liu');
  const wall = await liu.get('/wall');
  expect(wall.status).toBe(200);
  expect(titles(wall.body.wishes).sort()).toEqual(['想有人陪我去医院复查', '想要一个收音机听戏'].sort());
  expect(wall.body.wishes.every((wish: { can: { claim: boolean } }) => wish.can.claim)).toBe(true);
  expect(wall.body.tallies).toEqual(
    expect.arrayContaining([
      // Collected: those below, the one waiting for review and the one not taken on.
      { communityId: 'demo-comm-xueyuan', communityName: '学院路社区', collected: 7, waiting: 1, inProgress: 2, realised: 2 },
      { communityId: 'demo-comm-dongfeng', communityName: '东风社区', collected: 1, waiting: 1, inProgress: 0, realised: 0 },
    ]),
  );
  const own = await liu.get('/wall?communityId=demo-comm-xueyuan');
  expect(titles(own.body.wishes)).toEqual(['想有人陪我去医院复查']);
});

test('黄丽华 holds the claimed and the delivered wish, nearest deadline first, and has realised two', async () => {
  const mine = await (await as('demo-volunteer-huang')).get('/me/wishes');
  expect(mine.status).toBe(200);
  expect(mine.body).toMatchObject({ confirmed: true, partyMember: true, balance: 10 });
  expect(mine.body.inHand.map((wish: { title: string; status: string }) => [wish.title, wish.status])).toEqual([
    ['家里灯泡坏了，想请人换一下', 'delivered'],
    ['想请人上门理个发', 'claimed'],
  ]);
  // Claimed four days ago with the community's 14 days: due in ten days.
  expect(mine.body.inHand[1].claimDeadline.slice(0, 10)).toBe('2026-12-12');
  expect(titles(mine.body.realised).sort()).toEqual(['想有人陪我聊聊天', '想要一个血压计'].sort());
  expect(mine.body.realised.find((wish: { title: string }) => wish.title === '想有人陪我聊聊天').thanks.message).toContain('谢谢小黄');
});

test('the community sees each state once, a realised wish’s timeline in order, and the rejection’s reason', async () => {
  const worker = await as('demo-worker-xueyuan');
  const all = await worker.get('/communities/demo-comm-xueyuan/wishes');
  const count = (status: string) => all.body.items.filter((wish: { status: string }) => wish.status === status).length;
  expect(['pending', 'published', 'claimed', 'delivered', 'realised', 'rejected'].map(count)).toEqual([1, 1, 1, 1, 2, 1]);
  const pending = all.body.items.find((wish: { status: string }) => wish.status === 'pending');
  expect(pending).toMatchObject({ title: '想要一副老花镜', elderId: 'demo-elder-wang', can: { review: true } });
  // Lists carry no timelines; one wish's page has it.
  expect(pending.timeline).toBeUndefined();
  expect((await worker.get(`/wishes/${pending.wishId}`)).body.wish.timeline[0]).toMatchObject({ action: 'wish.posted', byName: '王磊（儿子）' });
  expect(all.body.items.find((wish: { status: string }) => wish.status === 'rejected').rejectReason).toContain('以旧换新');

  const chat = all.body.items.find((wish: { title: string }) => wish.title === '想有人陪我聊聊天');
  const timeline = (await worker.get(`/wishes/${chat.wishId}`)).body.wish.timeline as Array<{ action: string; at: string }>;
  expect(timeline.map((entry) => entry.action)).toEqual(['wish.posted', 'wish.published', 'wish.claimed', 'wish.delivered', 'wish.realised', 'wish.thanked']);
  expect(timeline.map((entry) => entry.at)).toEqual(timeline.map((entry) => entry.at).sort());
  expect(timeline[4].at.slice(0, 7)).toBe('2026-12');
});

test('the store is open with its items, one redemption waiting at the centre and one handed over', async () => {
  const store = await (await as('demo-volunteer-huang')).get('/communities/demo-comm-xueyuan/store');
  expect(store.status).toBe(200);
  expect(store.body).toMatchObject({ eldersRedeem: true, redemption: { open: true, window: { from: '2026-11-29', to: '2026-12-13' } } });
  expect(store.body.items.map((item: { name: string; pricePoints: number; stock: number }) => [item.name, item.pricePoints, item.stock])).toEqual([
    ['挂面', 10, 20],
    ['洗衣液', 20, 8],
    ['老花镜', 50, 2],
    ['电饭煲', 200, 0],
  ]);
  const redemptions = await (await as('demo-worker-xueyuan')).get('/communities/demo-comm-xueyuan/redemptions');
  expect(redemptions.body.items.map((one: { itemName: string; status: string; holderName: string }) => [one.itemName, one.status, one.holderName])).toEqual([
    ['洗衣液', 'waiting', '黄丽华'],
    ['挂面', 'handed', '黄丽华'],
  ]);
});

test('黄丽华’s points add up to her balance, and she leads this month’s leaderboard over 刘洋', async () => {
  const huang = await as('demo-volunteer-huang');
  const points = await huang.get('/points/demo-volunteer-huang');
  expect(points.body.balance).toBe(10);
  expect(points.body.entries.reduce((sum: number, entry: { amount: number }) => sum + entry.amount, 0)).toBe(10);
  expect(points.body.entries.map((entry: { kind: string }) => entry.kind).sort()).toEqual(['hours', 'redeem', 'redeem', 'wish', 'wish']);
  const board = await huang.get('/communities/demo-comm-xueyuan/leaderboard');
  expect(board.body).toMatchObject({ month: '2026-12' });
  expect(board.body.rows).toEqual([
    { rank: 1, name: '黄丽华', points: 40, partyMember: true, you: true },
    { rank: 2, name: '刘洋', points: 15, partyMember: false },
  ]);
});

test('bootstrapping again weeks later adds no wish and opens the store from that day', async () => {
  setClock('2027-01-05T02:00:00.000Z');
  await expect(seedDemoData()).resolves.toMatchObject({ seeded: false });
  const worker = await as('demo-worker-xueyuan');
  expect((await worker.get('/communities/demo-comm-xueyuan/wishes')).body.items).toHaveLength(7);
  const store = await worker.get('/communities/demo-comm-xueyuan/store');
  expect(store.body.redemption).toMatchObject({ open: true, window: { from: '2027-01-02', to: '2027-01-16' } });
  expect(store.body.items).toHaveLength(4);
});
