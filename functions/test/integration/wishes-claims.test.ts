import { setClock } from '../../src/platform/clock';
import { markVolunteerClosing } from '../../src/features/people/data/volunteers';
import { errorCode, useApi } from '../support/api';
import { bind, createCommunity, createElder, createWorld, tableItems } from '../support/seed';
import {
  claimedWish,
  createVolunteer,
  deliveredWish,
  expectRefusedUnchanged,
  IN_WINDOW,
  postedWish,
  publishedWish,
  realisedWish,
  setWishSettings,
  tallyOf,
} from '../support/wish-fixtures';

/**
 * A confirmed volunteer of the county claims a published wish that is not their own family's; the claimer
 * (or a worker) can give it back; only the claimer learns how to hand it over.
 */
const api = useApi();
beforeEach(() => setClock(IN_WINDOW));

const claim = (volunteerId: string, wishId: string) => api.as(volunteerId).post(`/wishes/${wishId}/claim`);
const ids = (wishes: Array<{ wishId: string }>) => wishes.map((wish) => wish.wishId);

describe('a claim that cannot be made writes nothing', () => {
  test('a volunteer whose phone is the elder’s emergency contact’s, or the elder’s own, gets CLAIM_OWN_FAMILY', async () => {
    const world = await createWorld();
    const son = await createVolunteer(world.home, { name: '王磊', phone: world.elder.emergencyContacts[0].phone });
    const samePhone = await createVolunteer(world.other, { name: '王小红', phone: world.elder.phone });
    const wish = await publishedWish(api, world.worker.userId, world.elder.elderId);
    const before = await tableItems();
    for (const volunteer of [son, samePhone]) {
      const refused = await claim(volunteer.userId, wish.wishId);
      await expectRefusedUnchanged(refused, 409, 'CLAIM_OWN_FAMILY', before);
      expect(refused.body.error.message).toContain('家里长辈的心愿');
    }
  });

  test('the numbers are compared as digits: a landline written with or without its dash is the same number', async () => {
    const world = await createWorld();
    const elder = await createElder(world.home, { name: '张桂兰', phone: '07348123457', emergencyContacts: [{ name: '张军', relation: '儿子', phone: '0734-8123456' }] });
    const son = await createVolunteer(world.home, { name: '张军', phone: '07348123456' });
    const sameLine = await createVolunteer(world.home, { name: '张小梅', phone: '0734-8123457' });
    const wish = await publishedWish(api, world.worker.userId, elder.elderId);
    const before = await tableItems();
    for (const volunteer of [son, sameLine]) await expectRefusedUnchanged(await claim(volunteer.userId, wish.wishId), 409, 'CLAIM_OWN_FAMILY', before);
  });

  test('a volunteer who is a bound relative of the elder now gets CLAIM_OWN_FAMILY, though they did not post it and their number is not on the register', async () => {
    const world = await createWorld();
    // Sign-up refuses an account with bindings; a binding may still stand from before that rule.
    const relative = await createVolunteer(world.home, { name: '王芳', phone: '13512345678' });
    await bind(world.elder.elderId, relative);
    const wish = await publishedWish(api, world.worker.userId, world.elder.elderId);
    const before = await tableItems();
    const refused = await claim(relative.userId, wish.wishId);
    await expectRefusedUnchanged(refused, 409, 'CLAIM_OWN_FAMILY', before);
    expect(refused.body.error.message).toContain('家里长辈的心愿');
  });

  test('a relative who posted the wish, was unbound and then became a volunteer gets CLAIM_OWN_FAMILY', async () => {
    const world = await createWorld();
    const wish = await postedWish(api, world.family.userId, world.elder.elderId);
    expect((await api.as(world.worker.userId).post(`/wishes/${wish.wishId}/publish`, {})).status).toBe(200);
    expect((await api.as(world.elder.elderId).delete(`/elders/${world.elder.elderId}/bindings/${world.family.userId}`)).status).toBe(204);
    const signedUp = await api.as(world.family.userId).post('/volunteers', { name: '王磊', communityId: world.home.communityId, phone: '13612345678' });
    expect(signedUp.status).toBe(200);
    expect((await api.as(world.worker.userId).post(`/volunteers/${world.family.userId}/confirm`)).status).toBe(200);

    const before = await tableItems();
    await expectRefusedUnchanged(await claim(world.family.userId, wish.wishId), 409, 'CLAIM_OWN_FAMILY', before);
  });

  test('a wish still waiting for review is not found (404 WISH_NOT_FOUND)', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const wish = await postedWish(api, world.family.userId, world.elder.elderId);
    const before = await tableItems();
    await expectRefusedUnchanged(await claim(volunteer.userId, wish.wishId), 404, 'WISH_NOT_FOUND', before);
  });

  test('a withdrawn or rejected wish is refused as WISH_NOT_PUBLISHED', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const withdrawn = await publishedWish(api, world.worker.userId, world.elder.elderId);
    await api.as(world.family.userId).post(`/wishes/${withdrawn.wishId}/withdraw`);
    const rejected = await postedWish(api, world.family.userId, world.elder.elderId);
    await api.as(world.worker.userId).post(`/wishes/${rejected.wishId}/reject`, { reason: '不合适' });
    const before = await tableItems();
    for (const wish of [withdrawn, rejected]) {
      const refused = await claim(volunteer.userId, wish.wishId);
      await expectRefusedUnchanged(refused, 409, 'WISH_NOT_PUBLISHED', before);
      expect(refused.body.error.message).toContain('不在心愿墙上');
    }
  });

  test('a wish another volunteer claimed, delivered or saw realised is refused as WISH_TAKEN', async () => {
    const world = await createWorld();
    const first = await createVolunteer(world.home, { name: '李华' });
    const second = await createVolunteer(world.home, { name: '张伟' });
    const claimed = await claimedWish(api, world.worker.userId, first.userId, world.elder.elderId);
    const delivered = await deliveredWish(api, world.worker.userId, first.userId, world.elder.elderId);
    const realised = await realisedWish(api, world.worker.userId, first.userId, world.elder.elderId);
    const before = await tableItems();
    for (const wish of [claimed, delivered, realised]) {
      await expectRefusedUnchanged(await claim(second.userId, wish.wishId), 409, 'WISH_TAKEN', before);
    }
    const again = await claim(first.userId, claimed.wishId);
    expect([again.status, again.body.wish.claimer.name]).toEqual([200, '李华']);
    expect(await tableItems()).toEqual(before);
  });

  test('a volunteer the community has not confirmed yet gets VOLUNTEER_NOT_CONFIRMED', async () => {
    const world = await createWorld();
    const newcomer = await createVolunteer(world.home, { status: 'pending' });
    const wish = await publishedWish(api, world.worker.userId, world.elder.elderId);
    const before = await tableItems();
    const refused = await claim(newcomer.userId, wish.wishId);
    await expectRefusedUnchanged(refused, 409, 'VOLUNTEER_NOT_CONFIRMED', before);
    expect(refused.body.error.message).toContain('确认您的志愿者身份');
  });

  test('a volunteer whose closing has begun gets ACCOUNT_CLOSING; a mark left by a closing cut off half-way lapses after 10 minutes', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const wish = await publishedWish(api, world.worker.userId, world.elder.elderId);
    await markVolunteerClosing(volunteer.userId, IN_WINDOW, true);
    const before = await tableItems();
    const refused = await claim(volunteer.userId, wish.wishId);
    await expectRefusedUnchanged(refused, 409, 'ACCOUNT_CLOSING', before);
    expect(refused.body.error.message).toContain('正在注销');
    setClock(new Date(Date.parse(IN_WINDOW) + 11 * 60 * 1000).toISOString());
    expect((await claim(volunteer.userId, wish.wishId)).status).toBe(200);
  });

  test('a volunteer of another county does not find the wish, and a worker may not claim', async () => {
    const world = await createWorld();
    const far = await createCommunity('河西社区');
    const stranger = await createVolunteer(far);
    const wish = await publishedWish(api, world.worker.userId, world.elder.elderId);
    const before = await tableItems();
    await expectRefusedUnchanged(await claim(stranger.userId, wish.wishId), 404, 'WISH_NOT_FOUND', before);
    await expectRefusedUnchanged(await claim(world.worker.userId, wish.wishId), 403, 'ROLE_NOT_ALLOWED', before);
  });
});

