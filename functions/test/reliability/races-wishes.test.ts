import { errorCode, tokenFor, useApi, type ApiResponse } from '../support/api';
import { bind, createCommunity, createElder, createUser } from '../support/seed';
import { claimedWish, createVolunteer, deliveredWish, grantPoints, openStoreOn, pointsEntriesOf, pointsOf, publishedWish, stockOf, storedWish, storeItem } from '../support/wish-fixtures';
import { redemptionsOfCommunity, wishesOfCommunity } from '../../src/features/wishes/data';
import { WishClaim, WishTally } from '../../src/features/wishes/entities';
import { isCollected } from '../../src/features/wishes/rules/wish';
import { setClock } from '../../src/platform/clock';
import { NOW, TODAY } from './world';
import { auditTable } from './table-audit';
import { tally } from './tally';

/**
 * Races of micro-wishes and the points store, with concurrent requests against DynamoDB Local: one wish
 * claimed by many, the last piece of an item, points spent by several redemptions at once, a claim meeting
 * a worker's release. Each race has a community of its own, so its wall's counts start at nothing, and
 * checks its invariant in the table afterwards.
 */
const api = useApi();
beforeEach(() => setClock(NOW));

/** A community of its own, with its worker and an elder, its store open today. */
async function community() {
  const place = await createCommunity();
  const [worker, elder] = await Promise.all([createUser('worker', { communityId: place.communityId, name: '刘晓燕' }), createElder(place)]);
  await openStoreOn(api, worker.userId, place.communityId, TODAY);
  return { place, worker, elder };
}

const volunteersOf = (place: { communityId: string; centreId: string; countyId: string }, count: number) =>
  Promise.all(Array.from({ length: count }, (_, i) => createVolunteer(place, { name: `志愿者${i + 1}` })));

/** Tokens first, so the requests themselves leave together. */
const tokensOf = (userIds: string[]) => Promise.all(userIds.map((userId) => tokenFor(userId)));

const outcomes = (answers: ApiResponse[]) => answers.map((answer) => (answer.status < 300 ? answer.status : `${answer.status} ${errorCode(answer)}`));
const count = (answers: ApiResponse[], outcome: number | string) => outcomes(answers).filter((one) => one === outcome).length;

async function claimLinksOf(claimerIds: string[]) {
  const links = await Promise.all(claimerIds.map((claimerId) => WishClaim.query.byClaimer({ claimerId }).go()));
  return links.flatMap(({ data }) => data.map(({ claimerId, wishId }) => ({ claimerId, wishId })));
}

/** The wall's counts equal what the community's wishes are: collected, waiting, in someone's hands, realised. */
async function expectTallyAgrees(communityId: string) {
  const { items: wishes } = await wishesOfCommunity(communityId, undefined, undefined, 100);
  const { data } = await WishTally.get({ communityId }).go();
  const of = (...statuses: string[]) => wishes.filter((wish) => statuses.includes(wish.status)).length;
  const derived = { waiting: of('published'), inProgress: of('claimed', 'delivered'), realised: of('realised') };
  expect({ collected: data?.collected ?? 0, waiting: data?.waiting ?? 0, inProgress: data?.inProgress ?? 0, realised: data?.realised ?? 0 }).toEqual({
    ...derived,
    collected: wishes.filter((wish) => isCollected(wish.status, wish.publishedAt !== undefined)).length,
  });
  return derived;
}

test('race: 30 confirmed volunteers claiming one wish at once: exactly one claims it, the other 29 are told WISH_TAKEN', async () => {
  const { place, worker, elder } = await community();
  const volunteers = await volunteersOf(place, 30);
  const wish = await publishedWish(api, worker.userId, elder.elderId);
  const tokens = await tokensOf(volunteers.map((volunteer) => volunteer.userId));
  const answers = await Promise.all(tokens.map((token) => api.as(token).post(`/wishes/${wish.wishId}/claim`)));
  tally('racesRun');
  expect({ claimed: count(answers, 200), taken: count(answers, '409 WISH_TAKEN') }).toEqual({ claimed: 1, taken: 29 });
  const winner = volunteers[answers.findIndex((answer) => answer.status === 200)].userId;
  expect(await storedWish(wish.wishId)).toMatchObject({ status: 'claimed', claimerId: winner });
  expect(await claimLinksOf(volunteers.map((volunteer) => volunteer.userId))).toEqual([{ claimerId: winner, wishId: wish.wishId }]);
  expect(await expectTallyAgrees(place.communityId)).toEqual({ waiting: 0, inProgress: 1, realised: 0 });
});

