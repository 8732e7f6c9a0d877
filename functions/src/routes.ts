/**
 * The backend's side of the route table. The table itself (methods, paths, roles, schemas, answers) is
 * part of the contract shared with the mini-program; this module adds what only the functions need:
 * where each handler lives, its CDK id, the scheduled jobs and the event consumers.
 */
import { routes as routeTable, type AppSecret, type RouteDefinition } from '@yilin/contract';

export { roles, routes, routeFor, type AppSecret, type HandlerName, type HttpMethod, type Role, type Route, type RouteDefinition } from '@yilin/contract';

/** Features of the backend: each a folder `functions/src/features/<feature>/` with its own handlers. */
export type Feature = 'people' | 'canteen' | 'care' | 'wishes' | 'insights' | 'notify' | 'consent' | 'rights';

const featureOfGroup: Record<string, Feature> = {
  auth: 'people',
  me: 'people',
  elders: 'people',
  bindings: 'people',
  org: 'people',
  volunteers: 'people',
  workers: 'people',
  imports: 'people',
  staff: 'people',
  canteen: 'canteen',
  jobs: 'canteen',
  'canteen-events': 'canteen',
  care: 'care',
  'care-events': 'care',
  wishes: 'wishes',
  points: 'wishes',
  'wish-jobs': 'wishes',
  insights: 'insights',
  'insights-events': 'insights',
  notify: 'notify',
  alerts: 'notify',
  'notify-events': 'notify',
  'notify-jobs': 'notify',
  consent: 'consent',
  rights: 'rights',
  'rights-jobs': 'rights',
};

/**
 * The module of a handler, relative to `functions/src` and without extension: `canteen/board` lives in
 * `features/canteen/handlers/canteen/board.ts`, `auth/wechat-login` in `features/people/handlers/auth/wechat-login.ts`.
 */
export function handlerModule(handler: string): string {
  return `features/${featureOfHandler(handler)}/handlers/${handler}`;
}

/**
 * How routes map to deployed functions, chosen by measurement (`npm run bench`, the county-day simulation):
 * one function per feature and grant. The routes of one feature that need the same table access (only
 * GET: read; anything else: read and write) and the same secrets share a function, so an elder opening
 * the app meets a warm function far more often than with one function per route (0.47 % of requests
 * cold against 1.62 %), while every function still holds only the grants its routes use.
 */
export interface FunctionGroup {
  /** E.g. `people-read`, `people-write-session-signing`. */
  name: string;
  feature: Feature;
  tableAccess: 'read' | 'readWrite';
  secrets: AppSecret[];
  /** Its routes issue upload forms or links to photos: the function gets the files bucket. */
  files: boolean;
  routes: RouteDefinition[];
}

/**
 * Handlers that load a large library of their own get a function of their own, named by it, so the rest of
 * their feature never loads it: the statement's xlsx writer stays out of the canteen read function.
 */
const ownFunctionOf: Record<string, string> = {
  'canteen/statement-xlsx': 'xlsx',
  // The spreadsheet import's xlsx reader (read-excel-file) loads only in its preview's function.
  'imports/preview': 'xlsx',
  // A copy of one's data as a workbook: the same writer as the statement's, apart from the copy as a page.
  'rights/data-copy-xlsx': 'xlsx',
};

/**
 * Handlers that reach the files bucket: a staff member's photo (its upload form, its check, links to it
 * wherever a visitor is shown: a booking's answer, the dispatch queue, who can go, the door code).
 */
const filesOf = new Set([
  'staff/list', 'staff/set-profile', 'staff/photo-upload', 'staff/retire',
  'care/get-booking', 'care/book', 'care/cancel', 'care/rate', 'care/door-code', 'care/centre-bookings', 'care/candidates',
  'care/assign', 'care/reschedule', 'care/reject', 'care/no-show', 'care/check-in', 'care/record', 'care/check-out',
  // A delivered wish's photo: its upload form, its check, and links to it wherever the wish is shown.
  'wishes/photo-upload', 'wishes/deliver', 'wishes/get', 'wishes/elder-wishes', 'wishes/post', 'wishes/withdraw', 'wishes/confirm', 'wishes/thank',
  'wishes/community', 'wishes/publish', 'wishes/reject', 'wishes/wall', 'wishes/claim', 'wishes/release', 'wishes/mine',
  // An elder's voice note: its upload form, its check, links to it for the elder's side and the community.
  'wishes/voice-upload',
  // Closing an elder's account deletes their voice notes and the photos of wishes brought to them.
  'rights/close-elder',
]);

const featureOfHandler = (handler: string): Feature => {
  const feature = featureOfGroup[handler.split('/')[0]];
  if (!feature) throw new Error(`No feature for handler ${handler}`);
  return feature;
};

