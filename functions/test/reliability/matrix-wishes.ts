import { ulid } from 'ulid';
import type { WishStatus } from '@yilin/contract';
import { getElder } from '../../src/features/people/data/elders';
import { getVolunteer } from '../../src/features/people/data/volunteers';
import { Community } from '../../src/features/people/entities';
import { getStoreItem, holdClaim, pointsAccount, stockAccount, wishSettingsOf } from '../../src/features/wishes/data';
import type { WishItem } from '../../src/features/wishes/entities';
import { elderDisplayOf, tallyChange } from '../../src/features/wishes/rules/wish';
import { move } from '../../src/store/ledger';
import { writeTogether } from '../../src/store/transactions';
import { storeItemBody, wishBody } from '../support/wish-fixtures';
import type { Actor, CallPlan, Cell, RouteSpec } from './matrix-spec';
import { NOW, actors, communityTargets, elderSecrets, elderTargets, otherCounty, pointsHolders, randomKey, storeItemOf, volunteersElsewhere } from './world';

/**
 * The authorisation matrix of micro-wishes and points (merged into matrix-spec.ts). Every call that changes
 * a wish gets a wish of its own, written in the status the call needs; every call on a redemption gets a
 * redemption of its own, still waiting at the centre.
 */

/** How an actor stands to a case's subject, worked out here from where the subject lives, apart from the policy module. */
type Relation = 'self' | 'family' | 'community-worker' | 'centre-worker' | 'county-admin' | 'claimer' | 'community-volunteer' | 'county-volunteer' | 'none';
type Place = 'home' | 'same-centre' | 'other-community' | 'other-county';

/**
 * Each case's subject: a wish (of the elder of the same case name; `pending`: the own elder's, not yet
 * reviewed; `claimer`: the own elder's, claimed by the matrix's volunteer), a points holder (see
 * {@link pointsHolders}) with their redemptions, or a community. `home` is the community of the matrix's
 * elder, worker and volunteer.
 */
const subjects: Record<string, { place: Place; ownElder?: true; mine?: 'claimer' | 'self' }> = {
  own: { place: 'home', ownElder: true },
  pending: { place: 'home', ownElder: true },
  claimer: { place: 'home', ownElder: true, mine: 'claimer' },
  volunteer: { place: 'home', mine: 'self' },
  'other-elder': { place: 'home' },
  'other-volunteer': { place: 'home' },
  'same-centre': { place: 'same-centre' },
  'other-community': { place: 'other-community' },
  'other-county': { place: 'other-county' },
};

function relationOf(actor: Actor, caseName: string): Relation {
  const { place, ownElder, mine } = subjects[caseName];
  switch (actor) {
    case 'elder':
      return ownElder ? 'self' : 'none';
    case 'family':
      return ownElder ? 'family' : 'none';
    case 'volunteer':
      return mine ?? (place === 'home' ? 'community-volunteer' : place === 'other-county' ? 'none' : 'county-volunteer');
    case 'worker':
      return place === 'home' ? 'community-worker' : place === 'same-centre' ? 'centre-worker' : 'none';
    case 'admin':
      return place === 'other-county' ? 'none' : 'county-admin';
    default:
      return 'none';
  }
}

const wishCasesAll = ['own', 'pending', 'claimer', 'other-elder', 'same-centre', 'other-community', 'other-county'];
const elderCases = ['own', 'other-elder', 'same-centre', 'other-community', 'other-county'];
const communityCases = ['own', 'same-centre', 'other-community', 'other-county'];
const holderCases = ['own', 'volunteer', 'other-volunteer', 'same-centre', 'other-community', 'other-county'];

/**
 * Who reaches what, by scope. A personal thing (a wish, points, a redemption) is refused as not found (404);
 * a community's things (its wishes, rules, store, wall) with 403, a community being no secret. The county
 * admin only reads, and a wish not yet on the wall is the elder's side's and the community's only.
 */
