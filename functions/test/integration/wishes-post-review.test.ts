import { setClock } from '../../src/platform/clock';
import { errorCode, useApi } from '../support/api';
import { createElder, createWorld, tableItems } from '../support/seed';
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
  storedWish,
  tallyOf,
  wishBody,
  wishSettingsBody,
} from '../support/wish-fixtures';

/**
 * The elder's side posts a wish, the community reviews it (publishing it, maybe with its words changed for
 * privacy, or rejecting it with a reason), the elder's side withdraws it while nobody has claimed it,
 * confirms it came and says thank you once.
 */
const api = useApi();
beforeEach(() => setClock(IN_WINDOW));

const post = (callerId: string, elderId: string, overrides: Record<string, unknown> = {}) => api.as(callerId).post(`/elders/${elderId}/wishes`, wishBody(overrides));

describe('a wish that cannot be posted writes nothing', () => {
  test.each([
    ['an empty title', { title: '   ' }, 'title', '请填写心愿标题'],
    ['a title of 31 characters', { title: '想'.repeat(31) }, 'title', '心愿标题最多 30 个字'],
    ['a story over 300 characters', { story: '好'.repeat(301) }, 'story', '心愿的故事最多 300 个字'],
  ])('%s is refused as INVALID_INPUT naming the field', async (_case, overrides, field, message) => {
    const world = await createWorld();
    const before = await tableItems();
    const refused = await post(world.family.userId, world.elder.elderId, overrides);
    await expectRefusedUnchanged(refused, 400, 'INVALID_INPUT', before);
    expect(refused.body.error.message).toBe(message);
    expect(refused.body.error.details.fields[0]).toEqual({ field, message });
  });

  test('a title of 30 characters and a story of 300 are taken', async () => {
    const world = await createWorld();
    const posted = await post(world.family.userId, world.elder.elderId, { title: '想'.repeat(30), story: '好'.repeat(300) });
    expect(posted.status).toBe(201);
  });

  test('a value above the community’s cap (¥300 by default) is refused as WISH_VALUE_TOO_HIGH on valueFen', async () => {
    const world = await createWorld();
    const before = await tableItems();
    const refused = await post(world.elder.elderId, world.elder.elderId, { valueFen: 300_01, category: 'goods' });
    await expectRefusedUnchanged(refused, 400, 'WISH_VALUE_TOO_HIGH', before);
    expect(refused.body.error.details).toEqual({ field: 'valueFen' });
    expect(refused.body.error.message).toContain('估计价值最多 ¥300');
    expect((await post(world.elder.elderId, world.elder.elderId, { valueFen: 300_00, category: 'goods' })).status).toBe(201);
  });

  test('a value above a cap the worker lowered is refused, the cap itself is taken', async () => {
    const world = await createWorld();
    await setWishSettings(api, world.worker.userId, world.home.communityId, { valueCapFen: 50_00 });
    const before = await tableItems();
    const refused = await post(world.family.userId, world.elder.elderId, { valueFen: 50_01, category: 'goods' });
    await expectRefusedUnchanged(refused, 400, 'WISH_VALUE_TOO_HIGH', before);
    expect(refused.body.error.details).toEqual({ field: 'valueFen' });
    expect(refused.body.error.message).toContain('¥50');
    expect((await post(world.family.userId, world.elder.elderId, { valueFen: 50_00, category: 'goods' })).status).toBe(201);
  });

  test('the elder’s side sees the cap it posts under with its wishes', async () => {
    const world = await createWorld();
    await setWishSettings(api, world.worker.userId, world.home.communityId, { valueCapFen: 80_00 });
    const answer = await api.as(world.family.userId).get(`/elders/${world.elder.elderId}/wishes`);
    expect(answer.status).toBe(200);
    expect(answer.body.settings).toMatchObject({ communityId: world.home.communityId, valueCapFen: 80_00 });
    expect(answer.body.settings.commonWishes.every((wish: { valueFen: number }) => wish.valueFen <= 80_00)).toBe(true);
  });

  test('a relative who is not bound, and an elder of another community’s worker, cannot post', async () => {
    const world = await createWorld();
    const before = await tableItems();
    expect([(await post(world.otherFamily.userId, world.elder.elderId)).status, (await post(world.otherWorker.userId, world.elder.elderId)).status]).toEqual([404, 404]);
    expect(await tableItems()).toEqual(before);
  });

  test('a retried post is answered 200 with the first wish, and a second wish is not written', async () => {
    const world = await createWorld();
    const body = wishBody();
    const first = await api.as(world.family.userId).post(`/elders/${world.elder.elderId}/wishes`, body);
    const again = await api.as(world.family.userId).post(`/elders/${world.elder.elderId}/wishes`, body);
    expect([first.status, again.status, again.body.replayed]).toEqual([201, 200, true]);
    expect(again.body.wish.wishId).toBe(first.body.wish.wishId);
    const reused = await api.as(world.family.userId).post(`/elders/${world.elder.elderId}/wishes`, { ...body, title: '想要一副老花镜' });
    expect([reused.status, errorCode(reused)]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    const listed = await api.as(world.family.userId).get(`/elders/${world.elder.elderId}/wishes`);
    expect(listed.body.wishes).toHaveLength(1);
  });
});

describe('review by the community', () => {
  test('publishing with changed words keeps the words as posted for the elder’s side and the community', async () => {
    const world = await createWorld();
    const wish = await postedWish(api, world.family.userId, world.elder.elderId, { title: '王秀英想理发', story: '住在学院路 12 号，腿脚不方便。' });
    const published = await api.as(world.worker.userId).post(`/wishes/${wish.wishId}/publish`, { title: '想请人上门理个发' });
    expect(published.status).toBe(200);
    expect(published.body.wish).toMatchObject({ status: 'published', title: '想请人上门理个发', story: '住在学院路 12 号，腿脚不方便。' });

    const asPosted = { title: '王秀英想理发', story: '住在学院路 12 号，腿脚不方便。', category: 'service', categoryName: '服务', valueFen: 0 };
    for (const callerId of [world.elder.elderId, world.family.userId, world.worker.userId, world.admin.userId]) {
      const seen = await api.as(callerId).get(`/wishes/${wish.wishId}`);
      expect([callerId, seen.status, seen.body.wish.asPosted]).toEqual([callerId, 200, asPosted]);
    }
    const queue = await api.as(world.worker.userId).get(`/communities/${world.home.communityId}/wishes?status=published`);
    expect(queue.body.items.find((item: { wishId: string }) => item.wishId === wish.wishId)).toMatchObject({ asPosted, elderId: world.elder.elderId, elderName: '王秀英', elderDisplay: '王老人家' });
    const seenByElder = await api.as(world.elder.elderId).get(`/wishes/${wish.wishId}`);
    expect(seenByElder.body.wish.timeline.map((entry: { text: string }) => entry.text)).toEqual(['许了这个心愿', '社区审核通过，为保护隐私改了文字，上了心愿墙']);
  });

  test('publishing with another category and value shows the elder’s side and the community both, before and after, and says so on the timeline', async () => {
    const world = await createWorld();
    const wish = await postedWish(api, world.family.userId, world.elder.elderId, { title: '家里灯泡坏了，想请人换一下', category: 'goods', valueFen: 200_00 });
    const published = await api.as(world.worker.userId).post(`/wishes/${wish.wishId}/publish`, { category: 'service', valueFen: 150_00 });
    expect(published.status).toBe(200);
    expect(published.body.wish).toMatchObject({ category: 'service', categoryName: '服务', valueFen: 150_00 });

    const asPosted = { title: '家里灯泡坏了，想请人换一下', story: '腿脚不方便，好久没理发了。', category: 'goods', categoryName: '物品', valueFen: 200_00 };
    for (const callerId of [world.elder.elderId, world.family.userId, world.worker.userId]) {
      const seen = await api.as(callerId).get(`/wishes/${wish.wishId}`);
      expect([callerId, seen.body.wish.asPosted]).toEqual([callerId, asPosted]);
    }
    const seenByFamily = await api.as(world.family.userId).get(`/wishes/${wish.wishId}`);
    expect(seenByFamily.body.wish.timeline.at(-1).text).toBe('社区审核通过，把类别从“物品”改成了“服务”，估价从“约 ¥200”改成了“约 ¥150”，上了心愿墙');
    const volunteer = await createVolunteer(world.home);
    expect((await api.as(volunteer.userId).get(`/wishes/${wish.wishId}`)).body.wish.asPosted).toBeUndefined();
  });

  test('publishing as posted keeps no second copy of the words', async () => {
    const world = await createWorld();
    const wish = await publishedWish(api, world.worker.userId, world.elder.elderId);
    const seen = await api.as(world.family.userId).get(`/wishes/${wish.wishId}`);
    expect(seen.body.wish.asPosted).toBeUndefined();
    expect(seen.body.wish.timeline.map((entry: { text: string }) => entry.text)).toEqual(['许了这个心愿', '社区审核通过，上了心愿墙']);
  });

  test('volunteers never see the words as posted, the elder’s id, name or address, or the timeline', async () => {
    const world = await createWorld();
    const elder = await createElder(world.home, { name: '王秀英', sex: 'female', address: '学院路 99 号 5 栋 302' });
    const volunteer = await createVolunteer(world.home);
    const elsewhere = await createVolunteer(world.other, { name: '赵敏' });
    const wish = await postedWish(api, world.worker.userId, elder.elderId, { title: '王秀英想理发', story: '住在学院路 99 号 5 栋 302。', handover: 'home', addressAgreed: true });
    await api.as(world.worker.userId).post(`/wishes/${wish.wishId}/publish`, { title: '想请人上门理个发', story: '腿脚不方便，好久没理发了。' });

    for (const reader of [volunteer.userId, elsewhere.userId]) {
      const wall = await api.as(reader).get('/wall');
      const onWall = wall.body.wishes.find((item: { wishId: string }) => item.wishId === wish.wishId);
      const single = (await api.as(reader).get(`/wishes/${wish.wishId}`)).body.wish;
      for (const shown of [onWall, single]) {
        expect(shown).toMatchObject({ elderDisplay: '王奶奶', title: '想请人上门理个发' });
        expect(shown.asPosted).toBeUndefined();
        expect(shown.elderId).toBeUndefined();
        expect(shown.elderName).toBeUndefined();
        expect(shown.timeline).toBeUndefined();
        expect(shown.handoverDetail).toBeUndefined();
        const everything = JSON.stringify(shown);
        expect(everything).not.toContain('秀英');
        expect(everything).not.toContain('99 号');
        expect(everything).not.toContain(elder.elderId);
      }
    }
  });

  test('a rejected wish shows the reason to the elder’s side, and is on no wall', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const wish = await postedWish(api, world.elder.elderId, world.elder.elderId, { valueFen: 280_00, category: 'goods' });
    const rejected = await api.as(world.worker.userId).post(`/wishes/${wish.wishId}/reject`, { reason: '这个心愿价值太高，可以换一个小一点的' });
    expect(rejected.status).toBe(200);
    const mine = await api.as(world.elder.elderId).get(`/elders/${world.elder.elderId}/wishes`);
    expect(mine.body.wishes[0]).toMatchObject({ wishId: wish.wishId, status: 'rejected', statusName: '没有通过', rejectReason: '这个心愿价值太高，可以换一个小一点的' });
    const opened = await api.as(world.elder.elderId).get(`/wishes/${wish.wishId}`);
    expect(opened.body.wish.timeline.at(-1).text).toBe('没有通过：这个心愿价值太高，可以换一个小一点的');

    const seen = await api.as(volunteer.userId).get(`/wishes/${wish.wishId}`);
    expect([seen.status, errorCode(seen)]).toEqual([404, 'WISH_NOT_FOUND']);
    expect((await api.as(volunteer.userId).get('/wall')).body.wishes).toEqual([]);
    // The community received it: collected, though never on the wall.
    expect(await tallyOf(api, world.worker.userId, world.home.communityId)).toEqual({ collected: 1, waiting: 0, inProgress: 0, realised: 0 });
  });

  test('a worker of another community gets 404 on the wish and 403 NOT_YOUR_COMMUNITY on the community’s list', async () => {
    const world = await createWorld();
    const wish = await postedWish(api, world.family.userId, world.elder.elderId);
    const before = await tableItems();
    const seen = await api.as(world.otherWorker.userId).get(`/wishes/${wish.wishId}`);
    expect([seen.status, errorCode(seen)]).toEqual([404, 'WISH_NOT_FOUND']);
    await expectRefusedUnchanged(await api.as(world.otherWorker.userId).post(`/wishes/${wish.wishId}/publish`, {}), 404, 'WISH_NOT_FOUND', before);
    await expectRefusedUnchanged(await api.as(world.otherWorker.userId).post(`/wishes/${wish.wishId}/reject`, { reason: '不合适' }), 404, 'WISH_NOT_FOUND', before);
    const list = await api.as(world.otherWorker.userId).get(`/communities/${world.home.communityId}/wishes`);
    expect([list.status, errorCode(list)]).toEqual([403, 'NOT_YOUR_COMMUNITY']);
    expect(list.body.error.message).toContain('本社区');
    await expectRefusedUnchanged(
      await api.as(world.otherWorker.userId).put(`/communities/${world.home.communityId}/wish-settings`, wishSettingsBody({ valueCapFen: 0 })),
      403,
      'NOT_YOUR_COMMUNITY',
      before,
    );
    const ownList = await api.as(world.worker.userId).get(`/communities/${world.home.communityId}/wishes?status=pending`);
    expect(ownList.body.items.map((item: { wishId: string }) => item.wishId)).toEqual([wish.wishId]);
  });

  test('a reviewed wish cannot be reviewed again the other way (TRANSITION_NOT_ALLOWED), nothing written', async () => {
    const world = await createWorld();
    const wish = await publishedWish(api, world.worker.userId, world.elder.elderId);
    const before = await tableItems();
    const refused = await api.as(world.worker.userId).post(`/wishes/${wish.wishId}/reject`, { reason: '不合适' });
    await expectRefusedUnchanged(refused, 409, 'TRANSITION_NOT_ALLOWED', before);
    expect(refused.body.error.message).toContain('等志愿者认领');
  });
});

