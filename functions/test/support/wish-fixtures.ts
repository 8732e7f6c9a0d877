import { Volunteer } from '../../src/features/people/data/volunteers';
import type { WishSettingsInput } from '@yilin/contract';
import { DEFAULT_WISH_SETTINGS, getWish } from '../../src/features/wishes/data';
import { balanceOf, entriesOf } from '../../src/store/ledger';
import { errorCode, type Api, type ApiResponse } from './api';
import { idempotencyKey } from './canteen-fixtures';
import { createUser, tableItems } from './seed';

/** Micro-wishes and points: volunteers, wishes at each step, and what the table holds. */

export const wishBody = (overrides: Record<string, unknown> = {}) => ({
  title: '想请人上门理个发',
  story: '腿脚不方便，好久没理发了。',
  category: 'service',
  valueFen: 0,
  handover: 'centre',
  idempotencyKey: idempotencyKey(),
  ...overrides,
});

/** A volunteer of a community, confirmed unless said otherwise. */
export async function createVolunteer(
  community: { communityId: string; centreId: string; countyId: string },
  options: { name?: string; phone?: string; partyMember?: boolean; status?: 'pending' | 'confirmed' } = {},
) {
  const name = options.name ?? '李华';
  const user = await createUser('volunteer', { communityId: community.communityId, countyId: community.countyId, name });
  const at = '2026-01-05T02:00:00.000Z';
  await Volunteer.put({
    userId: user.userId,
    name,
    phone: options.phone ?? `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    communityId: community.communityId,
    centreId: community.centreId,
    countyId: community.countyId,
    status: options.status ?? 'confirmed',
    partyMember: options.partyMember ?? false,
    signedUpAt: at,
    updatedAt: at,
  }).go();
  return user;
}

export async function postedWish(api: Api, callerId: string, elderId: string, overrides: Record<string, unknown> = {}) {
  const answer = await api.as(callerId).post(`/elders/${elderId}/wishes`, wishBody(overrides));
  if (answer.status !== 201) throw new Error(`Posting failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.wish as { wishId: string; status: string };
}

export async function publishedWish(api: Api, workerId: string, elderId: string, overrides: Record<string, unknown> = {}) {
  const wish = await postedWish(api, workerId, elderId, overrides);
  const answer = await api.as(workerId).post(`/wishes/${wish.wishId}/publish`, {});
  if (answer.status !== 200) throw new Error(`Publishing failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return wish;
}

export async function claimedWish(api: Api, workerId: string, volunteerId: string, elderId: string, overrides: Record<string, unknown> = {}) {
  const wish = await publishedWish(api, workerId, elderId, overrides);
  const answer = await api.as(volunteerId).post(`/wishes/${wish.wishId}/claim`);
  if (answer.status !== 200) throw new Error(`Claiming failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return wish;
}

export async function deliveredWish(api: Api, workerId: string, volunteerId: string, elderId: string, overrides: Record<string, unknown> = {}) {
  const wish = await claimedWish(api, workerId, volunteerId, elderId, overrides);
  const answer = await api.as(volunteerId).post(`/wishes/${wish.wishId}/deliver`, { message: '理好了，奶奶很满意。' });
  if (answer.status !== 200) throw new Error(`Delivering failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return wish;
}

export const storedWish = (wishId: string) => getWish(wishId);
export const pointsOf = (holderId: string) => balanceOf(`points#${holderId}`);
export const pointsEntriesOf = (holderId: string) => entriesOf(`points#${holderId}`);
export const stockOf = (itemId: string) => balanceOf(`stock#${itemId}`);

export const storeItemBody = (overrides: Record<string, unknown> = {}) => ({
  name: '洗衣液',
  description: '2 公斤装',
  pricePoints: 20,
  active: true,
  stock: 5,
  idempotencyKey: idempotencyKey(),
  ...overrides,
});

/** A store item of the community, added by its worker. */
export async function storeItem(api: Api, workerId: string, communityId: string, overrides: Record<string, unknown> = {}) {
  const answer = await api.as(workerId).post(`/communities/${communityId}/store/items`, storeItemBody(overrides));
  if (answer.status !== 201) throw new Error(`Adding an item failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { itemId: string; stock: number; pricePoints: number };
}

export async function grantPoints(api: Api, workerId: string, holderId: string, points: number) {
  const answer = await api.as(workerId).post(`/points/${holderId}/grants`, { hours: 2, points, reason: '重阳节敬老活动', idempotencyKey: idempotencyKey() });
  if (answer.status !== 200) throw new Error(`Granting failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A day inside the default redemption window (the last two weeks of the quarter). */
export const IN_WINDOW = '2026-12-20T02:00:00.000Z';
/** A day outside it. */
export const OUT_OF_WINDOW = '2026-11-30T02:00:00.000Z';

/** A community's rules for wishes and points: the defaults with some changed (common wishes kept under the cap). */
export const wishSettingsBody = (overrides: Partial<WishSettingsInput> = {}): WishSettingsInput => {
  const settings = { ...DEFAULT_WISH_SETTINGS, ...overrides };
  return { ...settings, commonWishes: overrides.commonWishes ?? settings.commonWishes.filter((wish) => wish.valueFen <= settings.valueCapFen) };
};

export async function setWishSettings(api: Api, workerId: string, communityId: string, overrides: Partial<WishSettingsInput> = {}) {
  const answer = await api.as(workerId).put(`/communities/${communityId}/wish-settings`, wishSettingsBody(overrides));
  if (answer.status !== 200) throw new Error(`Setting the wish rules failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A community's counts as its wall shows them to its worker. */
export async function tallyOf(api: Api, workerId: string, communityId: string) {
  const answer = await api.as(workerId).get(`/wall?communityId=${communityId}`);
  if (answer.status !== 200) throw new Error(`Reading the wall failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  const { collected, waiting, inProgress, realised } = answer.body.tallies[0];
  return { collected, waiting, inProgress, realised };
}

/** A realised wish: claimed and delivered by the volunteer, confirmed by the worker. */
export async function realisedWish(api: Api, workerId: string, volunteerId: string, elderId: string, overrides: Record<string, unknown> = {}) {
  const wish = await deliveredWish(api, workerId, volunteerId, elderId, overrides);
  const answer = await api.as(workerId).post(`/wishes/${wish.wishId}/confirm`);
  if (answer.status !== 200) throw new Error(`Confirming failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return wish;
}

/** A refusal with its status, its machine code and a Chinese message, and the table exactly as it was before. */
export async function expectRefusedUnchanged(response: ApiResponse, status: number, code: string, before: Record<string, unknown>[]) {
  expect({ status: response.status, code: errorCode(response) }).toEqual({ status, code });
  expect(response.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(await tableItems()).toEqual(before);
}

/** The community's own redemption window for `date` alone, set by its worker (the other settings kept). */
export async function openStoreOn(api: Api, workerId: string, communityId: string, date: string) {
  const { body: settings } = await api.as(workerId).get(`/communities/${communityId}/wish-settings`);
  const { valueCapFen, pointsPerWish, claimDays, eldersRedeem, commonWishes } = settings;
  const answer = await api.as(workerId).put(`/communities/${communityId}/wish-settings`, { valueCapFen, pointsPerWish, claimDays, eldersRedeem, commonWishes, redemptionWindows: [{ from: date, to: date }] });
  if (answer.status !== 200) throw new Error(`Opening the store failed: ${answer.status} ${JSON.stringify(answer.body)}`);
}