const scopes = {
  /** One wish: the elder's side, the community, the county; the claimer; volunteers of the county while it is on the wall. */
  wish: { cases: wishCasesAll, reach: ['self', 'family', 'community-worker', 'county-admin', 'claimer', 'community-volunteer', 'county-volunteer'], refusal: 404 },
  /** Posting side and review: the elder, their family, the community's workers (each route's roles narrow it further). */
  'wish-elder-side': { cases: elderCases, reach: ['self', 'family', 'community-worker'], refusal: 404 },
  /** Any volunteer of the county claims a published wish. */
  'wish-claim': { cases: elderCases, reach: ['community-volunteer', 'county-volunteer'], refusal: 404 },
  /** A claimed wish: its claimer hands it over or gives it back; the community's worker takes it back. */
  'wish-claimer': { cases: ['claimer', ...elderCases], reach: ['claimer', 'community-worker'], refusal: 404 },
  /** A community's wishes, rules, store stock and redemptions. */
  'community-wishes': { cases: communityCases, reach: ['community-worker', 'county-admin'], refusal: 403 },
  /** A community's wall and monthly leaderboard: every volunteer of the county sees them. */
  wall: { cases: communityCases, reach: ['community-worker', 'county-admin', 'community-volunteer', 'county-volunteer'], refusal: 403 },
  /** A community's store: its workers, the county, its own volunteers, its elders and their families. */
  store: { cases: communityCases, reach: ['community-worker', 'county-admin', 'community-volunteer', 'self', 'family'], refusal: 403 },
  /** A person's points: the person (a relative for an elder), their community's workers, the county. */
  points: { cases: holderCases, reach: ['self', 'family', 'community-worker', 'county-admin'], refusal: 404 },
  /** A redemption waiting at the centre: its holder's side, the community's workers. */
  redemption: { cases: holderCases, reach: ['self', 'family', 'community-worker', 'county-admin'], refusal: 404 },
} as const satisfies Record<string, { cases: string[]; reach: readonly Relation[]; refusal: 403 | 404 }>;

export type WishScope = keyof typeof scopes;
export const isWishScope = (scope: string): scope is WishScope => scope in scopes;
export const wishCases = Object.fromEntries(Object.entries(scopes).map(([scope, { cases }]) => [scope, cases])) as Record<WishScope, string[]>;
export const wishRefusalStatus = (scope: WishScope) => scopes[scope].refusal;

export function wishAllowed(scope: WishScope, actor: Actor, caseName: string, reads: boolean): boolean {
  const relation = relationOf(actor, caseName);
  if (relation === 'county-admin' && !reads) return false;
  if (caseName === 'pending' && (relation === 'community-volunteer' || relation === 'county-volunteer')) return false;
  return (scopes[scope].reach as readonly Relation[]).includes(relation);
}

const communityOf: Record<Place, string> = {
  home: communityTargets.own,
  'same-centre': communityTargets['same-centre'],
  'other-community': communityTargets['other-community'],
  'other-county': communityTargets['other-county'],
};

const get = (path: string): Omit<CallPlan, 'secrets'> => ({ method: 'GET', path });
const post = (path: string, body?: unknown): Omit<CallPlan, 'secrets'> => ({ method: 'POST', path, body });

/** The elder whose wish the case names (the own elder for `pending` and `claimer`). */
const elderOf = (caseName: string) => elderTargets[caseName as keyof typeof elderTargets] ?? elderTargets.own;

/** Who holds a claimed wish: the matrix's volunteer in `claimer`, otherwise a volunteer of the wish's county. */
const claimerOf = (caseName: string) =>
  caseName === 'claimer' ? actors.volunteer : elderOf(caseName).communityId === otherCounty.communityId ? volunteersElsewhere['other-county'] : pointsHolders['other-volunteer'];

const CLAIM_DEADLINE = new Date(new Date(NOW).getTime() + 14 * 24 * 3600 * 1000).toISOString();