describe('withdrawing', () => {
  test('the elder’s side withdraws a wish waiting for review or on the wall, and the wall’s counts follow: one taken back before review is no longer collected, one that was on the wall still is', async () => {
    const world = await createWorld();
    const pending = await postedWish(api, world.family.userId, world.elder.elderId);
    const published = await publishedWish(api, world.worker.userId, world.elder.elderId);
    expect(await tallyOf(api, world.worker.userId, world.home.communityId)).toEqual({ collected: 2, waiting: 1, inProgress: 0, realised: 0 });

    const first = await api.as(world.family.userId).post(`/wishes/${pending.wishId}/withdraw`);
    const second = await api.as(world.elder.elderId).post(`/wishes/${published.wishId}/withdraw`);
    expect([first.status, first.body.wish.status, second.status, second.body.wish.status]).toEqual([200, 'withdrawn', 200, 'withdrawn']);
    expect(await tallyOf(api, world.worker.userId, world.home.communityId)).toEqual({ collected: 1, waiting: 0, inProgress: 0, realised: 0 });

    const again = await api.as(world.elder.elderId).post(`/wishes/${published.wishId}/withdraw`);
    expect([again.status, again.body.wish.status]).toEqual([200, 'withdrawn']);
  });

  test('after a volunteer claimed it, withdrawing is refused as TRANSITION_NOT_ALLOWED and nothing is written', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const wish = await claimedWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    const before = await tableItems();
    for (const callerId of [world.elder.elderId, world.family.userId, world.worker.userId]) {
      const refused = await api.as(callerId).post(`/wishes/${wish.wishId}/withdraw`);
      await expectRefusedUnchanged(refused, 409, 'TRANSITION_NOT_ALLOWED', before);
      expect(refused.body.error.message).toContain('不能撤回');
    }
    expect((await storedWish(wish.wishId))?.status).toBe('claimed');
  });
});