test('race: 10 volunteers with points enough redeeming the last piece at once: one gets it, the other 9 are told OUT_OF_STOCK and keep their points', async () => {
  const { place, worker } = await community();
  const volunteers = await volunteersOf(place, 10);
  await Promise.all(volunteers.map((volunteer) => grantPoints(api, worker.userId, volunteer.userId, 20)));
  const item = await storeItem(api, worker.userId, place.communityId, { pricePoints: 10, stock: 1 });
  const tokens = await tokensOf(volunteers.map((volunteer) => volunteer.userId));
  const answers = await Promise.all(
    volunteers.map((volunteer, i) => api.as(tokens[i]).post(`/points/${volunteer.userId}/redemptions`, { itemId: item.itemId, idempotencyKey: `last-piece-${i}-key` })),
  );
  tally('racesRun');
  expect({ redeemed: count(answers, 201), outOfStock: count(answers, '409 OUT_OF_STOCK') }).toEqual({ redeemed: 1, outOfStock: 9 });
  const winner = volunteers[answers.findIndex((answer) => answer.status === 201)].userId;
  const balances = await Promise.all(volunteers.map(async (volunteer) => [volunteer.userId, await pointsOf(volunteer.userId)]));
  expect(Object.fromEntries(balances)).toEqual(Object.fromEntries(volunteers.map((volunteer) => [volunteer.userId, volunteer.userId === winner ? 10 : 20])));
  const redemptions = (await redemptionsOfCommunity(place.communityId, undefined, undefined, 50)).items;
  expect({ stock: await stockOf(item.itemId), redemptions: redemptions.map((one) => [one.holderId, one.status]) }).toEqual({ stock: 0, redemptions: [[winner, 'waiting']] });
});

test('race: one volunteer with 30 points sending 5 redemptions of a 10-point item at once: exactly 3 go through and the points are never spent twice', async () => {
  const { place, worker } = await community();
  const [volunteer] = await volunteersOf(place, 1);
  await grantPoints(api, worker.userId, volunteer.userId, 30);
  const item = await storeItem(api, worker.userId, place.communityId, { pricePoints: 10, stock: 10 });
  const token = await tokenFor(volunteer.userId);
  const answers = await Promise.all(
    Array.from({ length: 5 }, (_, i) => api.as(token).post(`/points/${volunteer.userId}/redemptions`, { itemId: item.itemId, idempotencyKey: `spend-twice-${i}-key` })),
  );
  tally('racesRun');
  expect({ redeemed: count(answers, 201), refused: count(answers, '409 POINTS_NOT_ENOUGH') }).toEqual({ redeemed: 3, refused: 2 });
  const entries = await pointsEntriesOf(volunteer.userId);
  expect({
    balance: await pointsOf(volunteer.userId),
    sum: entries.reduce((total, entry) => total + entry.amount, 0),
    spendings: entries.filter((entry) => entry.amount < 0).length,
    stock: await stockOf(item.itemId),
    redemptions: (await redemptionsOfCommunity(place.communityId, undefined, undefined, 50)).items.length,
  }).toEqual({ balance: 0, sum: 0, spendings: 3, stock: 7, redemptions: 3 });
});

test('race: a volunteer claiming a wish while a worker takes it back from its claimer: every wish ends either claimed or on the wall, and the counts agree', async () => {
  const { place, worker, elder } = await community();
  const [first, second] = await volunteersOf(place, 2);
  const wishes = await Promise.all(Array.from({ length: 8 }, () => claimedWish(api, worker.userId, first.userId, elder.elderId)));
  const [workerToken, secondToken] = await tokensOf([worker.userId, second.userId]);
  const answers = await Promise.all(
    wishes.flatMap(({ wishId }) => [api.as(workerToken).post(`/wishes/${wishId}/release`), api.as(secondToken).post(`/wishes/${wishId}/claim`)]),
  );
  tally('racesRun');
  const releases = answers.filter((_, i) => i % 2 === 0);
  const claims = answers.filter((_, i) => i % 2 === 1);
  expect({ released: count(releases, 200), claimedOrTaken: count(claims, 200) + count(claims, '409 WISH_TAKEN') }).toEqual({ released: 8, claimedOrTaken: 8 });
  const stored = await Promise.all(wishes.map(({ wishId }) => storedWish(wishId)));
  const expected = claims.map((claim, i) => (claim.status === 200 ? { wishId: wishes[i].wishId, status: 'claimed', claimerId: second.userId } : { wishId: wishes[i].wishId, status: 'published', claimerId: undefined }));
  expect(stored.map((wish) => ({ wishId: wish!.wishId, status: wish!.status, claimerId: wish!.claimerId }))).toEqual(expected);
  const links = await claimLinksOf([first.userId, second.userId]);
  expect(links.sort((a, b) => a.wishId.localeCompare(b.wishId))).toEqual(
    expected.filter((wish) => wish.claimerId).map((wish) => ({ claimerId: second.userId, wishId: wish.wishId })).sort((a, b) => a.wishId.localeCompare(b.wishId)),
  );
  await expectTallyAgrees(place.communityId);
});