/** The deployed routes (the local-only demo sign-in aside) grouped into functions. */
export function functionGroups(): FunctionGroup[] {
  const deployed = (routeTable as readonly RouteDefinition[]).filter((route) => !route.localOnly);
  const byHandler = new Map<string, RouteDefinition[]>();
  for (const route of deployed) byHandler.set(route.handler, [...(byHandler.get(route.handler) ?? []), route]);
  const groups = new Map<string, FunctionGroup>();
  for (const [handler, handlerRoutes] of byHandler) {
    const tableAccess = handlerRoutes.every((route) => route.method === 'GET' && !route.keepsReads) ? 'read' : 'readWrite';
    const secrets = [...new Set(handlerRoutes.flatMap((route) => route.secrets ?? []))].sort();
    const feature = featureOfHandler(handler);
    const files = filesOf.has(handler);
    const name = [feature, tableAccess === 'read' ? 'read' : 'write', ...secrets, ...(files ? ['files'] : []), ...(ownFunctionOf[handler] ? [ownFunctionOf[handler]] : [])].join('-');
    const group = groups.get(name) ?? { name, feature, tableAccess, secrets, files, routes: [] };
    group.routes.push(...handlerRoutes);
    groups.set(name, group);
  }
  return [...groups.values()];
}

/** The group a deployed route's handler belongs to. */
export function functionGroupOf(handler: string): FunctionGroup {
  const group = functionGroups().find((candidate) => candidate.routes.some((route) => route.handler === handler));
  if (!group) throw new Error(`No deployed function for handler ${handler}`);
  return group;
}

/**
 * The entry module of a group's function: it imports the handlers of its routes and dispatches each
 * request by its route key (`GET /elders/{elderId}`), so esbuild bundles exactly those handlers.
 * `pathToSource` leads from where the module is written to `functions/src`.
 */
export function groupEntrySource(group: FunctionGroup, pathToSource: string): string {
  const handlers = [...new Set(group.routes.map((route) => route.handler))];
  const imports = handlers.map((handler, index) => `import { handler as h${index} } from '${pathToSource}/${handlerModule(handler)}';`);
  const table = group.routes.map((route) => `  '${route.method} ${route.path}': h${handlers.indexOf(route.handler)},`);
  return [
    `// The function ${group.name}: routes of the ${group.feature} feature with ${group.tableAccess} table access${group.secrets.length ? ` and ${group.secrets.join(', ')}` : ''}.`,
    `import { dispatcher } from '${pathToSource}/platform/dispatch';`,
    ...imports,
    '',
    'export const handler = dispatcher({',
    ...table,
    '});',
    '',
  ].join('\n');
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
  /** The job deletes files from the files bucket. */
  files?: boolean;
}

export const jobs = [
  {
    handler: 'jobs/standing-orders',
    // 20:00 Asia/Shanghai: tomorrow's standing orders are placed the evening before, well ahead of the cutoffs.
    schedule: 'cron(0 12 * * ? *)',
    description: 'Places the next day\'s canteen orders for standing orders',
  },
  {
    handler: 'wish-jobs/expire-claims',
    // Every hour: a claim past its deadline is back on the wall within the hour.
    schedule: 'cron(5 * * * ? *)',
    description: 'Returns micro-wish claims past their deadline to the wall',
  },
  {
    handler: 'notify-jobs/escalate-alerts',
    // Every minute (EventBridge rules run in the China regions too): a call unanswered for its time goes up a level.
    schedule: 'rate(1 minute)',
    description: 'Takes emergency calls nobody answered to the centre, then to the county',
  },
  {
    handler: 'rights-jobs/retention',
    // 03:30 Asia/Shanghai, when nobody works: elders who left the register long enough ago lose their contact details.
    schedule: 'cron(30 19 * * ? *)',
    description: 'Clears the contact details of elders who died or moved away longer ago than the retention period',
    // Their wishes' voice notes and delivery photos go with them.
    files: true,
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
  /** Secrets the consumer reads: `wechat` to send subscribe messages. */
  secrets?: readonly AppSecret[];
}

export const consumers: readonly ConsumerDefinition[] = [
  {
    handler: 'canteen-events/elder-changed',
    description: 'The canteen follows an elder who moved community (orders, standing orders) or left the register (standing orders stop, open orders cancelled)',
    entities: ['elder'],
  },
  {
    handler: 'care-events/elder-changed',
    description: 'Home visits follow an elder who moved community (the new community sees them) or left the register (visits still to come cancelled)',
    entities: ['elder'],
  },
  {
    handler: 'care-events/staff-changed',
    description: 'Dispatch follows a staff member who retired or moved to another centre: their visits still to come go back to the queue',
    entities: ['staffPost'],
  },
  {
    handler: 'insights-events/figures',
    description: 'The figures of communities, centres and the county follow every order, visit, wish, redemption, score and elder (see features/insights/figures.ts)',
    entities: ['order', 'booking', 'wish', 'redemption', 'monthlyScore', 'elder', 'elderContact'],
  },
  {
    handler: 'insights-events/audit-indexed',
    description: 'Each audit event is indexed by the community and county it concerns and by who did it, so the trail can be searched',
    entities: ['auditEvent'],
  },
  {
    handler: 'notify-events/messages',
    description: 'Orders, visits, wishes and redemptions become in-app messages, and WeChat subscribe messages for those who accepted them (see features/notify/deliver.ts)',
    entities: ['order', 'booking', 'wish', 'redemption'],
    secrets: ['wechat'],
  },
  {
    // A consumer of its own: an emergency call never waits behind a batch of meal messages and a slow WeChat.
    handler: 'notify-events/alerts',
    description: 'Emergency calls raised, gone up a level, answered and closed become messages to whoever must act or know',
    entities: ['alert'],
    secrets: ['wechat'],
  },
];
