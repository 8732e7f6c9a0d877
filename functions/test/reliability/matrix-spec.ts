import { createBindingCode, removeBinding } from '../../src/features/people/data/bindings';
import { changeOrderStatus, deleteSubscription, getOrder, subscriptionsOfElder, createSubscription } from '../../src/features/canteen/data';
import { getElder } from '../../src/features/people/data/elders';
import { getUser } from '../../src/features/people/data/users';
import { Centre, Community, Elder, User } from '../../src/features/people/entities';
import { Volunteer } from '../../src/features/people/data/volunteers';
import { packRows, saveImport } from '../../src/features/people/data/imports';
import type { VolunteerStatus } from '@yilin/contract';
import { epochSeconds } from '../../src/platform/clock';
import { centresOfCounty, communitiesOfCentre, getCentre, getCommunity } from '../../src/features/people/data/org';
import { addStaffAccount } from '../../src/features/people/data/staff';
import { roles, type Role } from '../../src/routes';
import { DAY_AFTER, MONTH, NOW, TOMORROW, actors, bindSpareFamily, clearOrders, elderSecrets, freshPlacedOrder, otherCounty, randomKey, SPARE_FAMILY } from './world';
import { careMatrix } from './matrix-care';
import { isWishScope, wishAllowed, wishCases, wishesMatrix, wishRefusalStatus, type WishScope } from './matrix-wishes';
import { auditAllowed, auditCases, auditMatrix, auditRefusalStatus, isAuditScope, type AuditScope } from './matrix-insights-audit';
import { insightsMatrix } from './matrix-insights';
import { isNotifyScope, notifyAllowed, notifyCases, notifyMatrix, notifyRefusalStatus, type NotifyScope } from './matrix-notify';
import { consentAllowed, consentCases, consentMatrix, consentRefusalStatus, isConsentScope, type ConsentScope } from './matrix-consent';
import { rightsMatrix } from './matrix-rights';

/**
 * The authorisation matrix: for every route of the route table, how to call it in each ownership
 * case, and what each role must get. The matrix test fails for a route that has no entry here, so a new
 * route cannot escape it.
 */
/**
 * `worker`: a worker's or staff member's account, which only the admin of its county reaches.
 * `booking`: a booked home visit of the target elder; in `assigned` (the own elder's) the matrix's staff member
 * is the one sent, in every other case somebody else is (or nobody yet, where the call needs that).
 * `health`: the target elder's health record; the matrix's staff member has a visit to the own elder only.
 * `staff-member`: a service staff member of the target centre, whom only that centre's workers keep.
 * The scopes of micro-wishes and points (a wish, a points holder, a redemption, a community's wishes, wall and
 * store) and their cases are in matrix-wishes.ts; those of notifications and emergency calls in matrix-notify.ts; those of
 * consent in matrix-consent.ts; closing accounts and the copy of one's data in matrix-rights.ts.
 */
export type Scope = 'elder' | 'order' | 'centre' | 'community' | 'worker' | 'booking' | 'health' | 'staff-member' | 'none' | WishScope | AuditScope | NotifyScope | ConsentScope;
export type Actor = Role | 'anonymous';
export const allActors: Actor[] = ['anonymous', ...roles];

export const casesOf: Record<Scope, string[]> = {
  elder: ['own', 'other-elder', 'same-centre', 'other-community', 'other-county'],
  order: ['own', 'other-elder', 'same-centre', 'other-community', 'other-county'],
  centre: ['own', 'other-centre', 'other-county'],
  community: ['own', 'same-centre', 'other-community', 'other-county'],
  worker: ['own', 'other-county'],
  booking: ['own', 'assigned', 'other-elder', 'same-centre', 'other-community', 'other-county'],
  health: ['own', 'other-elder', 'same-centre', 'other-community', 'other-county'],
  'staff-member': ['own', 'other-centre', 'other-county'],
  none: ['any'],
  ...wishCases,
  ...auditCases,
  ...notifyCases,
  ...consentCases,
};

export interface Target {
  elderId: string;
  centreId: string;
  communityId: string;
}

