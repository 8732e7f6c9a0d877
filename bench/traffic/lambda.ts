import type { AppSecret, RouteDefinition } from '../../functions/src/routes';
import type { Request } from './day';

/**
 * Lambda's execution environments, as far as cold starts go. ASSUMPTIONS (parameters, not facts):
 * - an environment serves one request at a time; a request that finds every environment of its function
 *   busy gets a new one (a cold start);
 * - an environment left idle for `idleReclaimMinutes` is reclaimed (AWS does not publish the figure;
 *   observed values run from about 5 to 15 minutes, sometimes longer);
 * - a free environment is reused most-recently-used first, so the others age out;
 * - environments are never recycled for age within the day, and nothing keeps them warm.
 */
export interface LambdaModel {
  idleReclaimMinutes: number;
  /** A warm request's duration. */
  warmMs: number;
  /** What a cold start adds before the request runs (runtime start and loading the bundle). */
  initMs: number;
}

export interface Layout {
  name: string;
  /** The function that serves a route's handler. */
  functionOf(handler: string): string;
}

export const ONE_FOR_ALL = 'one function for all';

/**
 * The layouts compared: today's one function per route, one per feature folder, one for all, and one per
 * feature and grant (a feature's routes that need the same table access and secrets share a function).
 */
export function layouts(deployed: readonly RouteDefinition[], handlerModule: (handler: string) => string): Layout[] {
  // `features/<feature>/handlers/...`: the feature folder.
  const featureOf = (handler: string) => handlerModule(handler).split('/')[1];
  const perFeatureAndGrant = new Map<string, string>();
  for (const [name, grants] of grantsOf({ name: 'one function per route', functionOf: (handler) => handler }, deployed)) {
    perFeatureAndGrant.set(name, [featureOf(name), grants.table, ...grants.secrets].join('-'));
  }
  return [
    { name: 'one function per route', functionOf: (handler) => handler },
    { name: 'one function per feature', functionOf: featureOf },
    { name: 'one function per feature and grant', functionOf: (handler) => perFeatureAndGrant.get(handler) ?? featureOf(handler) },
    { name: ONE_FOR_ALL, functionOf: () => 'api' },
  ];
}

export interface Outcome {
  requests: number;
  cold: number;
  /** Openings (visits to the app) in which at least one request met a cold function, by kind of person. */
  openingsWithCold: Record<string, { openings: number; withCold: number }>;
  functions: number;
  /** Most environments busy at once, over all functions. */
  peakBusy: number;
  /** Environments created over the day. */
  environments: number;
}

interface Environment {
  freeAt: number;
}

export function simulateLambda(requests: readonly Request[], layout: Layout, model: LambdaModel): Outcome {
  const reclaimMs = model.idleReclaimMinutes * 60_000;
  const pools = new Map<string, Environment[]>();
  const busyUntil: number[] = [];
  const openings = new Map<number, { person: string; cold: boolean }>();
  let cold = 0;
  let environments = 0;
  let peakBusy = 0;
  for (const request of requests) {
    const name = layout.functionOf(request.handler);
    // Reclaimed environments are gone; the rest are busy or free.
    const pool = (pools.get(name) ?? []).filter((env) => env.freeAt > request.at || request.at - env.freeAt < reclaimMs);
    pools.set(name, pool);
    let env: Environment | undefined;
    for (const candidate of pool) if (candidate.freeAt <= request.at && (!env || candidate.freeAt > env.freeAt)) env = candidate;
    const isCold = !env;
    if (!env) {
      env = { freeAt: request.at };
      pool.push(env);
      cold++;
      environments++;
    }
    env.freeAt = request.at + (isCold ? model.initMs : 0) + model.warmMs;
    // Concurrency over all functions: requests still running when this one starts.
    while (busyUntil.length && busyUntil[0] <= request.at) busyUntil.shift();
    insertSorted(busyUntil, env.freeAt);
    peakBusy = Math.max(peakBusy, busyUntil.length);
    const opening = openings.get(request.opening) ?? { person: request.person, cold: false };
    opening.cold ||= isCold;
    openings.set(request.opening, opening);
  }
  const openingsWithCold: Outcome['openingsWithCold'] = {};
  for (const { person, cold: hadCold } of openings.values()) {
    const entry = (openingsWithCold[person] ??= { openings: 0, withCold: 0 });
    entry.openings++;
    if (hadCold) entry.withCold++;
  }
  return { requests: requests.length, cold, openingsWithCold, functions: new Set(requests.map((r) => layout.functionOf(r.handler))).size, peakBusy, environments };
}

function insertSorted(list: number[], value: number): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid] <= value) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, value);
}

export type TableAccess = 'read' | 'readWrite';

export interface Grants {
  table: TableAccess;
  secrets: AppSecret[];
  routes: number;
}

/**
 * What each function of a layout must be granted: the union of what its routes need. A route that only
 * reads (GET) needs table read, any other route read-write (the rule of `functionGroups` in
 * functions/src/routes.ts); secrets are the routes' `secrets`.
 */
export function grantsOf(layout: Layout, deployed: readonly RouteDefinition[]): Map<string, Grants> {
  const grants = new Map<string, Grants>();
  for (const route of deployed) {
    const name = layout.functionOf(route.handler);
    const current = grants.get(name) ?? { table: 'read', secrets: [], routes: 0 };
    grants.set(name, {
      table: current.table === 'readWrite' || route.method !== 'GET' ? 'readWrite' : 'read',
      secrets: [...new Set([...current.secrets, ...(route.secrets ?? [])])].sort(),
      routes: current.routes + 1,
    });
  }
  return grants;
}

/** Routes whose code runs with a grant: by the layout's functions, and at least (each route alone). */
export function exposure(layout: Layout, deployed: readonly RouteDefinition[]) {
  const grants = grantsOf(layout, deployed);
  const count = (test: (route: RouteDefinition, held: Grants) => boolean) => deployed.filter((route) => test(route, grants.get(layout.functionOf(route.handler))!)).length;
  return {
    grants,
    canWrite: count((_, held) => held.table === 'readWrite'),
    mustWrite: count((route) => route.method !== 'GET'),
    holdSecret: count((_, held) => held.secrets.length > 0),
    needSecret: count((route) => (route.secrets ?? []).length > 0),
  };
}
