import { setClock } from '../../src/platform/clock';
import { returnExpiredClaims } from '../../src/features/wishes/expiry';
import { useApi } from '../support/api';
import { createWorld } from '../support/seed';
import { claimedWish, createVolunteer, IN_WINDOW, setWishSettings, storedWish, tallyOf } from '../support/wish-fixtures';

/**
 * A claim has the community's deadline (claimDays after claiming); the job puts a claim past it back on
 * the wall, once however often it runs, and leaves a wish delivered in time with its claimer.
 */
const api = useApi();
beforeEach(() => setClock(IN_WINDOW));

const claim = (volunteerId: string, wishId: string) => api.as(volunteerId).post(`/wishes/${wishId}/claim`);
const ids = (wishes: Array<{ wishId: string }>) => wishes.map((wish) => wish.wishId);

describe('the claim deadline', () => {
  const DEADLINE = '2027-01-03T02:00:00.000Z';

  test('a claim past its deadline goes back to the wall with a wish.expired entry, once however often the job runs', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const wish = await claimedWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    expect((await storedWish(wish.wishId))?.claimDeadline).toBe(DEADLINE);

    setClock('2027-01-03T01:59:59.000Z');
    await returnExpiredClaims();
    expect((await storedWish(wish.wishId))?.status).toBe('claimed');

    setClock('2027-01-03T02:00:01.000Z');
    const first = await returnExpiredClaims();
    expect(first.returned).toBeGreaterThanOrEqual(1);
    const back = await storedWish(wish.wishId);
    expect(back).toMatchObject({ status: 'published' });
    expect(back?.claimerId).toBeUndefined();
    expect(back?.claimDeadline).toBeUndefined();
    expect(await returnExpiredClaims()).toEqual({ returned: 0, changedMeanwhile: 0 });

    const seen = await api.as(world.worker.userId).get(`/wishes/${wish.wishId}`);
    const expired = seen.body.wish.timeline.filter((entry: { action: string }) => entry.action === 'wish.expired');
    expect(expired).toEqual([{ action: 'wish.expired', text: '认领超过期限没有办好，心愿回到心愿墙', byName: '系统', at: '2027-01-03T02:00:01.000Z' }]);
    expect((await api.as(volunteer.userId).get('/me/wishes')).body.inHand).toEqual([]);
    expect(await tallyOf(api, world.worker.userId, world.home.communityId)).toEqual({ collected: 1, waiting: 1, inProgress: 0, realised: 0 });
    const onWall = await api.as(volunteer.userId).get(`/wishes/${wish.wishId}`);
    expect(onWall.body.wish).toMatchObject({ status: 'published', can: { claim: true } });
    expect(onWall.body.wish.handoverDetail).toBeUndefined();
  });

  test('a claim delivered past its deadline but before the job runs keeps its claimer', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const wish = await claimedWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    setClock('2027-01-03T05:00:00.000Z');
    const delivered = await api.as(volunteer.userId).post(`/wishes/${wish.wishId}/deliver`, { message: '理好了' });
    expect([delivered.status, delivered.body.wish.status]).toEqual([200, 'delivered']);
    await returnExpiredClaims();
    expect(await storedWish(wish.wishId)).toMatchObject({ status: 'delivered', claimerId: volunteer.userId });
    expect(ids((await api.as(volunteer.userId).get('/me/wishes')).body.inHand)).toEqual([wish.wishId]);
    const confirmed = await api.as(world.elder.elderId).post(`/wishes/${wish.wishId}/confirm`);
    expect([confirmed.status, confirmed.body.wish.status]).toEqual([200, 'realised']);
  });

  test('a wish that went back to the wall can be claimed again, with a new deadline', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const wish = await claimedWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    setClock('2027-01-04T02:00:00.000Z');
    await returnExpiredClaims();
    const reclaimed = await claim(volunteer.userId, wish.wishId);
    expect([reclaimed.status, reclaimed.body.wish.claimDeadline]).toEqual([200, '2027-01-18T02:00:00.000Z']);
    expect(ids((await api.as(volunteer.userId).get('/me/wishes')).body.inHand)).toEqual([wish.wishId]);
  });

  test('the claimer’s wishes in hand come nearest deadline first', async () => {
    const world = await createWorld();
    await setWishSettings(api, world.otherWorker.userId, world.other.communityId, { claimDays: 2 });
    const volunteer = await createVolunteer(world.home);
    const later = await claimedWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    const sooner = await claimedWish(api, world.otherWorker.userId, volunteer.userId, world.elderElsewhere.elderId);
    const mine = await api.as(volunteer.userId).get('/me/wishes');
    expect(ids(mine.body.inHand)).toEqual([sooner.wishId, later.wishId]);
    expect(mine.body.inHand.map((wish: { claimDeadline: string }) => wish.claimDeadline)).toEqual([DEADLINE.replace('2027-01-03', '2026-12-22'), DEADLINE]);
  });
});
