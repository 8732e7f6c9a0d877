/**
 * The route table: the single source of truth for the HTTP API. CDK generates API Gateway routes and
 * one Lambda function per entry from it; the local API server serves the same handlers from it; the
 * middleware chain reads the allowed roles from it; the reliability suite generates its matrix from it.
 */
export const roles = ['elder', 'family', 'volunteer', 'worker', 'admin'] as const;
export type Role = (typeof roles)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDefinition {
  method: HttpMethod;
  /** API Gateway style path, parameters in braces. */
  path: string;
  /** Module under `functions/src/handlers/`, exporting `handler`. */
  handler: string;
  /** Roles allowed to call the route; `public` needs no session. */
  roles: readonly Role[] | 'public';
  /** Only served when the stage is `local` (never deployed). */
  localOnly?: boolean;
}

const everyone = roles;

export const routes = [
  { method: 'POST', path: '/auth/wechat', handler: 'auth/wechat-login', roles: 'public' },
  { method: 'GET', path: '/auth/demo-accounts', handler: 'auth/demo-accounts', roles: 'public', localOnly: true },
  { method: 'POST', path: '/auth/demo', handler: 'auth/demo-login', roles: 'public', localOnly: true },

  { method: 'GET', path: '/me', handler: 'me/get', roles: everyone },

  { method: 'GET', path: '/elders/{elderId}', handler: 'elders/get', roles: ['elder', 'family', 'worker', 'admin'] },
  { method: 'PATCH', path: '/elders/{elderId}/contact', handler: 'elders/update-contact', roles: ['elder', 'family', 'worker'] },
  { method: 'PUT', path: '/elders/{elderId}/verification', handler: 'elders/verify', roles: ['worker'] },
  { method: 'GET', path: '/communities/{communityId}/elders', handler: 'elders/list-community', roles: ['worker', 'admin'] },

  { method: 'POST', path: '/elders/{elderId}/binding-codes', handler: 'bindings/create-code', roles: ['elder', 'worker'] },
  { method: 'POST', path: '/bindings', handler: 'bindings/redeem', roles: ['family'] },
  { method: 'GET', path: '/elders/{elderId}/bindings', handler: 'bindings/list', roles: ['elder', 'worker'] },
  { method: 'DELETE', path: '/elders/{elderId}/bindings/{familyId}', handler: 'bindings/remove', roles: ['elder', 'worker'] },

  { method: 'GET', path: '/org', handler: 'org/get', roles: ['worker', 'admin'] },
] as const satisfies readonly RouteDefinition[];

export type Route = (typeof routes)[number];
export type HandlerName = Route['handler'];

export function routeFor(handler: string): RouteDefinition {
  const route = routes.find((candidate) => candidate.handler === handler);
  if (!route) throw new Error(`No route for handler ${handler}`);
  return route;
}

/** Stable identifier used for CDK construct ids and function names, e.g. `elders/get` -> `EldersGet`. */
export function handlerId(handler: string): string {
  return handler
    .split(/[/-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