export interface Cell {
  actor: Actor;
  /** The acting user's id, or undefined for anonymous. */
  userId?: string;
  case: string;
  target: Target;
}

export interface CallPlan {
  method: string;
  path: string;
  body?: unknown;
  /** Text that must not appear in a refusal (the target's personal data). */
  secrets?: string[];
}

export interface RouteSpec {
  scope: Scope;
  /** Acceptable success statuses. */
  success: number[];
  plan(cell: Cell): Promise<CallPlan>;
  cleanup?(cell: Cell): Promise<void>;
}

/**
 * Who may reach which target, by scope: the object-level rule the API must enforce, written out here
 * apart from the policy module. The admin reaches their own county only, and of home visits reads what
 * happens but changes nothing, nor sees health measurements. An elder's records are their community's; the
 * canteen's orders and the home visits are the centre's, so a worker of the same centre reaches them. A
 * staff member reaches a visit only while sent on it, and an elder's health record only through such a visit.
 * `reads`: the call only reads (GET).
 */
export function allowed(scope: Scope, actor: Actor, caseName: string, reads = true): boolean {
  if (isWishScope(scope)) return wishAllowed(scope, actor, caseName, reads);
  if (isAuditScope(scope)) return auditAllowed(scope, actor, caseName);
  if (isNotifyScope(scope)) return notifyAllowed(scope, actor, caseName);
  if (isConsentScope(scope)) return consentAllowed(scope, actor, caseName);
  if (actor === 'admin') {
    if (scope === 'health' || scope === 'staff-member' || (scope === 'booking' && !reads)) return false;
    return caseName !== 'other-county';
  }
  const ownElder = (actor === 'elder' || actor === 'family') && caseName === 'own';
  switch (scope) {
    case 'none':
      return true;
    case 'elder':
      if (actor === 'worker') return caseName === 'own' || caseName === 'other-elder';
      return ownElder;
    case 'order':
    case 'health':
      if (actor === 'worker') return caseName === 'own' || caseName === 'other-elder' || caseName === 'same-centre';
      return ownElder || (scope === 'health' && actor === 'staff' && caseName === 'own');
    case 'booking':
      if (actor === 'worker') return ['own', 'assigned', 'other-elder', 'same-centre'].includes(caseName);
      if (actor === 'staff') return caseName === 'assigned';
      return (actor === 'elder' || actor === 'family') && (caseName === 'own' || caseName === 'assigned');
    case 'centre':
    case 'community':
    case 'staff-member':
      return actor === 'worker' && caseName === 'own';
    case 'worker':
      return false;
  }
}

/** A refused object answers 404 (ids cannot be probed), except a centre, which is no secret: 403. */
/** Each actor's name before the rename cell, given back after it. */
const namesBefore = new Map<string, string>();
/** Each moved elder's place before the move cell, given back after it. */
const placesBefore = new Map<string, { communityId: string; centreId: string }>();

export const refusalStatus = (scope: Scope) =>
  isWishScope(scope) ? wishRefusalStatus(scope) : isAuditScope(scope) ? auditRefusalStatus(scope) : isNotifyScope(scope) ? notifyRefusalStatus(scope) : isConsentScope(scope) ? consentRefusalStatus(scope) : scope === 'centre' ? 403 : 404;

const get = (path: string) => async (): Promise<CallPlan> => ({ method: 'GET', path });

const volunteerPhone = '13907348888';

/** A volunteer of the community in the given state, written afresh for each cell (the community's 志愿者 target). */
async function volunteerIn(communityId: string, status: VolunteerStatus, partyMember: boolean): Promise<string> {
  const community = (await Community.get({ communityId }).go()).data!;
  const userId = `rel-volunteer-${communityId}`;
  const place = { communityId, centreId: community.centreId, countyId: community.countyId };
  await User.put({ userId, role: 'volunteer', name: '矩阵志愿者', ...place, createdAt: NOW }).go();
  await Volunteer.put({ userId, name: '矩阵志愿者', phone: volunteerPhone, ...place, status, partyMember, signedUpAt: NOW, updatedAt: NOW }).go();
  return userId;
}