/**
 * A fresh wish of the case's elder at `status`, written in one transaction with what goes with it then (the
 * elder's link, the wall's counts, the claimer's link), as the use cases leave it. Its title is its own, so a
 * refusal can be checked for it.
 */
async function wishAt(status: WishStatus, caseName: string): Promise<WishItem> {
  const elder = (await getElder(elderOf(caseName).elderId))!;
  const { data: community } = await Community.get({ communityId: elder.communityId }).go();
  const claimer = status === 'claimed' || status === 'delivered' || status === 'realised' ? (await getVolunteer(claimerOf(caseName)))! : undefined;
  const wish: WishItem = {
    wishId: `rel-wish-${randomKey()}`, elderId: elder.elderId, elderName: elder.name, elderDisplay: elderDisplayOf(elder.name, elder.sex), communityId: elder.communityId,
    centreId: elder.centreId, countyId: community!.countyId, status, title: `矩阵心愿${randomKey().slice(4, 12)}`, story: '腿脚不方便，好久没理发了。', category: 'service', valueFen: 0,
    handover: 'centre', postedBy: elder.elderId, postedAt: NOW, version: 1, updatedAt: NOW,
    ...(status === 'published' || claimer ? { publishedAt: NOW } : {}),
    ...(claimer ? { claimerId: claimer.userId, claimerName: claimer.name, claimerPartyMember: claimer.partyMember, claimedAt: NOW, claimDeadline: CLAIM_DEADLINE } : {}),
    ...(status === 'delivered' || status === 'realised' ? { deliveredAt: NOW, deliveryMessage: '理好了' } : {}),
    ...(status === 'realised' ? { realisedAt: NOW, points: 10 } : {}),
  };
  // Every count is written (0 where unchanged), as the entity requires all four: posted, then moved to `status`.
  const counts = { collected: 0, waiting: 0, inProgress: 0, realised: 0 };
  for (const change of [tallyChange(undefined, 'pending'), status === 'pending' ? {} : tallyChange('pending', status)]) {
    for (const key of Object.keys(counts) as Array<keyof typeof counts>) counts[key] += change[key] ?? 0;
  }
  const outcome = await writeTogether({
    wish: ({ Wish: wishes }) => wishes.create(wish).commit(),
    link: ({ ElderWish: links }) => links.create({ elderId: wish.elderId, wishId: wish.wishId }).commit(),
    tally: ({ WishTally: tallies }) => tallies.update({ communityId: wish.communityId }).add(counts).commit(),
    claim: claimer ? holdClaim(claimer.userId, wish.wishId, NOW) : undefined,
  });
  if (!outcome.written) throw new Error(`Could not write the wish: ${outcome.failed.join(',')}`);
  return wish;
}

/** A call on a fresh wish; a refusal must show neither the wish nor the elder's phone or address. */
function onWish(status: WishStatus | ((caseName: string) => WishStatus), call: (wish: WishItem) => Omit<CallPlan, 'secrets'>) {
  return async (cell: Cell): Promise<CallPlan> => {
    const wish = await wishAt(typeof status === 'function' ? status(cell.case) : status, cell.case);
    return { ...call(wish), secrets: [wish.title, ...(await elderSecrets(wish.elderId))] };
  };
}

/** What a refusal must not show of a holder: an elder's phone and address, a volunteer's phone. */
async function holderSecrets(holderId: string): Promise<string[]> {
  const volunteer = await getVolunteer(holderId);
  return volunteer ? [volunteer.phone] : elderSecrets(holderId);
}

const holderOf = (caseName: string) => pointsHolders[caseName as keyof typeof pointsHolders];

function onHolder(call: (holderId: string, communityId: string) => Omit<CallPlan, 'secrets'>) {
  return async (cell: Cell): Promise<CallPlan> => {
    const holderId = holderOf(cell.case);
    return { ...call(holderId, communityOf[subjects[cell.case].place]), secrets: await holderSecrets(holderId) };
  };
}

