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
  /** Secrets the handler reads besides the session-token key; CDK grants each function only these. */
  secrets?: readonly AppSecret[];
}

/** Secrets a function may be granted: `wechat` is the mini-program's AppSecret, used by `code2Session`. */
export type AppSecret = 'wechat';

const everyone = roles;

export const routes = [
  { method: 'POST', path: '/auth/wechat', handler: 'auth/wechat-login', roles: 'public', secrets: ['wechat'] },
  { method: 'GET', path: '/auth/demo-accounts', handler: 'auth/demo-accounts', roles: 'public', localOnly: true },
  { method: 'POST', path: '/auth/demo', handler: 'auth/demo-login', roles: 'public', localOnly: true },

  { method: 'GET', path: '/me', handler: 'me/get', roles: everyone },
  { method: 'POST', path: '/me/claim', handler: 'me/claim-elder', roles: ['family'] },

  { method: 'GET', path: '/elders/{elderId}', handler: 'elders/get', roles: ['elder', 'family', 'worker', 'admin'] },
  { method: 'PATCH', path: '/elders/{elderId}/contact', handler: 'elders/update-contact', roles: ['elder', 'family', 'worker'] },
  { method: 'PUT', path: '/elders/{elderId}/verification', handler: 'elders/verify', roles: ['worker'] },
  { method: 'GET', path: '/communities/{communityId}/elders', handler: 'elders/list-community', roles: ['worker', 'admin'] },

  { method: 'POST', path: '/elders/{elderId}/binding-codes', handler: 'bindings/create-code', roles: ['elder', 'worker'] },
  { method: 'DELETE', path: '/elders/{elderId}/binding-codes', handler: 'bindings/revoke-code', roles: ['elder', 'worker'] },
  { method: 'POST', path: '/elders/{elderId}/claim-codes', handler: 'elders/create-claim-code', roles: ['worker'] },
  { method: 'DELETE', path: '/elders/{elderId}/claim-codes', handler: 'elders/revoke-claim-code', roles: ['worker'] },
  { method: 'POST', path: '/bindings', handler: 'bindings/redeem', roles: ['family'] },
  { method: 'GET', path: '/elders/{elderId}/bindings', handler: 'bindings/list', roles: ['elder', 'worker'] },
  { method: 'DELETE', path: '/elders/{elderId}/bindings/{familyId}', handler: 'bindings/remove', roles: ['elder', 'worker'] },

  { method: 'GET', path: '/org', handler: 'org/get', roles: ['worker', 'admin'] },

  // Canteen (老年助餐)
  { method: 'GET', path: '/elders/{elderId}/menus', handler: 'canteen/elder-menus', roles: ['elder', 'family', 'worker'] },
  { method: 'POST', path: '/elders/{elderId}/orders', handler: 'canteen/place-order', roles: ['elder', 'family', 'worker'] },
  { method: 'GET', path: '/elders/{elderId}/orders', handler: 'canteen/elder-orders', roles: ['elder', 'family', 'worker', 'admin'] },
  { method: 'GET', path: '/orders/{orderId}', handler: 'canteen/get-order', roles: ['elder', 'family', 'worker', 'admin'] },
  { method: 'POST', path: '/orders/{orderId}/cancel', handler: 'canteen/cancel-order', roles: ['elder', 'family', 'worker'] },
  { method: 'POST', path: '/orders/{orderId}/status', handler: 'canteen/set-order-status', roles: ['worker'] },
  { method: 'GET', path: '/elders/{elderId}/subscriptions', handler: 'canteen/list-subscriptions', roles: ['elder', 'family', 'worker'] },
  { method: 'POST', path: '/elders/{elderId}/subscriptions', handler: 'canteen/subscribe', roles: ['elder', 'family', 'worker'] },
  { method: 'DELETE', path: '/elders/{elderId}/subscriptions/{subscriptionId}', handler: 'canteen/unsubscribe', roles: ['elder', 'family', 'worker'] },
  { method: 'GET', path: '/centres/{centreId}/menus', handler: 'canteen/centre-menus', roles: ['worker', 'admin'] },
  { method: 'PUT', path: '/centres/{centreId}/menus/{date}/{meal}', handler: 'canteen/publish-menu', roles: ['worker'] },
  { method: 'POST', path: '/centres/{centreId}/menus/copy-week', handler: 'canteen/copy-week', roles: ['worker'] },
  { method: 'GET', path: '/centres/{centreId}/board', handler: 'canteen/board', roles: ['worker', 'admin'] },
  { method: 'POST', path: '/centres/{centreId}/board/confirm-all', handler: 'canteen/confirm-all', roles: ['worker'] },
  { method: 'GET', path: '/centres/{centreId}/statements/{month}', handler: 'canteen/statement', roles: ['worker', 'admin'] },
  { method: 'GET', path: '/centres/{centreId}/pricing', handler: 'canteen/get-pricing', roles: ['worker', 'admin'] },
  { method: 'PUT', path: '/centres/{centreId}/pricing', handler: 'canteen/set-pricing', roles: ['admin'] },
] as const satisfies readonly RouteDefinition[];

export type Route = (typeof routes)[number];
export type HandlerName = Route['handler'];

export function routeFor(handler: string): RouteDefinition {
  const route = routes.find((candidate) => candidate.handler === handler);
  if (!route) throw new Error(`No route for handler ${handler}`);
  return route;
}

/** Features of the backend: each a folder `functions/src/features/<feature>/` with its own handlers. */
export type Feature = 'people' | 'canteen';

const featureOfGroup: Record<string, Feature> = {
  auth: 'people',
  me: 'people',
  elders: 'people',
  bindings: 'people',
  org: 'people',
  canteen: 'canteen',
  jobs: 'canteen',
};

/**
 * The module of a handler, relative to `functions/src` and without extension: `canteen/board` lives in
 * `features/canteen/handlers/canteen/board.ts`, `auth/wechat-login` in `features/people/handlers/auth/wechat-login.ts`.
 */
export function handlerModule(handler: string): string {
  const feature = featureOfGroup[handler.split('/')[0]];
  if (!feature) throw new Error(`No feature for handler ${handler}`);
  return `features/${feature}/handlers/${handler}`;
}

/** Stable identifier used for CDK construct ids and function names, e.g. `elders/get` -> `EldersGet`. */
export function handlerId(handler: string): string {
  return handler
    .split(/[/-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** Scheduled jobs: CDK turns each into an EventBridge schedule; locally `npm run job -- <handler>` runs one. */
export interface JobDefinition {
  handler: string;
  /** EventBridge cron in UTC. */
  schedule: string;
  description: string;
}

export const jobs = [
  {
    handler: 'jobs/standing-orders',
    // 20:00 Asia/Shanghai: tomorrow's standing orders are placed the evening before, well ahead of the cutoffs.
    schedule: 'cron(0 12 * * ? *)',
    description: 'Places the next day\'s canteen orders for standing orders',
  },
] as const satisfies readonly JobDefinition[];
