import { reach } from '../../store/keys';
import type { WishSettingsInput, WishStatus } from '@yilin/contract';
import { recordAudit, subjectOf, type Actor, type AuditRecord } from '../../store/audit';
import { checkCursor, rethrowBadCursor } from '../../store/errors';
import { rememberRequest, type IdempotencyClaim } from '../../store/idempotency';
import { LedgerBalance } from '../../store/ledger';
import { writeTogether, type Part, type Written } from '../../store/transactions';
import {
  ElderWish,
  MonthlyScore,
  Redemption,
  StoreItem,
  Wish,
  WishClaim,
  WishSettings,
  WishTally,
  type RedemptionItem,
  type StoreItemItem,
  type WishItem,
} from './entities';
import { tallyChange } from './rules/wish';

/** The data of micro-wishes and the points store: every read and write of their entities. */

export const DEFAULT_WISH_SETTINGS: WishSettingsInput = {
  valueCapFen: 300_00,
  pointsPerWish: 10,
  claimDays: 14,
  eldersRedeem: false,
  redemptionWindows: [],
  commonWishes: [
    { title: '想请人上门理个发', category: 'service', valueFen: 0 },
    { title: '想有人陪我聊聊天', category: 'company', valueFen: 0 },
    { title: '想有人陪我去医院复查', category: 'company', valueFen: 0 },
    { title: '家里灯泡坏了，想请人换一下', category: 'service', valueFen: 20_00 },
    { title: '想要一副老花镜', category: 'goods', valueFen: 50_00 },
    { title: '想要一个收音机听戏', category: 'goods', valueFen: 100_00 },
  ],
};

export async function wishSettingsOf(communityId: string): Promise<WishSettingsInput> {
  const { data } = await WishSettings.get({ communityId }).go();
  if (!data) return DEFAULT_WISH_SETTINGS;
  const { valueCapFen, pointsPerWish, claimDays, eldersRedeem, redemptionWindows, commonWishes } = data;
  return { valueCapFen, pointsPerWish, claimDays, eldersRedeem, redemptionWindows, commonWishes };
}

/** The community's rules, with the event of who changed what, in one transaction. */
export async function saveWishSettings(communityId: string, settings: WishSettingsInput, by: Actor, at: string): Promise<void> {
  const before = await wishSettingsOf(communityId);
  const changes = (Object.keys(settings) as Array<keyof WishSettingsInput>)
    .filter((field) => JSON.stringify(settings[field]) !== JSON.stringify(before[field]))
    .map((field) => ({ field, before: JSON.stringify(before[field]), after: JSON.stringify(settings[field]) }));
  await writeTogether({
    settings: ({ WishSettings: all }) => all.put({ communityId, ...settings, updatedBy: by.userId, updatedAt: at }).commit(),
    audit: changes.length ? recordAudit({ subject: subjectOf('wish-settings', communityId), concerns: communityId, action: 'wishSettings.set', by, at, changes }) : undefined,
  });
}

export async function getWish(wishId: string): Promise<WishItem | undefined> {
  const { data } = await Wish.get({ wishId }).go({ consistent: true });
  return data ?? undefined;
}

async function getWishes(wishIds: string[]): Promise<WishItem[]> {
  if (wishIds.length === 0) return [];
  // Read consistently: a closing's look for wishes in hand must see a claim made a moment before.
  const { data, unprocessed } = await Wish.get(wishIds.map((wishId) => ({ wishId }))).go({ preserveBatchOrder: true, consistent: true });
  if (unprocessed.length > 0) throw new Error(`${unprocessed.length} wishes were not read`);
  return data.filter((item): item is WishItem => item !== null);
}

/** An elder's wishes, newest first. */
export async function wishesOfElder(elderId: string): Promise<WishItem[]> {
  const { data } = await ElderWish.query.byElder({ elderId }).go({ pages: 'all', order: 'desc' });
  return getWishes(data.map((link) => link.wishId));
}

/** The wishes a volunteer holds or realised, newest claim first. */
export async function wishesOfClaimer(claimerId: string): Promise<WishItem[]> {
  const { data } = await WishClaim.query.byClaimer({ claimerId }).go({ pages: 'all', consistent: true });
  const wishes = await getWishes(data.sort((a, b) => b.claimedAt.localeCompare(a.claimedAt)).map((link) => link.wishId));
  // A link outlives its claim only for the moment between a release and its cleanup: the wish says whose it is.
  return wishes.filter((wish) => wish.claimerId === claimerId);
}

interface PageOf<T> {
  items: T[];
  cursor: string | null;
}

/** A community's wishes in one status (or all, by status), newest first unless asked otherwise. */
export async function wishesOfCommunity(
  communityId: string,
  status: WishStatus | undefined,
  cursor: string | undefined,
  limit: number,
  order: 'asc' | 'desc' = 'desc',
): Promise<PageOf<WishItem>> {
  try {
    const page = await Wish.query.byCommunity({ communityId, ...(status ? { status } : {}) }).go({ order, cursor: checkCursor(cursor, 'gsi2') ?? null, limit });
    return { items: page.data, cursor: page.cursor };
  } catch (error) {
    return rethrowBadCursor(error);
  }
}

