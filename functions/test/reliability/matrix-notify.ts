import { ulid } from 'ulid';
import { getElder } from '../../src/features/people/data/elders';
import { getCommunity } from '../../src/features/people/data/org';
import { alertsOfElder, createAlert, getAlert, openAlertOf, resolveAlert } from '../../src/features/notify/alert-store';
import type { AlertItem } from '../../src/features/notify/entities';
import { escalationTime } from '../../src/features/notify/rules/alert';
import { epochSeconds } from '../../src/platform/clock';
import { config } from '../../src/platform/config';
import { callerClaim } from '../../src/store/idempotency';
import type { Actor, CallPlan, Cell, RouteSpec } from './matrix-spec';
import { NOW, elderSecrets, randomKey } from './world';
import { relationOf, type Relation } from './matrix-insights-audit';

/**
 * The authorisation matrix of notifications and emergency help (merged into matrix-spec.ts): a person's own
 * messages and subscriptions, a community's failed notifications, calls and duty line, an elder's calls, and
 * one call. Every call on a call gets a call of its own, open, raised by the elder a moment ago; and a write
 * that is refused must leave what it would have changed as it was.
 */

// How an actor stands to each case's elder or community: the same rule as the audit trail's scopes.

const elderCases = ['own', 'other-elder', 'same-centre', 'other-community', 'other-county'];
const communityCases = ['own', 'same-centre', 'other-community', 'other-county'];

/**
 * Who reaches what. An elder's calls and one call are refused as not found (404), so ids cannot be probed; a
 * community's calls, failed notifications and duty line with 403, a community being no secret. Those who may
 * answer a call (the community, then the centre and the county it goes up to) may answer any call of theirs.
 */
const scopes = {
  /** An elder's calls and one call: the elder's side, everyone who may answer it, the county that supervises. */
  'alert-read': { cases: elderCases, reach: ['self', 'family', 'community-worker', 'centre-worker', 'county-admin'], refusal: 404 },
  /** Raising a call for the elder and sending where they are: the elder, or a relative for them. */
  'alert-raise': { cases: elderCases, reach: ['self', 'family'], refusal: 404 },
  /** Answering a call and closing it: the community's workers, the centre's, the county admin. */
  'alert-respond': { cases: elderCases, reach: ['community-worker', 'centre-worker', 'county-admin'], refusal: 404 },
  /** The elder's own calls page (the SOS page): whoever reads the elder's profile. */
  'elder-alerts': { cases: elderCases, reach: ['self', 'family', 'community-worker', 'county-admin'], refusal: 404 },
  /** A community's calls and its duty line: reading. */
  'community-alerts': { cases: communityCases, reach: ['community-worker', 'centre-worker', 'county-admin'], refusal: 403 },
  /** A community's failed notifications: its workers reach the people, the county supervises. */
  'community-notifications': { cases: communityCases, reach: ['community-worker', 'county-admin'], refusal: 403 },
  /** Setting the community's duty line: its workers and the county, not the centre's. */
  'duty-phone': { cases: communityCases, reach: ['community-worker', 'county-admin'], refusal: 403 },
} as const satisfies Record<string, { cases: string[]; reach: readonly Relation[]; refusal: 403 | 404 }>;

export type NotifyScope = keyof typeof scopes;
export const isNotifyScope = (scope: string): scope is NotifyScope => scope in scopes;
export const notifyCases = Object.fromEntries(Object.entries(scopes).map(([scope, { cases }]) => [scope, [...cases]])) as Record<NotifyScope, string[]>;
export const notifyRefusalStatus = (scope: NotifyScope) => scopes[scope].refusal;
export const notifyAllowed = (scope: NotifyScope, actor: Actor, caseName: string): boolean => (scopes[scope].reach as readonly Relation[]).includes(relationOf(actor, caseName));

const reliability = { userId: 'reliability', name: '测试', role: 'worker' };

/** The elder's call still open, if any, closed: the elder may be called for again. */
async function closeOpenAlert(elderId: string): Promise<void> {
  const openId = await openAlertOf(elderId);
  const open = openId ? await getAlert(openId) : undefined;
  if (!open) return;
  const outcome = await resolveAlert(open, '矩阵收尾', reliability, NOW);
  if (!outcome.written) throw new Error(`Could not close the call ${open.alertId}: ${outcome.failed.join(',')}`);
}

/**
 * A fresh call of the elder, open at the community's level, written as raising one writes it (with the
 * elder's one open call, the escalation queue, the audit event); the call open before is closed first.
 */
async function freshAlert(elderId: string): Promise<AlertItem> {
  await closeOpenAlert(elderId);
  const elder = (await getElder(elderId))!;
  const community = (await getCommunity(elder.communityId))!;
  const now = new Date(NOW);
  const alert: AlertItem = {
    alertId: ulid(), elderId, elderName: elder.name, elderPhone: elder.phone, elderAddress: elder.address, communityId: elder.communityId, centreId: elder.centreId,
    countyId: community.countyId, status: 'open', level: 'community', raisedById: elderId, raisedByName: elder.name, raisedAt: NOW,
    escalatesAt: escalationTime(now, config.alertEscalationMinutes), updatedAt: NOW,
  };
  const outcome = await createAlert(alert, callerClaim(elderId, randomKey(), ['alerts.raise', elderId]), epochSeconds(now), { userId: elderId, name: elder.name, role: 'elder' });
  if (!outcome.written) throw new Error(`Could not write the call: ${outcome.failed.join(',')}`);
  return alert;
}

