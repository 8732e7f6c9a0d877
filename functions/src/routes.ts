/**
 * The backend's side of the route table. The table itself (methods, paths, roles, schemas, answers) is
 * part of the contract shared with the mini-program; this module adds what only the functions need:
 * where each handler lives, its CDK id, the scheduled jobs and the event consumers.
 */
export { roles, routes, routeFor, type AppSecret, type HandlerName, type HttpMethod, type Role, type Route, type RouteDefinition } from '@yilin/contract';

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

/**
 * Event consumers: each reacts to changes of the table's items of the named entities, through the change
 * stream. CDK builds each one's event-source mapping from this table (batch-item failures, bounded
 * retries, a dead-letter queue); `npm start` and the tests run the same handlers on DynamoDB Local's
 * stream (functions/src/local/stream-runner.ts). The first consumers come with notifications and figures.
 */
export interface ConsumerDefinition {
  handler: string;
  description: string;
  /** ElectroDB entity names whose changes the consumer receives. */
  entities: readonly string[];
}

export const consumers: readonly ConsumerDefinition[] = [];