/** A county's wishes in one status, newest first. */
export async function wishesOfCounty(countyId: string, status: WishStatus, cursor: string | undefined, limit: number): Promise<PageOf<WishItem>> {
  try {
    const page = await Wish.query.byCounty({ countyId, status }).go({ order: 'desc', cursor: checkCursor(cursor, 'gsi1') ?? null, limit });
    return { items: page.data, cursor: page.cursor };
  } catch (error) {
    return rethrowBadCursor(error);
  }
}

/** Every claim of a county whose deadline passed before `now`: what the expiry job returns to the wall. */
export async function expiredClaimsOf(countyId: string, now: string): Promise<WishItem[]> {
  const { data } = await Wish.query
    .byCounty({ countyId, status: 'claimed' })
    .where((attr, op) => op.lt(attr.claimDeadline, now))
    .go({ pages: 'all' });
  return data;
}

export interface Tally {
  collected: number;
  waiting: number;
  inProgress: number;
  realised: number;
}

export async function talliesOf(communityIds: string[]): Promise<Map<string, Tally>> {
  if (communityIds.length === 0) return new Map();
  const { data } = await WishTally.get(communityIds.map((communityId) => ({ communityId }))).go();
  return new Map(data.map((tally) => [tally.communityId, tally]));
}

/**
 * The part that moves a community's counts as a wish is posted (`from` undefined) or changes status (none
 * when nothing counted changes). Every count is added, a zero where it does not change, so the first change
 * makes a whole item.
 */
function tallyPart(communityId: string, from: WishStatus | undefined, to: WishStatus): Part | undefined {
  const change = tallyChange(from, to);
  if (Object.keys(change).length === 0) return undefined;
  const counts = { collected: 0, waiting: 0, inProgress: 0, realised: 0, ...change };
  return ({ WishTally: tallies }) => tallies.update({ communityId }).add(counts).commit();
}

/** A new wish, under its elder, counted as collected, with its request's idempotency record and its first event. */
export async function postWish(wish: WishItem, claim: IdempotencyClaim, nowSeconds: number, event: AuditRecord): Promise<Written<'wish' | 'link' | 'tally' | 'request' | 'audit'>> {
  return writeTogether({
    wish: ({ Wish: wishes }) => wishes.create(wish).commit(),
    link: ({ ElderWish: links }) => links.create({ elderId: wish.elderId, wishId: wish.wishId }).commit(),
    tally: tallyPart(wish.communityId, undefined, wish.status),
    request: rememberRequest(claim, wish.wishId, nowSeconds),
    audit: recordAudit(event),
  });
}

export interface WishChange {
  /** The attributes set with the new status. */
  set?: Partial<WishItem>;
  /** Attributes removed (a released claim's claimer). */
  remove?: Array<keyof WishItem>;
  /** More of the same transaction: the claim's link, points, the leaderboard. */
  parts?: Record<string, Part | undefined>;
}

/**
 * Moves a wish to `to`, only if it is still the version it was decided on, with the wall's counts and its
 * event, in one transaction. `failed` names the parts whose conditions failed ('wish': changed meanwhile).
 */
export async function changeWish(wish: WishItem, to: WishStatus, event: Omit<AuditRecord, 'subject' | 'concerns'>, change: WishChange = {}): Promise<Written<string>> {
  return writeTogether({
    wish: ({ Wish: wishes }) => {
      let update = wishes
        .patch({ wishId: wish.wishId })
        // The status is in both indexes' sort keys: the post time goes with it.
        .set({ ...change.set, status: to, postedAt: wish.postedAt, updatedAt: event.at })
        .add({ version: 1 });
      if (change.remove?.length) update = update.remove(change.remove as never);
      return update.where((attr, op) => `${op.eq(attr.version, wish.version)} AND ${op.eq(attr.status, wish.status)}`).commit();
    },
    tally: tallyPart(wish.communityId, wish.status, to),
    audit: recordAudit({ ...event, subject: wishSubject(wish.wishId), concerns: wish.elderId }),
    ...change.parts,
  });
}

/** A change of a wish that leaves its status (the thank-you): the same version rule and an event. */
export async function annotateWish(wish: WishItem, set: Partial<WishItem>, event: Omit<AuditRecord, 'subject' | 'concerns'>, condition?: 'no-thanks'): Promise<Written<string>> {
  return writeTogether({
    wish: ({ Wish: wishes }) =>
      wishes
        .patch({ wishId: wish.wishId })
        .set({ ...set, updatedAt: event.at })
        .add({ version: 1 })
        .where((attr, op) => [op.eq(attr.version, wish.version), ...(condition === 'no-thanks' ? [op.notExists(attr.thanksAt)] : [])].join(' AND '))
        .commit(),
    audit: recordAudit({ ...event, subject: wishSubject(wish.wishId), concerns: wish.elderId }),
  });
}

export const wishSubject = (wishId: string) => subjectOf('wish', wishId);