/** A worker account written afresh for each cell: in the demo county (`own`) or the other county. */
async function workerFor(caseName: string): Promise<string> {
  const userId = `rel-worker-${randomKey()}`;
  const place = caseName === 'other-county'
    ? { countyId: otherCounty.countyId, communityId: otherCounty.communityId, centreId: otherCounty.centreId }
    : { countyId: 'demo-county', communityId: 'demo-comm-xueyuan', centreId: 'demo-centre-xueyuan' };
  await addStaffAccount({ userId, role: 'worker', name: '矩阵工作者', phone: '13907347777', ...place, status: 'invited', createdAt: NOW, updatedAt: NOW }, { userId: 'reliability', name: '测试', role: 'admin' });
  return userId;
}

/** Places the admin creates in the matrix, removed after each cell so the world stays as it was. */
const NEW_CENTRE = '矩阵新建服务中心';
const NEW_COMMUNITY = '矩阵新建社区';

export const matrix: Record<string, RouteSpec> = {
  'auth/wechat-login': {
    scope: 'none',
    success: [200],
    plan: async () => ({ method: 'POST', path: '/auth/wechat', body: { code: `valid-matrix-${randomKey()}` } }),
  },
  'auth/demo-accounts': { scope: 'none', success: [200], plan: get('/auth/demo-accounts') },
  'auth/demo-login': {
    scope: 'none',
    success: [200],
    plan: async () => ({ method: 'POST', path: '/auth/demo', body: { userId: actors.elder } }),
  },
  'me/get': { scope: 'none', success: [200], plan: get('/me') },
  'me/claim-elder': {
    scope: 'none',
    // The matrix's family member looks after elders, so the rule refuses the claim (409 CLAIM_NOT_ALLOWED)
    // once the route has let them in; a successful claim is covered in integration/claim-elder.test.ts.
    success: [409],
    plan: async () => {
      const now = epochSeconds(new Date(NOW));
      const code = await createBindingCode('demo-elder-zhang', actors.worker, NOW, now, now + 3600, 'claim');
      return { method: 'POST', path: '/me/claim', body: { code } };
    },
  },
  'me/set-name': {
    scope: 'none',
    success: [200],
    plan: async ({ userId }) => {
      if (userId) namesBefore.set(userId, (await getUser(userId))?.name ?? '');
      return { method: 'PUT', path: '/me/name', body: { name: '矩阵里的称呼' } };
    },
    // Other cells read the actors' names: give each its name back.
    cleanup: async ({ userId }) => {
      const before = userId ? namesBefore.get(userId) : undefined;
      if (userId && before) await User.patch({ userId }).set({ name: before }).go();
    },
  },
  'org/get': { scope: 'none', success: [200], plan: get('/org') },
  'org/create-centre': {
    scope: 'none',
    success: [201],
    plan: async () => ({ method: 'POST', path: '/centres', body: { name: NEW_CENTRE } }),
    cleanup: async () => {
      for (const centre of await centresOfCounty('demo-county')) if (centre.name === NEW_CENTRE) await Centre.delete({ centreId: centre.centreId }).go();
    },
  },
  'org/rename-centre': {
    scope: 'centre',
    success: [200],
    // Its own name again: a permitted call changes nothing the other cells rely on.
    plan: async ({ target }) => ({ method: 'PUT', path: `/centres/${target.centreId}/name`, body: { name: (await getCentre(target.centreId))!.name } }),
  },
  'org/create-community': {
    scope: 'centre',
    success: [201],
    plan: async ({ target }) => ({ method: 'POST', path: '/communities', body: { name: NEW_COMMUNITY, centreId: target.centreId } }),
    cleanup: async ({ target }) => {
      for (const community of await communitiesOfCentre(target.centreId)) {
        if (community.name === NEW_COMMUNITY) await Community.delete({ communityId: community.communityId }).go();
      }
    },
  },
  'org/rename-community': {
    scope: 'community',
    success: [200],
    plan: async ({ target }) => ({ method: 'PUT', path: `/communities/${target.communityId}/name`, body: { name: (await getCommunity(target.communityId))!.name } }),
  },
  'workers/list': { scope: 'none', success: [200], plan: get('/workers') },
  'workers/add': {
    scope: 'community',
    success: [201],
    plan: async ({ target }) => ({ method: 'POST', path: '/workers', body: { role: 'worker', name: '矩阵新工作者', phone: '13907346666', communityId: target.communityId, idempotencyKey: randomKey() } }),
  },
  'workers/move': {
    scope: 'worker',
    success: [200],
    plan: async (cell) => ({ method: 'PUT', path: `/workers/${await workerFor(cell.case)}/place`, body: { communityId: 'demo-comm-dongfeng' }, secrets: ['13907347777'] }),
  },
  'workers/retire': {
    scope: 'worker',
    success: [200],
    plan: async (cell) => ({ method: 'POST', path: `/workers/${await workerFor(cell.case)}/retire`, secrets: ['13907347777'] }),
  },
  'workers/create-code': {
    scope: 'worker',
    success: [201],
    plan: async (cell) => ({ method: 'POST', path: `/workers/${await workerFor(cell.case)}/codes`, secrets: ['13907347777'] }),
  },
  'workers/revoke-code': {
    scope: 'worker',
    success: [204],
    plan: async (cell) => ({ method: 'DELETE', path: `/workers/${await workerFor(cell.case)}/codes` }),
  },
  'me/claim-staff': {
    scope: 'none',
    // The matrix's family member looks after elders, so the rule refuses them (409 STAFF_CLAIM_NOT_ALLOWED) once
    // the route has let them in; a claim that goes through is covered in integration/staff-accounts.test.ts.
    success: [409],
    plan: async () => {
      const now = epochSeconds(new Date(NOW));
      const code = await createBindingCode(await workerFor('own'), actors.admin, NOW, now, now + 3600, 'staff');
      return { method: 'POST', path: '/me/staff-claim', body: { code } };
    },
  },
  'org/communities': { scope: 'none', success: [200], plan: get('/communities') },
  'volunteers/sign-up': {
    scope: 'none',
    // The matrix's family member looks after elders, so the rule refuses them (409 VOLUNTEER_NOT_ALLOWED) once
    // the route has let them in; a sign-up that goes through is covered in integration/volunteers.test.ts.
    success: [409],
    plan: async () => ({ method: 'POST', path: '/volunteers', body: { name: '矩阵志愿者', communityId: 'demo-comm-xueyuan', phone: '13907349999' } }),
  },
  'volunteers/list-community': {
    scope: 'community',
    success: [200],
    plan: async ({ target }) => ({ method: 'GET', path: `/communities/${target.communityId}/volunteers` }),
  },
  'volunteers/confirm': {
    scope: 'community',
    success: [200],
    plan: async ({ target }) => {
      const userId = await volunteerIn(target.communityId, 'pending', false);
      return { method: 'POST', path: `/volunteers/${userId}/confirm`, secrets: [volunteerPhone] };
    },
  },
  'volunteers/set-party-member': {
    scope: 'community',
    success: [200],
    plan: async ({ target }) => {
      const userId = await volunteerIn(target.communityId, 'confirmed', false);
      return { method: 'PUT', path: `/volunteers/${userId}/party-member`, body: { partyMember: true }, secrets: [volunteerPhone] };
    },
  },

  'elders/get': {
    scope: 'elder',
    success: [200],
    plan: async ({ target }) => ({ method: 'GET', path: `/elders/${target.elderId}`, secrets: await elderSecrets(target.elderId) }),
  },
  'elders/update-contact': {
    scope: 'elder',
    success: [200],
    plan: async ({ target }) => {
      const elder = await getElder(target.elderId);
      return { method: 'PATCH', path: `/elders/${target.elderId}/contact`, body: { address: elder!.address }, secrets: await elderSecrets(target.elderId) };
    },
  },
  'imports/preview': {
    scope: 'community',
    success: [201],
    // A preview writes no elder, only the preview itself: every permitted cell leaves the world as it was.
    plan: async ({ target }) => ({
      method: 'POST',
      path: `/communities/${target.communityId}/imports`,
      body: { fileName: '名册.csv', content: Buffer.from('姓名,性别,出生日期,电话,住址,居住情况,自理能力,补贴类别\n矩阵长辈,女,1944-03-08,13807341234,学院路,独居,自理,普通\n').toString('base64') },
    }),
  },
  'imports/confirm': {
    scope: 'community',
    success: [200],
    // A preview of the target community with no new rows: a permitted confirmation registers nobody.
    plan: async ({ target }) => {
      const { data: community } = await Community.get({ communityId: target.communityId }).go();
      const importId = `matrix-${randomKey()}`.slice(0, 30);
      await saveImport({
        importId, communityId: target.communityId, centreId: community!.centreId, countyId: community!.countyId, fileName: '名册.csv', createdBy: 'matrix',
        createdAt: NOW, expiresAt: epochSeconds(new Date(NOW)) + 86400, rows: packRows([]), status: 'preview',
      });
      return { method: 'POST', path: `/communities/${target.communityId}/imports/${importId}/confirm`, body: { idempotencyKey: randomKey() } };
    },
  },
  'elders/verify': {
    scope: 'elder',
    success: [200],
    plan: async ({ target }) => {
      const elder = (await getElder(target.elderId))!;
      return {
        method: 'PUT',
        path: `/elders/${target.elderId}/verification`,
        // The elder's current facts: a permitted call changes nothing the other cells rely on.
        body: { birthDate: elder.birthDate, subsidyCategory: elder.subsidyCategoryVerified ?? elder.subsidyCategoryRequested, mobilityLimited: elder.mobilityLimited },
        secrets: [elder.phone, elder.address],
      };
    },
  },
  'elders/list-community': {
    scope: 'community',
    success: [200],
    plan: async ({ target }) => ({ method: 'GET', path: `/communities/${target.communityId}/elders` }),
  },
  'elders/register': {
    scope: 'community',
    success: [201],
    // A name of its own each time, so a permitted cell is never refused as a likely duplicate.
    plan: async ({ target }) => ({
      method: 'POST',
      path: `/communities/${target.communityId}/elders`,
      body: {
        name: `矩阵长辈${randomKey().slice(4, 12)}`, sex: 'female', birthDate: '1944-03-08', phone: '13807341234', address: '学院路 1 号',
        livingSituation: 'alone', ability: 'independent', subsidyCategory: 'normal', subsidyProofNote: '', mobilityLimited: false,
        dietary: { lowSalt: false, lowSugar: false, softFood: false, allergies: '' }, emergencyContacts: [], idempotencyKey: randomKey(),
      },
    }),
  },

  'elders/create-claim-code': {
    scope: 'elder',
    success: [201],
    plan: async ({ target }) => ({ method: 'POST', path: `/elders/${target.elderId}/claim-codes` }),
  },
  'bindings/create-code': {
    scope: 'elder',
    success: [201],
    plan: async ({ target }) => ({ method: 'POST', path: `/elders/${target.elderId}/binding-codes` }),
  },
  'bindings/redeem': {
    scope: 'none',
    success: [201],
    plan: async () => {
      const now = epochSeconds(new Date(NOW));
      const code = await createBindingCode('demo-elder-zhang', 'demo-elder-zhang', NOW, now, now + 3600);
      return { method: 'POST', path: '/bindings', body: { code, relation: 'daughter' } };
    },
    cleanup: async ({ userId }) => {
      if (userId) await removeBinding('demo-elder-zhang', userId);
    },
  },
  'elders/move': {
    scope: 'elder',
    success: [200],
    // To a community of the county that is not the elder's own; put back after, as the other cells expect.
    plan: async ({ target }) => {
      placesBefore.set(target.elderId, { communityId: target.communityId, centreId: target.centreId });
      const to = target.communityId === 'demo-comm-guzhangping' ? 'demo-comm-xueyuan' : 'demo-comm-guzhangping';
      return { method: 'PUT', path: `/elders/${target.elderId}/community`, body: { communityId: to }, secrets: await elderSecrets(target.elderId) };
    },
    cleanup: async ({ target }) => {
      const before = placesBefore.get(target.elderId);
      if (!before) return;
      await Elder.patch({ elderId: target.elderId }).set(before).go();
      await User.patch({ userId: target.elderId }).set(before).go();
    },
  },
  'elders/set-status': {
    scope: 'elder',
    success: [200],
    plan: async ({ target }) => ({ method: 'PUT', path: `/elders/${target.elderId}/status`, body: { status: 'movedAway', note: '' }, secrets: await elderSecrets(target.elderId) }),
    cleanup: async ({ target }) => {
      await Elder.patch({ elderId: target.elderId }).set({ status: 'active' }).go();
    },
  },
  'bindings/set-relation': {
    scope: 'elder',
    success: [200],
    plan: async ({ target }) => ({ method: 'PUT', path: `/elders/${target.elderId}/relation`, body: { relation: 'son' } }),
  },
  'bindings/revoke-code': {
    scope: 'elder',
    success: [204],
    plan: async ({ target }) => ({ method: 'DELETE', path: `/elders/${target.elderId}/binding-codes` }),
  },
  'elders/revoke-claim-code': {
    scope: 'elder',
    success: [204],
    plan: async ({ target }) => ({ method: 'DELETE', path: `/elders/${target.elderId}/claim-codes` }),
  },
  'bindings/list': {
    scope: 'elder',
    success: [200],
    plan: async ({ target }) => ({ method: 'GET', path: `/elders/${target.elderId}/bindings` }),
  },
  'bindings/remove': {
    scope: 'elder',
    success: [204],
    plan: async ({ target }) => {
      await bindSpareFamily(target.elderId);
      return { method: 'DELETE', path: `/elders/${target.elderId}/bindings/${SPARE_FAMILY}` };
    },
  },

  'canteen/elder-menus': {
    scope: 'elder',
    success: [200],
    plan: async ({ target }) => ({ method: 'GET', path: `/elders/${target.elderId}/menus`, secrets: await elderSecrets(target.elderId) }),
  },
  'canteen/place-order': {
    scope: 'elder',
    success: [201],
    plan: async ({ target }) => {
      await clearOrders(target.elderId, DAY_AFTER, 'dinner');
      return { method: 'POST', path: `/elders/${target.elderId}/orders`, body: { date: DAY_AFTER, meal: 'dinner', fulfilment: 'eat_in', idempotencyKey: randomKey() } };
    },
  },
  'canteen/elder-orders': {
    scope: 'elder',
    success: [200],
    plan: async ({ target }) => ({ method: 'GET', path: `/elders/${target.elderId}/orders` }),
  },
  'canteen/get-order': {
    scope: 'order',
    success: [200],
    plan: async ({ target }) => ({ method: 'GET', path: `/orders/${await freshPlacedOrder(target.elderId, TOMORROW, 'lunch')}`, secrets: await elderSecrets(target.elderId) }),
  },
  'canteen/cancel-order': {
    scope: 'order',
    success: [200],
    plan: async ({ target }) => ({ method: 'POST', path: `/orders/${await freshPlacedOrder(target.elderId, TOMORROW, 'lunch')}/cancel`, secrets: await elderSecrets(target.elderId) }),
  },
  'canteen/set-order-status': {
    scope: 'order',
    success: [200],
    plan: async ({ target }) => ({
      method: 'POST',
      path: `/orders/${await freshPlacedOrder(target.elderId, TOMORROW, 'lunch')}/status`,
      body: { status: 'confirmed' },
      secrets: await elderSecrets(target.elderId),
    }),
  },
  'canteen/undo-order-status': {
    scope: 'order',
    success: [200],
    plan: async ({ target }) => {
      const order = (await getOrder(await freshPlacedOrder(target.elderId, TOMORROW, 'lunch')))!;
      const marked = await changeOrderStatus(order, { to: 'confirmed', at: NOW, by: { userId: 'reliability', name: '测试', role: 'worker' } });
      if (marked === 'stale') throw new Error('Could not mark the order');
      return { method: 'POST', path: `/orders/${order.orderId}/status/undo`, body: { markId: marked.mark!.markId }, secrets: await elderSecrets(target.elderId) };
    },
  },
  'canteen/list-subscriptions': {
    scope: 'elder',
    success: [200],
    plan: async ({ target }) => ({ method: 'GET', path: `/elders/${target.elderId}/subscriptions` }),
  },
  'canteen/subscribe': {
    scope: 'elder',
    success: [201],
    plan: async ({ target }) => {
      for (const item of await subscriptionsOfElder(target.elderId)) await deleteSubscription(target.elderId, item.subscriptionId);
      return { method: 'POST', path: `/elders/${target.elderId}/subscriptions`, body: { meal: 'dinner', fulfilment: 'eat_in', weekdays: [6] } };
    },
  },
  'canteen/unsubscribe': {
    scope: 'elder',
    success: [204],
    plan: async ({ target }) => {
      const subscriptionId = `sub${randomKey().replace(/-/g, '')}`;
      for (const item of await subscriptionsOfElder(target.elderId)) await deleteSubscription(target.elderId, item.subscriptionId);
      await createSubscription({ subscriptionId, elderId: target.elderId, centreId: target.centreId, meal: 'lunch', fulfilment: 'eat_in', weekdays: [7], createdBy: 'reliability', createdAt: NOW }, 6);
      return { method: 'DELETE', path: `/elders/${target.elderId}/subscriptions/${subscriptionId}` };
    },
  },

  'canteen/centre-menus': {
    scope: 'centre',
    success: [200],
    plan: async ({ target }) => ({ method: 'GET', path: `/centres/${target.centreId}/menus?from=2030-01-07` }),
  },
  'canteen/publish-menu': {
    scope: 'centre',
    success: [200, 201],
    plan: async ({ target }) => ({
      method: 'PUT',
      path: `/centres/${target.centreId}/menus/2030-01-21/lunch`,
      body: { dishes: [{ name: '清蒸鲈鱼', kind: 'meat', tags: ['soft'] }, { name: '紫菜蛋花汤', kind: 'soup', tags: [] }], standardPriceFen: 1500, seatCapacity: 40, deliveryCapacity: 10 },
    }),
  },
  'canteen/copy-week': {
    scope: 'centre',
    success: [200],
    plan: async ({ target }) => ({ method: 'POST', path: `/centres/${target.centreId}/menus/copy-week`, body: { fromWeekStart: '2030-01-07', toWeekStart: '2030-01-14' } }),
  },
  'canteen/board': {
    scope: 'centre',
    success: [200],
    plan: async ({ target }) => ({ method: 'GET', path: `/centres/${target.centreId}/board?date=${TOMORROW}&meal=lunch` }),
  },
  'canteen/confirm-all': {
    scope: 'centre',
    success: [200],
    plan: async ({ target }) => ({ method: 'POST', path: `/centres/${target.centreId}/board/confirm-all`, body: { date: TOMORROW, meal: 'lunch' } }),
  },
  'canteen/get-pricing': {
    scope: 'centre',
    success: [200],
    plan: async ({ target }) => ({ method: 'GET', path: `/centres/${target.centreId}/pricing` }),
  },
  'canteen/set-pricing': {
    scope: 'centre',
    success: [200],
    // The defaults again: a permitted call changes no price the other cells rely on.
    plan: async ({ target }) => ({
      method: 'PUT',
      path: `/centres/${target.centreId}/pricing`,
      body: { age60Fen: 1000, age70Fen: 900, age80Fen: 800, dibaoFen: 800, tekunFen: 0, disabledFen: 0 },
    }),
  },
  'canteen/statement': {
    scope: 'centre',
    success: [200],
    plan: async ({ target }) => ({ method: 'GET', path: `/centres/${target.centreId}/statements/${MONTH}` }),
  },
  'canteen/statement-xlsx': {
    scope: 'centre',
    success: [200],
    plan: async ({ target }) => ({ method: 'GET', path: `/centres/${target.centreId}/statements/${MONTH}/xlsx` }),
  },
  ...careMatrix,
  ...wishesMatrix,
  ...auditMatrix,
  ...insightsMatrix,
  ...notifyMatrix,
  ...consentMatrix,
  ...rightsMatrix,
};
