import { createBindingCode, removeBinding } from '../../src/features/people/data/bindings';
import { changeOrderStatus, deleteSubscription, getOrder, subscriptionsOfElder, createSubscription } from '../../src/features/canteen/data';
import { getElder } from '../../src/features/people/data/elders';
import { getUser } from '../../src/features/people/data/users';
import { User } from '../../src/features/people/entities';
import { epochSeconds } from '../../src/platform/clock';
import { roles, type Role } from '../../src/routes';
import { DAY_AFTER, MONTH, NOW, TOMORROW, actors, bindSpareFamily, clearOrders, freshPlacedOrder, randomKey, SPARE_FAMILY } from './world';

/**
 * The authorisation matrix: for every route of the route table, how to call it in each ownership
 * case, and what each role must get. The matrix test fails for a route that has no entry here, so a new
 * route cannot escape it.
 */
export type Scope = 'elder' | 'order' | 'centre' | 'community' | 'none';
export type Actor = Role | 'anonymous';
export const allActors: Actor[] = ['anonymous', ...roles];

export const casesOf: Record<Scope, string[]> = {
  elder: ['own', 'other-elder', 'same-centre', 'other-community', 'other-county'],
  order: ['own', 'other-elder', 'same-centre', 'other-community', 'other-county'],
  centre: ['own', 'other-centre', 'other-county'],
  community: ['own', 'same-centre', 'other-community', 'other-county'],
  none: ['any'],
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
 * apart from the policy module. The admin reaches their own county only. An elder's records are their
 * community's; the canteen's orders are the centre's, so a worker of the same centre reaches them.
 */
export function allowed(scope: Scope, actor: Actor, caseName: string): boolean {
  if (actor === 'admin') return caseName !== 'other-county';
  switch (scope) {
    case 'none':
      return true;
    case 'elder':
      if (actor === 'worker') return caseName === 'own' || caseName === 'other-elder';
      return (actor === 'elder' || actor === 'family') && caseName === 'own';
    case 'order':
      if (actor === 'worker') return caseName === 'own' || caseName === 'other-elder' || caseName === 'same-centre';
      return (actor === 'elder' || actor === 'family') && caseName === 'own';
    case 'centre':
    case 'community':
      return actor === 'worker' && caseName === 'own';
  }
}

/** A refused object answers 404 (ids cannot be probed), except a centre, which is no secret: 403. */
/** Each actor's name before the rename cell, given back after it. */
const namesBefore = new Map<string, string>();

export const refusalStatus = (scope: Scope) => (scope === 'centre' ? 403 : 404);

const elderSecrets = async (elderId: string) => {
  const elder = await getElder(elderId);
  return elder ? [elder.phone, elder.address] : [];
};

const get = (path: string) => async (): Promise<CallPlan> => ({ method: 'GET', path });

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
};