/** What each cell of a write saw before its call: read again after a refused call, it must be the same. */
const watched = new WeakMap<Cell, { scope: NotifyScope; read: () => Promise<unknown>; before: unknown }>();

/**
 * A write's plan that also reads, before the call, what the call would change (`read`, given what the plan
 * made); the cleanup reads it again and, where the cell is refused, finds it unchanged. Within these scopes
 * only an allowed relation passes the route's roles too, so `allowed` is the cell's expected success.
 */
function watching<T>(
  scope: NotifyScope,
  make: (cell: Cell) => Promise<T>,
  call: (made: T, cell: Cell) => Promise<CallPlan>,
  read: (made: T, cell: Cell) => Promise<unknown>,
): Pick<RouteSpec, 'scope' | 'plan' | 'cleanup'> {
  return {
    scope,
    plan: async (cell) => {
      const made = await make(cell);
      const plan = await call(made, cell);
      watched.set(cell, { scope, read: () => read(made, cell), before: await read(made, cell) });
      return plan;
    },
    cleanup: async (cell) => {
      const watch = watched.get(cell);
      watched.delete(cell);
      if (!watch || notifyAllowed(watch.scope, cell.actor, cell.case)) return;
      expect({ afterRefusal: await watch.read() }).toEqual({ afterRefusal: watch.before });
    },
  };
}

/** A call on a fresh call of the case's elder; a refusal must show neither the elder's phone nor address. */
function onAlert(scope: NotifyScope, call: (alertId: string) => { method: string; path: string; body?: unknown }) {
  return watching(
    scope,
    ({ target }) => freshAlert(target.elderId),
    async (alert) => ({ ...call(alert.alertId), secrets: await elderSecrets(alert.elderId) }),
    async (alert) => ({ alert: await getAlert(alert.alertId), open: await openAlertOf(alert.elderId) }),
  );
}

const get = (path: string) => async (): Promise<CallPlan> => ({ method: 'GET', path });
const LOCATION = { latitude: 26.89, longitude: 112.57, accuracy: 30 };

export const notifyMatrix: Record<string, RouteSpec> = {
  'notify/messages': { scope: 'none', success: [200], plan: get('/me/messages') },
  'notify/read': { scope: 'none', success: [204], plan: async () => ({ method: 'POST', path: '/me/messages/read', body: {} }) },
  'notify/subscriptions': { scope: 'none', success: [200], plan: get('/me/subscriptions') },
  'notify/subscribe': {
    scope: 'none',
    success: [200],
    plan: async () => ({ method: 'POST', path: '/me/subscriptions', body: { idempotencyKey: randomKey(), answers: { orderConfirmed: 'accept', wishClaimed: 'reject' } } }),
  },
  'notify/failed': { scope: 'community-notifications', success: [200], plan: async ({ target }) => ({ method: 'GET', path: `/communities/${target.communityId}/failed-notifications` }) },

  'alerts/raise': {
    success: [201],
    // The elder's call open before is closed, so a permitted call raises a new one; a refused one raises none.
    ...watching(
      'alert-raise',
      async ({ target }) => closeOpenAlert(target.elderId),
      async (_, { target }) => ({
        method: 'POST',
        path: `/elders/${target.elderId}/alerts`,
        body: { idempotencyKey: randomKey(), location: LOCATION },
        secrets: await elderSecrets(target.elderId),
      }),
      async (_, { target }) => ({ alerts: (await alertsOfElder(target.elderId, 100)).map((alert) => alert.alertId), open: await openAlertOf(target.elderId) }),
    ),
  },
  'alerts/elder-alerts': {
    scope: 'elder-alerts',
    success: [200],
    plan: async ({ target }) => ({ method: 'GET', path: `/elders/${target.elderId}/alerts`, secrets: await elderSecrets(target.elderId) }),
  },
  'alerts/get': { success: [200], ...onAlert('alert-read', (alertId) => ({ method: 'GET', path: `/alerts/${alertId}` })) },
  'alerts/locate': { success: [200], ...onAlert('alert-raise', (alertId) => ({ method: 'POST', path: `/alerts/${alertId}/location`, body: LOCATION })) },
  'alerts/acknowledge': { success: [200], ...onAlert('alert-respond', (alertId) => ({ method: 'POST', path: `/alerts/${alertId}/acknowledge` })) },
  'alerts/resolve': {
    success: [200],
    ...onAlert('alert-respond', (alertId) => ({ method: 'POST', path: `/alerts/${alertId}/resolve`, body: { note: '已上门查看，长辈摔了一跤，没有大碍。' } })),
  },
  'alerts/mine': { scope: 'none', success: [200], plan: get('/me/alerts') },
  'alerts/community': { scope: 'community-alerts', success: [200], plan: async ({ target }) => ({ method: 'GET', path: `/communities/${target.communityId}/alerts` }) },
  'alerts/duty-phone': { scope: 'community-alerts', success: [200], plan: async ({ target }) => ({ method: 'GET', path: `/communities/${target.communityId}/duty-phone` }) },
  'alerts/set-duty-phone': {
    success: [200],
    // A new number each time, so a permitted call really writes (the same number again writes nothing); no cell relies on it.
    ...watching(
      'duty-phone',
      async () => `0734-${8_000_000 + Math.floor(Math.random() * 1_000_000)}`,
      async (dutyPhone, { target }) => ({ method: 'PUT', path: `/communities/${target.communityId}/duty-phone`, body: { dutyPhone } }),
      async (_, { target }) => (await getCommunity(target.communityId))?.dutyPhone ?? null,
    ),
  },
};