describe('claiming and giving back', () => {
  test('a claim carries the community’s deadline, and the wish is in the claimer’s hands', async () => {
    const world = await createWorld();
    await setWishSettings(api, world.worker.userId, world.home.communityId, { claimDays: 3 });
    const volunteer = await createVolunteer(world.home, { name: '李华', partyMember: true });
    const wish = await publishedWish(api, world.worker.userId, world.elder.elderId);
    const claimed = await claim(volunteer.userId, wish.wishId);
    expect(claimed.status).toBe(200);
    expect(claimed.body.wish).toMatchObject({
      status: 'claimed',
      claimer: { name: '李华', partyMember: true },
      claimedAt: IN_WINDOW,
      claimDeadline: '2026-12-23T02:00:00.000Z',
      can: { claim: false, release: true, deliver: true, confirm: false },
    });
    const mine = await api.as(volunteer.userId).get('/me/wishes');
    expect(mine.body).toMatchObject({ confirmed: true, partyMember: true, balance: 0, realised: [] });
    expect(ids(mine.body.inHand)).toEqual([wish.wishId]);
  });

  test.each([
    ['the claimer', 'volunteer'],
    ['a worker of the community', 'worker'],
  ])('released by %s, the wish is back on the wall with the counts, and another volunteer can claim it', async (_who, releasedBy) => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home, { name: '李华' });
    const next = await createVolunteer(world.home, { name: '张伟' });
    const wish = await claimedWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    expect(await tallyOf(api, world.worker.userId, world.home.communityId)).toEqual({ collected: 1, waiting: 0, inProgress: 1, realised: 0 });

    const releaser = releasedBy === 'volunteer' ? volunteer.userId : world.worker.userId;
    const released = await api.as(releaser).post(`/wishes/${wish.wishId}/release`);
    expect(released.status).toBe(200);
    expect(released.body.wish).toMatchObject({ status: 'published' });
    expect(released.body.wish.claimer).toBeUndefined();
    expect(released.body.wish.handoverDetail).toBeUndefined();
    expect(await tallyOf(api, world.worker.userId, world.home.communityId)).toEqual({ collected: 1, waiting: 1, inProgress: 0, realised: 0 });
    expect((await api.as(volunteer.userId).get('/me/wishes')).body.inHand).toEqual([]);
    expect(ids((await api.as(next.userId).get('/wall')).body.wishes)).toContain(wish.wishId);
    const seenByFamily = await api.as(world.family.userId).get(`/wishes/${wish.wishId}`);
    expect(seenByFamily.body.wish.timeline.at(-1)).toMatchObject({ action: 'wish.released', text: '放弃了认领，心愿回到心愿墙' });

    expect((await claim(next.userId, wish.wishId)).body.wish.claimer.name).toBe('张伟');
  });

  test('another volunteer cannot release a claim; a wish said to be done that did not come goes back to the wall, its delivery forgotten', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const other = await createVolunteer(world.home, { name: '张伟' });
    const claimed = await claimedWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    const delivered = await deliveredWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    const before = await tableItems();
    await expectRefusedUnchanged(await api.as(other.userId).post(`/wishes/${claimed.wishId}/release`), 404, 'WISH_NOT_FOUND', before);
    const back = await api.as(world.worker.userId).post(`/wishes/${delivered.wishId}/release`);
    expect(back.status).toBe(200);
    expect(back.body.wish).toMatchObject({ status: 'published' });
    expect(back.body.wish.delivery).toBeUndefined();
    expect(back.body.wish.claimer).toBeUndefined();
  });

  test('a release sent again after it went through is answered with the wish, not refused', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const wish = await claimedWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    const first = await api.as(volunteer.userId).post(`/wishes/${wish.wishId}/release`);
    const again = await api.as(volunteer.userId).post(`/wishes/${wish.wishId}/release`);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.wish).toMatchObject({ status: 'published', can: { claim: true } });
  });
});