/** A fresh redemption of the case's holder, waiting at the centre: its point and its piece taken in one transaction. */
async function waitingRedemption(caseName: string): Promise<string> {
  const holderId = holderOf(caseName);
  const communityId = communityOf[subjects[caseName].place];
  const holderName = (await getVolunteer(holderId))?.name ?? (await getElder(holderId))!.name;
  const itemId = storeItemOf(communityId);
  const redemptionId = `rel-redemption-${randomKey()}`;
  const ref = `redeem#${redemptionId}`;
  const spent = move({ account: pointsAccount(holderId), entryId: ulid(), amount: -1, reason: '兑换“洗衣液”', ref, at: NOW });
  const taken = move({ account: stockAccount(itemId), entryId: ulid(), amount: -1, reason: `${holderName}兑换`, ref, at: NOW });
  const outcome = await writeTogether({
    pointsEntry: spent.entry,
    points: spent.balance,
    stockEntry: taken.entry,
    stock: taken.balance,
    redemption: ({ Redemption: redemptions }) =>
      redemptions.create({ redemptionId, communityId, holderId, holderName, itemId, itemName: '洗衣液', pricePoints: 1, status: 'waiting', createdAt: NOW, updatedAt: NOW }).commit(),
  });
  if (!outcome.written) throw new Error(`Could not write the redemption: ${outcome.failed.join(',')}`);
  return redemptionId;
}

function onRedemption(call: (redemptionId: string) => Omit<CallPlan, 'secrets'>) {
  return async (cell: Cell): Promise<CallPlan> => ({ ...call(await waitingRedemption(cell.case)), secrets: await holderSecrets(holderOf(cell.case)) });
}

/** What a wish the matrix reads is at: on the wall, except where the case names another status. */
const readable = (caseName: string): WishStatus => (caseName === 'pending' ? 'pending' : caseName === 'claimer' ? 'claimed' : 'published');