/**
 * Back on the wall (released, or its claim expired): the claimer, the claim and what they said they had done
 * are removed, with the claimer's link. Written only if the wish is still as read.
 */
export function returnToWall(wish: WishItem, event: Omit<AuditRecord, 'subject' | 'concerns' | 'changes'>): Promise<Written<string>> {
  return changeWish(
    wish,
    'published',
    { ...event, changes: [{ field: 'status', before: wish.status, after: 'published' }, { field: 'claimer', before: wish.claimerName }] },
    {
      remove: ['claimerId', 'claimerName', 'claimerPartyMember', 'claimedAt', 'claimDeadline', 'deliveredAt', 'deliveryMessage', 'deliveryPhotoKey'],
      parts: { link: wish.claimerId ? dropClaim(wish.claimerId, wish.wishId) : undefined },
    },
  );
}

export const holdClaim = (claimerId: string, wishId: string, claimedAt: string): Part => ({ WishClaim: links }) =>
  links.put({ claimerId, wishId, claimedAt }).commit();

export const dropClaim = (claimerId: string, wishId: string): Part => ({ WishClaim: links }) => links.delete({ claimerId, wishId }).commit();

/** A volunteer's points of a month on the community's leaderboard. */
export const scorePart = (score: { communityId: string; month: string; holderId: string; name: string; partyMember: boolean; points: number }): Part => ({ MonthlyScore: scores }) =>
  scores
    .update({ communityId: score.communityId, month: score.month, holderId: score.holderId })
    .set({ name: score.name, partyMember: score.partyMember })
    .add({ points: score.points })
    .commit();

export async function scoresOf(communityId: string, month: string) {
  const { data } = await MonthlyScore.query.byMonth({ communityId, month }).go({ pages: 'all' });
  return data;
}

// ---- The store

export const pointsAccount = (holderId: string) => `points#${holderId}`;
/** What a redemption's ledger entries point to, and back: the closing finds a holder's redemptions by their ledger. */
export const redemptionRef = (redemptionId: string) => `redeem#${redemptionId}`;
export const redemptionOfRef = (ref: string | undefined) => (ref?.startsWith('redeem#') ? ref.slice('redeem#'.length) : undefined);
export const stockAccount = (itemId: string) => `stock#${itemId}`;

export async function storeItemsOf(communityId: string): Promise<StoreItemItem[]> {
  const { data } = await StoreItem.query.byCommunity({ communityId }).go({ pages: 'all' });
  return data;
}

export async function getStoreItem(communityId: string, itemId: string): Promise<StoreItemItem | undefined> {
  const { data } = await StoreItem.get({ communityId, itemId }).go({ consistent: true });
  return data ?? undefined;
}

/** Balances of several accounts at once (the store's stock): a missing account holds nothing. */
export async function balancesOf(accounts: string[]): Promise<Map<string, number>> {
  if (accounts.length === 0) return new Map();
  const { data } = await LedgerBalance.get(accounts.map((account) => ({ account }))).go({ consistent: true });
  return new Map(data.map((balance) => [balance.account, balance.balance]));
}

/** Redemptions by id, read consistently. */
export async function getRedemptions(redemptionIds: string[]): Promise<RedemptionItem[]> {
  if (redemptionIds.length === 0) return [];
  const { data, unprocessed } = await Redemption.get(redemptionIds.map((redemptionId) => ({ redemptionId }))).go({ consistent: true });
  if (unprocessed.length > 0) throw new Error(`${unprocessed.length} redemptions were not read`);
  return data.filter((item): item is RedemptionItem => item !== null);
}

export async function getRedemption(redemptionId: string): Promise<RedemptionItem | undefined> {
  const { data } = await Redemption.get({ redemptionId }).go({ consistent: true });
  return data ?? undefined;
}

export async function redemptionsOfHolder(holderId: string, limit: number | 'all' = 50): Promise<RedemptionItem[]> {
  const { data } = await Redemption.query.byHolder({ holderId }).go({ order: 'desc', ...reach(limit) });
  return data;
}

/** A community's redemptions in one status (or all), newest first, a page at a time. */
export async function redemptionsOfCommunity(communityId: string, status: RedemptionItem['status'] | undefined, cursor: string | undefined, limit: number): Promise<PageOf<RedemptionItem>> {
  try {
    const page = await Redemption.query.byCommunity({ communityId, ...(status ? { status } : {}) }).go({ order: 'desc', cursor: checkCursor(cursor, 'gsi1') ?? null, limit });
    return { items: page.data, cursor: page.cursor };
  } catch (error) {
    return rethrowBadCursor(error);
  }
}

/** A redemption leaves `waiting` (handed over or cancelled), with whatever goes with it (points and stock back). */
export const settleRedemption = (redemption: RedemptionItem, set: Partial<RedemptionItem> & { status: RedemptionItem['status'] }): Part => ({ Redemption: redemptions }) =>
  redemptions
    .patch({ redemptionId: redemption.redemptionId })
    .set({ ...set, createdAt: redemption.createdAt })
    .where((attr, op) => op.eq(attr.status, 'waiting'))
    .commit();