describe('confirming and thanking', () => {
  test('only the elder’s side and the community confirm: another family gets 404, a volunteer 403 ROLE_NOT_ALLOWED', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const wish = await deliveredWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    const before = await tableItems();
    await expectRefusedUnchanged(await api.as(world.otherFamily.userId).post(`/wishes/${wish.wishId}/confirm`), 404, 'WISH_NOT_FOUND', before);
    await expectRefusedUnchanged(await api.as(world.neighbour.elderId).post(`/wishes/${wish.wishId}/confirm`), 404, 'WISH_NOT_FOUND', before);
    await expectRefusedUnchanged(await api.as(world.otherWorker.userId).post(`/wishes/${wish.wishId}/confirm`), 404, 'WISH_NOT_FOUND', before);
    await expectRefusedUnchanged(await api.as(volunteer.userId).post(`/wishes/${wish.wishId}/confirm`), 403, 'ROLE_NOT_ALLOWED', before);
    const confirmed = await api.as(world.family.userId).post(`/wishes/${wish.wishId}/confirm`);
    expect([confirmed.status, confirmed.body.wish.status]).toEqual([200, 'realised']);
  });

  test('a wish that is only claimed cannot be confirmed', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const wish = await claimedWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    const before = await tableItems();
    await expectRefusedUnchanged(await api.as(world.family.userId).post(`/wishes/${wish.wishId}/confirm`), 409, 'TRANSITION_NOT_ALLOWED', before);
  });

  test('thanks are said once: the same words again are answered 200, other words 409 ALREADY_THANKED', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home, { name: '李华', partyMember: true });
    const wish = await realisedWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    const thanked = await api.as(world.elder.elderId).post(`/wishes/${wish.wishId}/thanks`, { message: '谢谢你，孩子！' });
    expect(thanked.status).toBe(200);
    // To the volunteer who realised it, a party member marked as on the wall.
    expect(thanked.body.wish).toMatchObject({ thanks: { message: '谢谢你，孩子！', byName: '王秀英', to: { name: '李华', partyMember: true } }, can: { thank: false } });

    const before = await tableItems();
    const same = await api.as(world.elder.elderId).post(`/wishes/${wish.wishId}/thanks`, { message: '谢谢你，孩子！' });
    expect([same.status, same.body.wish.thanks.message]).toEqual([200, '谢谢你，孩子！']);
    expect(await tableItems()).toEqual(before);
    await expectRefusedUnchanged(await api.as(world.family.userId).post(`/wishes/${wish.wishId}/thanks`, { message: '太感谢了' }), 409, 'ALREADY_THANKED', before);
    const seenByVolunteer = await api.as(volunteer.userId).get(`/wishes/${wish.wishId}`);
    expect(seenByVolunteer.body.wish.thanks).toMatchObject({ message: '谢谢你，孩子！', to: { name: '李华', partyMember: true } });
  });

  test('thanks before the wish is realised are refused as TRANSITION_NOT_ALLOWED', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const wish = await deliveredWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    const before = await tableItems();
    await expectRefusedUnchanged(await api.as(world.elder.elderId).post(`/wishes/${wish.wishId}/thanks`, { message: '谢谢' }), 409, 'TRANSITION_NOT_ALLOWED', before);
  });
});