test('race: the elder and her family confirming a delivered wish at the same moment realise it once, and its claimer earns the points once', async () => {
  const { place, worker, elder } = await community();
  const [volunteer] = await volunteersOf(place, 1);
  const family = await createUser('family', { name: '王磊' });
  await bind(elder.elderId, family);
  const wish = await deliveredWish(api, worker.userId, volunteer.userId, elder.elderId);
  const tokens = await tokensOf([elder.elderId, family.userId, worker.userId]);
  const answers = await Promise.all(tokens.map((token) => api.as(token).post(`/wishes/${wish.wishId}/confirm`)));
  tally('racesRun');
  // Whoever lost the write finds the wish realised: the same step, answered as done.
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
  const entries = await pointsEntriesOf(volunteer.userId);
  expect({ status: (await storedWish(wish.wishId))?.status, balance: await pointsOf(volunteer.userId), earnings: entries.map((entry) => entry.amount) }).toEqual({
    status: 'realised',
    balance: 10,
    earnings: [10],
  });
  expect(await expectTallyAgrees(place.communityId)).toEqual({ waiting: 0, inProgress: 0, realised: 1 });
});

test('race: a volunteer closing their account while claiming wishes and redeeming: either the closing is refused and what went through stays theirs, or it closes and nothing was taken on', async () => {
  const { place, worker, elder } = await community();
  const item = await storeItem(api, worker.userId, place.communityId, { pricePoints: 10, stock: 50 });
  const closings: string[] = [];
  // Several rounds, with the closing sent among the claims at a different place each time.
  for (let round = 0; round < 4; round++) {
    const [volunteer] = await volunteersOf(place, 1);
    await grantPoints(api, worker.userId, volunteer.userId, 30);
    const wishes = await Promise.all(Array.from({ length: 6 }, () => publishedWish(api, worker.userId, elder.elderId)));
    const token = await tokenFor(volunteer.userId);
    const asks = [
      ...wishes.map(({ wishId }) => () => api.as(token).post(`/wishes/${wishId}/claim`)),
      ...[0, 1].map((i) => () => api.as(token).post(`/points/${volunteer.userId}/redemptions`, { itemId: item.itemId, idempotencyKey: `closing-race-${round}-${i}-key` })),
    ];
    asks.splice(round * 2, 0, () => api.as(token).post('/me/close', { confirm: true }));
    const answers = await Promise.all(asks.map((ask) => ask()));
    tally('racesRun');
    const closing = answers[round * 2];
    const others = answers.filter((answer) => answer !== closing);
    expect(outcomes(answers).filter((outcome) => typeof outcome === 'string' && !/^(401|409) /.test(outcome))).toEqual([]);
    const stored = await Promise.all(wishes.map(({ wishId }) => storedWish(wishId)));
    const held = stored.filter((wish) => wish!.claimerId === volunteer.userId).map((wish) => wish!.wishId);
    const waiting = (await redemptionsOfCommunity(place.communityId, 'waiting', undefined, 100)).items.filter((one) => one.holderId === volunteer.userId);
    if (closing.status === 200) {
      closings.push('closed');
      // Closed: nothing in the volunteer's hands, no claim link, no gift waiting for nobody.
      expect({ held, links: await claimLinksOf([volunteer.userId]), waiting: waiting.length }).toEqual({ held: [], links: [], waiting: 0 });
    } else {
      closings.push(errorCode(closing)!);
      expect(['CLOSE_OPEN_WISHES', 'CLOSE_OPEN_REDEMPTIONS']).toContain(errorCode(closing));
      // Refused: every claim and redemption that answered yes is there, and the volunteer may take on more again.
      expect(held.length).toBe(count(others.slice(0, wishes.length), 200));
      expect(waiting.length).toBe(count(others.slice(wishes.length), 201));
      const again = await publishedWish(api, worker.userId, elder.elderId);
      expect((await api.as(token).post(`/wishes/${again.wishId}/claim`)).status).toBe(200);
    }
  }
  await expectTallyAgrees(place.communityId);
  expect(closings).toHaveLength(4);
});

test('afterwards every item in the table belongs to a registered entity and satisfies its schema', async () => {
  const { items, problems } = await auditTable();
  expect(items).toBeGreaterThan(100);
  expect(problems).toEqual([]);
});