describe('how to hand it over', () => {
  test('a wish handed over at the centre shows the centre to the claimer only after claiming, and no address', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const wish = await publishedWish(api, world.worker.userId, world.elder.elderId, { handover: 'centre' });
    expect((await api.as(volunteer.userId).get(`/wishes/${wish.wishId}`)).body.wish.handoverDetail).toBeUndefined();
    const claimed = await claim(volunteer.userId, wish.wishId);
    expect(claimed.body.wish.handoverDetail.place).toContain('学院路社区');
    expect(claimed.body.wish.handoverDetail.place).toContain('服务站');
    expect(claimed.body.wish.handoverDetail.address).toBeUndefined();
    expect(JSON.stringify(claimed.body.wish)).not.toContain(world.elder.address);
  });

  test('a wish handed over at home shows the address to the claimer after claiming, and to nobody else on the wall', async () => {
    const world = await createWorld();
    const elder = await createElder(world.home, { name: '王秀英', sex: 'female', address: '学院路 7 号 2 栋 201' });
    const volunteer = await createVolunteer(world.home);
    const wish = await publishedWish(api, world.worker.userId, elder.elderId, { handover: 'home', addressAgreed: true });
    const before = await api.as(volunteer.userId).get(`/wishes/${wish.wishId}`);
    expect(before.body.wish.handoverDetail).toBeUndefined();
    expect(JSON.stringify(before.body)).not.toContain('学院路 7 号');

    const claimed = await claim(volunteer.userId, wish.wishId);
    expect(claimed.body.wish.handoverDetail).toEqual({ place: '送到王奶奶家里', address: '学院路 7 号 2 栋 201' });
    expect((await api.as(volunteer.userId).get(`/wishes/${wish.wishId}`)).body.wish.handoverDetail.address).toBe('学院路 7 号 2 栋 201');
    expect((await api.as(world.worker.userId).get(`/wishes/${wish.wishId}`)).body.wish.handoverDetail.address).toBe('学院路 7 号 2 栋 201');

    await api.as(volunteer.userId).post(`/wishes/${wish.wishId}/release`);
    const afterRelease = await api.as(volunteer.userId).get(`/wishes/${wish.wishId}`);
    expect(afterRelease.body.wish.handoverDetail).toBeUndefined();
    expect(JSON.stringify(afterRelease.body)).not.toContain('学院路 7 号');
  });
});

