import { useApi, errorCode } from '../support/api';
import { createWorld } from '../support/seed';
import { setClock } from '../../src/platform/clock';
import { createVolunteer, IN_WINDOW, pointsOf, postedWish, stockOf, storedWish, storeItem } from '../support/wish-fixtures';

/** The whole loop of a micro-wish, and the points it earns spent in the store. */
const api = useApi();
beforeEach(() => setClock(IN_WINDOW));

test('an elder posts a wish, the community publishes it, a volunteer claims and delivers it, the elder confirms, and the points buy an item', async () => {
  const world = await createWorld();
  const volunteer = await createVolunteer(world.home, { name: '李华', partyMember: true });
  const wish = await postedWish(api, world.elder.elderId, world.elder.elderId, { title: '想请人上门理个发，我是王秀英' });
  expect(wish.status).toBe('pending');

  const published = await api.as(world.worker.userId).post(`/wishes/${wish.wishId}/publish`, { title: '想请人上门理个发' });
  expect(published.status).toBe(200);
  expect(published.body.wish).toMatchObject({ status: 'published', title: '想请人上门理个发', asPosted: { title: '想请人上门理个发，我是王秀英' } });

  const wall = await api.as(volunteer.userId).get(`/wall`);
  expect(wall.status).toBe(200);
  const onWall = wall.body.wishes.find((shown: { wishId: string }) => shown.wishId === wish.wishId);
  expect(onWall).toMatchObject({ elderDisplay: '王老人家', title: '想请人上门理个发', can: { claim: true } });
  expect(onWall.elderId).toBeUndefined();
  expect(JSON.stringify(onWall)).not.toContain('学院路 12 号');
  expect(wall.body.tallies.find((tally: { communityId: string }) => tally.communityId === world.home.communityId)).toMatchObject({ collected: 1, waiting: 1 });

  // A volunteer the community has not met yet sees the wish but is not offered to claim it.
  const newcomer = await createVolunteer(world.home, { name: '唐小军', status: 'pending' });
  expect((await api.as(newcomer.userId).get(`/wishes/${wish.wishId}`)).body.wish.can.claim).toBe(false);

  const claimed = await api.as(volunteer.userId).post(`/wishes/${wish.wishId}/claim`);
  expect(claimed.status).toBe(200);
  expect(claimed.body.wish).toMatchObject({ status: 'claimed', claimer: { name: '李华', partyMember: true }, can: { deliver: true, release: true } });
  expect(claimed.body.wish.handoverDetail.place).toContain('学院路社区');

  const delivered = await api.as(volunteer.userId).post(`/wishes/${wish.wishId}/deliver`, { message: '理好了' });
  expect(delivered.body.wish).toMatchObject({ status: 'delivered' });

  const confirmed = await api.as(world.family.userId).post(`/wishes/${wish.wishId}/confirm`);
  expect(confirmed.status).toBe(200);
  expect(confirmed.body.wish).toMatchObject({ status: 'realised', points: 10 });
  expect(await pointsOf(volunteer.userId)).toBe(10);

  const thanked = await api.as(world.elder.elderId).post(`/wishes/${wish.wishId}/thanks`, { message: '谢谢你，孩子！' });
  expect(thanked.body.wish.thanks).toMatchObject({ message: '谢谢你，孩子！' });
  const seenByVolunteer = await api.as(volunteer.userId).get(`/wishes/${wish.wishId}`);
  expect(seenByVolunteer.body.wish.thanks.message).toBe('谢谢你，孩子！');

  const item = await storeItem(api, world.worker.userId, world.home.communityId, { pricePoints: 10, stock: 1 });
  const redeemed = await api.as(volunteer.userId).post(`/points/${volunteer.userId}/redemptions`, { itemId: item.itemId, idempotencyKey: 'redeem-key-0001' });
  expect(redeemed.status).toBe(201);
  expect(redeemed.body).toMatchObject({ balance: 0, redemption: { status: 'waiting', itemName: '洗衣液' } });
  expect(await stockOf(item.itemId)).toBe(0);
  const again = await api.as(volunteer.userId).post(`/points/${volunteer.userId}/redemptions`, { itemId: item.itemId, idempotencyKey: 'redeem-key-0002' });
  expect([again.status, errorCode(again)]).toEqual([409, 'POINTS_NOT_ENOUGH']);

  const board = await api.as(volunteer.userId).get(`/communities/${world.home.communityId}/leaderboard`);
  expect(board.body.rows).toEqual([{ rank: 1, name: '李华', points: 10, partyMember: true, you: true }]);
  expect((await storedWish(wish.wishId))?.status).toBe('realised');
});