export const wishesMatrix: Record<string, RouteSpec> = {
  'wishes/elder-wishes': { scope: 'elder', success: [200], plan: async ({ target }) => ({ ...get(`/elders/${target.elderId}/wishes`), secrets: await elderSecrets(target.elderId) }) },
  'wishes/post': {
    scope: 'elder',
    success: [201],
    plan: async ({ target }) => ({ ...post(`/elders/${target.elderId}/wishes`, wishBody({ idempotencyKey: randomKey() })), secrets: await elderSecrets(target.elderId) }),
  },
  'wishes/voice-upload': {
    scope: 'elder',
    success: [200],
    plan: async ({ target }) => ({ ...post(`/elders/${target.elderId}/wish-voice-uploads`, { contentType: 'audio/mpeg' }), secrets: await elderSecrets(target.elderId) }),
  },
  'wishes/get': { scope: 'wish', success: [200], plan: onWish(readable, ({ wishId }) => get(`/wishes/${wishId}`)) },
  'wishes/withdraw': { scope: 'wish-elder-side', success: [200], plan: onWish('published', ({ wishId }) => post(`/wishes/${wishId}/withdraw`)) },
  'wishes/publish': { scope: 'wish-elder-side', success: [200], plan: onWish('pending', ({ wishId }) => post(`/wishes/${wishId}/publish`, {})) },
  'wishes/reject': { scope: 'wish-elder-side', success: [200], plan: onWish('pending', ({ wishId }) => post(`/wishes/${wishId}/reject`, { reason: '心愿写得不够清楚' })) },
  'wishes/claim': { scope: 'wish-claim', success: [200], plan: onWish('published', ({ wishId }) => post(`/wishes/${wishId}/claim`)) },
  'wishes/release': { scope: 'wish-claimer', success: [200], plan: onWish('claimed', ({ wishId }) => post(`/wishes/${wishId}/release`)) },
  'wishes/photo-upload': { scope: 'wish-claimer', success: [200], plan: onWish('claimed', ({ wishId }) => post(`/wishes/${wishId}/photo-uploads`, { contentType: 'image/png' })) },
  'wishes/deliver': { scope: 'wish-claimer', success: [200], plan: onWish('claimed', ({ wishId }) => post(`/wishes/${wishId}/deliver`, { message: '理好了，奶奶很满意。' })) },
  'wishes/confirm': { scope: 'wish-elder-side', success: [200], plan: onWish('delivered', ({ wishId }) => post(`/wishes/${wishId}/confirm`)) },
  'wishes/thank': { scope: 'wish-elder-side', success: [200], plan: onWish('realised', ({ wishId }) => post(`/wishes/${wishId}/thanks`, { message: '谢谢你，孩子！' })) },
  'wishes/mine': { scope: 'none', success: [200], plan: async () => get('/me/wishes') },
  'wishes/community': { scope: 'community-wishes', success: [200], plan: async ({ target }) => get(`/communities/${target.communityId}/wishes`) },
  'wishes/settings': { scope: 'community-wishes', success: [200], plan: async ({ target }) => get(`/communities/${target.communityId}/wish-settings`) },
  'wishes/set-settings': {
    scope: 'community-wishes',
    success: [200],
    // The settings as they stand (the home community's redemption window): a permitted call changes nothing the other cells rely on.
    plan: async ({ target }) => ({ method: 'PUT', path: `/communities/${target.communityId}/wish-settings`, body: await wishSettingsOf(target.communityId) }),
  },
  'wishes/wall': { scope: 'wall', success: [200], plan: async ({ target }) => get(`/wall?communityId=${target.communityId}`) },

  'points/get': { scope: 'points', success: [200], plan: onHolder((holderId) => get(`/points/${holderId}`)) },
  'points/grant': {
    scope: 'points',
    success: [200],
    plan: onHolder((holderId) => post(`/points/${holderId}/grants`, { hours: 2, points: 5, reason: '重阳节敬老活动', idempotencyKey: randomKey() })),
  },
  'points/adjust': { scope: 'points', success: [200], plan: onHolder((holderId) => post(`/points/${holderId}/adjustments`, { points: -1, reason: '多记了一分', idempotencyKey: randomKey() })) },
  'points/redeem': {
    scope: 'points',
    success: [201],
    plan: onHolder((holderId, communityId) => post(`/points/${holderId}/redemptions`, { itemId: storeItemOf(communityId), idempotencyKey: randomKey() })),
  },
  'points/leaderboard': { scope: 'wall', success: [200], plan: async ({ target }) => get(`/communities/${target.communityId}/leaderboard`) },
  'points/store': { scope: 'store', success: [200], plan: async ({ target }) => get(`/communities/${target.communityId}/store`) },
  'points/add-item': { scope: 'community-wishes', success: [201], plan: async ({ target }) => post(`/communities/${target.communityId}/store/items`, storeItemBody({ idempotencyKey: randomKey() })) },
  'points/update-item': {
    scope: 'community-wishes',
    success: [200],
    // The item as it stands: a permitted call changes nothing the other cells rely on.
    plan: async ({ target }) => {
      const { itemId, name, description, pricePoints, active } = (await getStoreItem(target.communityId, storeItemOf(target.communityId)))!;
      return { method: 'PUT', path: `/communities/${target.communityId}/store/items/${itemId}`, body: { name, description, pricePoints, active } };
    },
  },
  'points/restock': {
    scope: 'community-wishes',
    success: [200],
    plan: async ({ target }) => post(`/communities/${target.communityId}/store/items/${storeItemOf(target.communityId)}/restock`, { count: 1, reason: '补货', idempotencyKey: randomKey() }),
  },
  'points/redemptions': { scope: 'community-wishes', success: [200], plan: async ({ target }) => get(`/communities/${target.communityId}/redemptions`) },
  'points/hand-over': { scope: 'redemption', success: [200], plan: onRedemption((redemptionId) => post(`/redemptions/${redemptionId}/hand-over`)) },
  'points/cancel-redemption': { scope: 'redemption', success: [200], plan: onRedemption((redemptionId) => post(`/redemptions/${redemptionId}/cancel`)) },
};