describe('the wall and its counts', () => {
  test('the county wall shows every community’s published wishes; a volunteer of another county sees none of them', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const here = await publishedWish(api, world.worker.userId, world.elder.elderId);
    const there = await publishedWish(api, world.otherWorker.userId, world.elderElsewhere.elderId, { title: '想要一副老花镜', category: 'goods', valueFen: 50_00 });
    await postedWish(api, world.worker.userId, world.neighbour.elderId);

    const wall = await api.as(volunteer.userId).get('/wall');
    expect(wall.status).toBe(200);
    expect(ids(wall.body.wishes).sort()).toEqual([here.wishId, there.wishId].sort());
    expect(wall.body.wishes.find((wish: { wishId: string }) => wish.wishId === there.wishId)).toMatchObject({ communityName: '东风社区', elderDisplay: '赵老人家', can: { claim: true } });
    expect(wall.body.tallies.map((tally: { communityName: string; collected: number }) => [tally.communityName, tally.collected]).sort()).toEqual([
      ['东风社区', 1],
      // The wish waiting for review is collected too: the community received it.
      ['学院路社区', 2],
    ]);
    const oneCommunity = await api.as(volunteer.userId).get(`/wall?communityId=${world.other.communityId}`);
    expect(ids(oneCommunity.body.wishes)).toEqual([there.wishId]);

    const far = await createCommunity('河西社区');
    const stranger = await createVolunteer(far);
    const farWall = await api.as(stranger.userId).get('/wall');
    expect(farWall.body.wishes).toEqual([]);
    expect(farWall.body.tallies).toEqual([{ communityId: far.communityId, communityName: '河西社区', collected: 0, waiting: 0, inProgress: 0, realised: 0 }]);
    const asked = await api.as(stranger.userId).get(`/wall?communityId=${world.home.communityId}`);
    expect([asked.status, errorCode(asked)]).toEqual([403, 'NOT_YOUR_COMMUNITY']);
  });

  test('the wall shows recently realised wishes with who realised them, and nothing of the elder or the thanks', async () => {
    const world = await createWorld();
    const claimer = await createVolunteer(world.home, { name: '李华', partyMember: true });
    const reader = await createVolunteer(world.other, { name: '赵敏' });
    const elder = await createElder(world.home, { name: '王秀英', sex: 'female', address: '学院路 7 号 2 栋 201' });
    const wish = await realisedWish(api, world.worker.userId, claimer.userId, elder.elderId, { handover: 'home', addressAgreed: true });
    await api.as(elder.elderId).post(`/wishes/${wish.wishId}/thanks`, { message: '谢谢李华' });

    const wall = await api.as(reader.userId).get('/wall');
    expect(wall.body.wishes).toEqual([]);
    expect(ids(wall.body.realised)).toEqual([wish.wishId]);
    const shown = wall.body.realised[0];
    expect(shown).toMatchObject({ status: 'realised', elderDisplay: '王奶奶', claimer: { name: '李华', partyMember: true }, can: { claim: false } });
    for (const hidden of ['elderId', 'elderName', 'asPosted', 'handoverDetail', 'delivery', 'thanks', 'points', 'timeline']) {
      expect([hidden, shown[hidden]]).toEqual([hidden, undefined]);
    }
    expect(JSON.stringify(shown)).not.toMatch(/秀英|7 号|谢谢李华/);
    expect(ids((await api.as(reader.userId).get(`/wall?communityId=${world.home.communityId}`)).body.realised)).toEqual([wish.wishId]);
  });

  test('the counts follow each wish through posting, publish, claim, delivery, confirmation and withdrawal; collected never falls once the community reviewed a wish', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const tally = () => tallyOf(api, world.worker.userId, world.home.communityId);
    const first = await postedWish(api, world.family.userId, world.elder.elderId);
    expect(await tally()).toEqual({ collected: 1, waiting: 0, inProgress: 0, realised: 0 });
    await api.as(world.worker.userId).post(`/wishes/${first.wishId}/publish`, {});
    const second = await publishedWish(api, world.worker.userId, world.neighbour.elderId);
    expect(await tally()).toEqual({ collected: 2, waiting: 2, inProgress: 0, realised: 0 });
    await claim(volunteer.userId, first.wishId);
    expect(await tally()).toEqual({ collected: 2, waiting: 1, inProgress: 1, realised: 0 });
    await api.as(volunteer.userId).post(`/wishes/${first.wishId}/deliver`, { message: '理好了' });
    expect(await tally()).toEqual({ collected: 2, waiting: 1, inProgress: 1, realised: 0 });
    await api.as(world.family.userId).post(`/wishes/${first.wishId}/confirm`);
    expect(await tally()).toEqual({ collected: 2, waiting: 1, inProgress: 0, realised: 1 });
    // Withdrawn after it was on the wall: no longer waiting, still collected.
    await api.as(world.neighbour.elderId).post(`/wishes/${second.wishId}/withdraw`);
    expect(await tally()).toEqual({ collected: 2, waiting: 0, inProgress: 0, realised: 1 });
    // Rejected: the community received it, so it stays collected.
    const rejected = await postedWish(api, world.family.userId, world.elder.elderId, { title: '想要一台电视机' });
    await api.as(world.worker.userId).post(`/wishes/${rejected.wishId}/reject`, { reason: '价值太高' });
    expect(await tally()).toEqual({ collected: 3, waiting: 0, inProgress: 0, realised: 1 });
    // Taken back before anyone reviewed it (a slip): it leaves the count.
    const slip = await postedWish(api, world.family.userId, world.elder.elderId, { title: '想请人陪我聊天' });
    expect(await tally()).toEqual({ collected: 4, waiting: 0, inProgress: 0, realised: 1 });
    await api.as(world.family.userId).post(`/wishes/${slip.wishId}/withdraw`);
    expect(await tally()).toEqual({ collected: 3, waiting: 0, inProgress: 0, realised: 1 });

    const mine = await api.as(volunteer.userId).get('/me/wishes');
    expect([mine.body.inHand, ids(mine.body.realised), mine.body.balance]).toEqual([[], [first.wishId], 10]);
  });
});
