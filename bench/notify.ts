import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { ulid } from 'ulid';
import type { Backend } from './lib/backend';
import { benchFolder, repoRoot, tokenFor } from './lib/backend';
import { BENCH_CENTRE, BENCH_COUNTY, type BenchWorld } from './lib/fixtures';
import { call } from './lib/http';
import { itemBytes } from './lib/item-size';
import { log, median, percentile, row, since, type Row } from './lib/report';

/**
 * Row group 10: notifications and emergency calls (the `notify` feature). Its consumer
 * (`notify-events/messages`) turns a change of an order, a visit, a wish, a redemption or an emergency call
 * into in-app messages and WeChat subscribe messages; here it runs on DynamoDB Local's stream through the
 * project's local runner (`startStreamRunner`, the runner `npm start` uses, at its default poll interval),
 * and sends to the loopback fake WeChat of the tests (`functions/test/support/fake-wechat.ts`).
 *
 * - **Delivery**: a worker confirms an order through the local API; from the confirm's answer until the
 *   fake WeChat receives the subscribe message, against the stream's own delivery time: a no-op consumer
 *   registered first on the same runner for the same entities timestamps the same record.
 * - **Consumer cost per event**, counted from the items written (DynamoDB Local reports 2 units for a whole
 *   transaction, see insights.ts), against one conditional put measured in the same run.
 * - **Hot routes** GET /me/messages (200 messages) and GET /me/alerts (a worker) against one GetItem.
 * - **Cold starts** of the feature's deployed functions (notify-read, notify-write) and of the consumer,
 *   which group 2 does not cover (it takes the route table's handlers one by one, and of the consumers only
 *   those it names).
 *
 * Everything lives in a community of its own in the bench centre (`ntf-comm`), whose menus the orders use.
 */
const COMMUNITY = 'ntf-comm';
/**
 * The stream's wait is spread evenly over a poll (0–100 ms), so its median over 20 samples moves by ±10 ms
 * from run to run; 60 keep the ratio steadier.
 */
const ORDER_SAMPLES = 60;
const ORDER_WARM_UP = 2;
/** One call per elder at a time: 30 calls fill the worker's list (its first page is 30). */
const ALERTS = 30;
const ACKNOWLEDGED = 10;
const WORKERS = 3;
const MESSAGES = 200;
const ROUTE_SAMPLES = 30;
const ROUTE_WARM_UP = 5;
/** The runner's pause between rounds: its default, the one `npm start` runs with (local/stack.ts gives none). */
const POLL_MS = 100;
/** How long the bench waits for a record or a WeChat message before it calls the group broken. */
const ARRIVAL_TIMEOUT_MS = 15_000;

const pad = (n: number) => String(n).padStart(2, '0');
const elderIdOf = (i: number) => `ntf-elder-${pad(i)}`;
const familyIdOf = (i: number) => `ntf-family-${pad(i)}`;
const workerIdOf = (i: number) => `ntf-worker-${i}`;
const openidOf = (userId: string) => `ntf-openid-${userId}`;
const templateOf = (topic: string) => `tmpl-${topic}`;

/** Times something was seen (a stream record, a WeChat message), and whoever waits for it. */
class Arrivals {
  private readonly times = new Map<string, number>();
  private readonly waiting = new Map<string, Array<(at: number) => void>>();

  mark(key: string, at = performance.now()): void {
    if (this.times.has(key)) return;
    this.times.set(key, at);
    for (const wake of this.waiting.get(key) ?? []) wake(at);
    this.waiting.delete(key);
  }

  at(key: string): Promise<number> {
    const known = this.times.get(key);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`notify: ${key} did not arrive within ${ARRIVAL_TIMEOUT_MS / 1000} s`)), ARRIVAL_TIMEOUT_MS);
      this.waiting.set(key, [
        ...(this.waiting.get(key) ?? []),
        (at) => {
          clearTimeout(timer);
          resolvePromise(at);
        },
      ]);
    });
  }
}

/** One DynamoDB call of the consumer, with the items a transaction wrote (DynamoDB Local's units for it are not trusted). */
interface MeteredCall {
  command: string;
  write: boolean;
  units?: number;
  items: number;
  /** Writes of message items (sort key `$message_1#…`): each also lands in gsi1, see {@link messageWritesOf}. */
  messageWrites: number;
  started: number;
  ended: number;
}

/**
 * Writes of message items in a call's input. ElectroDB gives every message the gsi1 key of its
 * failedByCommunity index, `$yilin#failedcommunityid_` when the message did not fail, so every write of a
 * message is also an index write (DynamoDB Local counts it in the units it reports, checked: a put with gsi1
 * keys 2, without 1). Matched on the sort key's text, which reads the same marshalled or not.
 */
function messageWritesOf(input: Record<string, unknown>): number {
  const isMessage = (part: unknown) => part !== undefined && JSON.stringify(part).includes('$message_1#');
  if (Array.isArray(input.TransactItems)) {
    return (input.TransactItems as Array<{ Put?: { Item?: unknown }; Update?: { Key?: unknown }; Delete?: { Key?: unknown } }>).filter((part) =>
      isMessage(part.Put?.Item ?? part.Update?.Key ?? part.Delete?.Key),
    ).length;
  }
  return isMessage(input.Item ?? input.Key) ? 1 : 0;
}

const writeCommands = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);

function unitsOf(consumed: unknown): number | undefined {
  const list = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as Array<{ CapacityUnits?: number }>;
  return list.length ? list.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0) : undefined;
}

/**
 * A meter of its own on the functions' DynamoDB client, beside the backend's: it also records how many items
 * each transaction carries. On only while a consumer run is captured (nothing else touches the table then:
 * the bench waits for the consumer).
 */
async function installMeter(): Promise<{ capture(run: () => Promise<unknown>): Promise<MeteredCall[]>; remove(): void }> {
  const { dynamoClient } = await import('../functions/src/store/client');
  let calls: MeteredCall[] | undefined;
  const name = 'benchNotifyMeter';
  dynamoClient.middlewareStack.add(
    (next, context) => async (args) => {
      const into = calls;
      if (!into) return next(args);
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const command = String(context.commandName ?? '');
      const items = Array.isArray(input.TransactItems) ? input.TransactItems.length : 1;
      const write = writeCommands.has(command);
      const messageWrites = write ? messageWritesOf(input) : 0;
      const started = performance.now();
      const result = await next(args);
      into.push({ command, write, units: unitsOf((result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity), items, messageWrites, started, ended: performance.now() });
      return result;
    },
    { step: 'initialize', name },
  );
  return {
    async capture(run) {
      const own: MeteredCall[] = [];
      calls = own;
      try {
        await run();
      } finally {
        calls = undefined;
      }
      return own;
    },
    remove: () => void dynamoClient.middlewareStack.remove(name),
  };
}

/**
 * Base-table write units as DynamoDB bills them, counted from the items written: 2 per item of a transaction,
 * 1 per standard write (every item the consumer writes is ≤ 1 KB: checked on the largest message, in the
 * note). DynamoDB Local's own figures are not used for writes: it reports 2 for a whole transaction whatever
 * its number of items, plus 2 when any of them has index keys, and it counts index writes in a standard
 * write's units too. Index writes are counted apart (`messageWrites`).
 */
function countedUnits(calls: MeteredCall[]): { write: number; reported: number; read: number; transactions: number; items: number; standard: number; messageWrites: number } {
  let write = 0;
  let reported = 0;
  let read = 0;
  let transactions = 0;
  let items = 0;
  let standard = 0;
  let messageWrites = 0;
  for (const c of calls) {
    if (c.units === undefined) throw new Error(`DynamoDB Local returned no ConsumedCapacity for ${c.command}`);
    if (!c.write) {
      read += c.units;
      continue;
    }
    reported += c.units;
    messageWrites += c.messageWrites;
    if (c.command === 'TransactWriteItemsCommand') {
      transactions += 1;
      items += c.items;
      write += 2 * c.items;
    } else {
      standard += 1;
      write += 1;
    }
  }
  return { write, reported, read, transactions, items, standard, messageWrites };
}

const callList = (calls: MeteredCall[]) => calls.map((c) => `${c.command.replace(/ItemCommand$|ItemsCommand$|Command$/, '')}${c.command === 'TransactWriteItemsCommand' ? `(${c.items} items)` : ''} ${c.units}`).join(', ');

interface NotifyWorld {
  workerTokens: string[];
  elderToken(i: number): Promise<string>;
  /** Readers of GET /me/messages: 200 messages each, all seen / none seen. */
  readers: { read: string; unread: string; readToken: string; unreadToken: string };
}

async function createNotifyWorld(elders: number): Promise<NotifyWorld> {
  const { messageTopics, topicNames } = await import('@yilin/contract');
  const { Community, Elder, User, Binding } = await import('../functions/src/features/people/entities');
  const { StaffPost } = await import('../functions/src/features/people/data/staff');
  const { Message, MessageAllowance, MessageReadMark, MESSAGE_TTL_SECONDS } = await import('../functions/src/features/notify/entities');
  const started = Date.now();
  const now = new Date().toISOString();
  const place = { communityId: COMMUNITY, centreId: BENCH_CENTRE, countyId: BENCH_COUNTY };
  await Community.put({ ...place, name: '通知基准社区' }).go();
  // Workers on the staff list (an emergency call reaches a community's workers by their posts); the first has WeChat.
  const workers = Array.from({ length: WORKERS }, (_, i) => workerIdOf(i));
  await User.put(workers.map((userId, i) => ({ userId, role: 'worker' as const, name: `通知工作者${i}`, ...place, status: 'active' as const, ...(i === 0 ? { openid: openidOf(userId) } : {}), createdAt: now }))).go();
  await StaffPost.put(workers.map((userId, i) => ({ userId, role: 'worker' as const, name: `通知工作者${i}`, phone: `1390000010${i}`, ...place, status: 'active' as const, createdAt: now, updatedAt: now }))).go();
  // Elders who signed in with WeChat, each with one bound relative who did too.
  const elderIds = Array.from({ length: elders }, (_, i) => elderIdOf(i));
  await User.put([
    ...elderIds.map((userId, i) => ({ userId, role: 'elder' as const, name: `通知长辈${i}`, ...place, openid: openidOf(userId), createdAt: now })),
    ...elderIds.map((_, i) => ({ userId: familyIdOf(i), role: 'family' as const, name: `通知家属${i}`, openid: openidOf(familyIdOf(i)), bindingCount: 1, createdAt: now })),
  ]).go({ concurrency: 4 });
  await Elder.put(
    elderIds.map((elderId, i) => ({
      elderId, name: `通知长辈${i}`, birthDate: `19${40 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`, phone: `1381111${String(i).padStart(4, '0')}`, address: `通知路 ${i} 号`,
      communityId: COMMUNITY, centreId: BENCH_CENTRE, subsidyCategoryRequested: 'normal' as const, subsidyCategoryVerified: 'normal' as const, mobilityLimited: false,
      dietary: { lowSalt: false, lowSugar: false, softFood: false, allergies: '' }, emergencyContacts: [], createdAt: now, updatedAt: now,
    })),
  ).go({ concurrency: 4 });
  await Binding.put(elderIds.map((elderId, i) => ({ elderId, familyId: familyIdOf(i), familyName: `通知家属${i}`, boundAt: now }))).go({ concurrency: 4 });
  // Acceptances, as many POST /me/subscriptions would leave them (each adds one): the elder's for an order
  // confirmed, the relative's and the first worker's for an emergency call. Nobody runs out during the run.
  await MessageAllowance.put([
    ...elderIds.map((userId) => ({ userId, templateId: templateOf('orderConfirmed'), remaining: 1000, updatedAt: now })),
    ...elderIds.map((_, i) => ({ userId: familyIdOf(i), templateId: templateOf('alert'), remaining: 1000, updatedAt: now })),
    { userId: workers[0], templateId: templateOf('alert'), remaining: 1000, updatedAt: now },
  ]).go({ concurrency: 4 });

  // Two readers with 200 messages each over the last 100 days, written as the consumer writes them.
  const readers = { read: 'ntf-reader-read', unread: 'ntf-reader-unread' };
  await User.put(Object.values(readers).map((userId) => ({ userId, role: 'family' as const, name: '通知读者', createdAt: now }))).go();
  const messages = Object.values(readers).flatMap((userId) =>
    Array.from({ length: MESSAGES }, (_, i) => {
      const at = new Date(Date.now() - (MESSAGES - i) * 12 * 3600 * 1000);
      const topic = messageTopics[i % messageTopics.length];
      return {
        userId, messageKey: `${at.toISOString()}#${topic}#${ulid()}`, topic, title: topicNames[topic], body: `通知长辈${i % 30}12月${1 + (i % 28)}日午餐的饭已确认（堂食）。`,
        page: '/pages/orders/index', elderId: elderIdOf(i % 30), elderName: `通知长辈${i % 30}`, communityId: COMMUNITY, recipientName: '通知读者', at: at.toISOString(),
        wechat: i % 3 === 0 ? ('sent' as const) : ('none' as const), expiresAt: Math.floor(at.getTime() / 1000) + MESSAGE_TTL_SECONDS,
      };
    }),
  );
  const { unprocessed } = await Message.put(messages).go({ concurrency: 4 });
  if (unprocessed.length) throw new Error(`notify: ${unprocessed.length} messages not written`);
  const newest = messages.filter((m) => m.userId === readers.read).map((m) => m.messageKey).sort().at(-1)!;
  await MessageReadMark.put({ userId: readers.read, readUpTo: newest }).go();
  log(`notify: community ${COMMUNITY}: ${WORKERS} workers, ${elders} elders with a relative each, ${messages.length} messages for 2 readers in ${since(started)}`);

  const tokens = new Map<number, string>();
  return {
    workerTokens: await Promise.all(workers.map((userId) => tokenFor({ userId, role: 'worker', ...place }))),
    async elderToken(i) {
      if (!tokens.has(i)) tokens.set(i, await tokenFor({ userId: elderIdOf(i), role: 'elder', communityId: COMMUNITY, centreId: BENCH_CENTRE }));
      return tokens.get(i)!;
    },
    readers: { ...readers, readToken: await tokenFor({ userId: readers.read, role: 'family' }), unreadToken: await tokenFor({ userId: readers.unread, role: 'family' }) },
  };
}

/** The key a record is waited for by: entity, id, status. */
function recordKey(record: DynamoDBRecord, changeOf: (record: DynamoDBRecord) => { entity?: string; after?: Record<string, unknown> }): string | undefined {
  const { entity, after } = changeOf(record);
  if (!after) return undefined;
  const id = entity === 'order' ? after.orderId : entity === 'alert' ? after.alertId : undefined;
  return id === undefined ? undefined : `${entity}:${String(id)}:${String(after.status)}`;
}

interface ConsumerRun {
  started: number;
  ended: number;
  calls: MeteredCall[];
}

const expectOk = (what: string, answer: { status: number; body: string }) => {
  if (answer.status < 200 || answer.status >= 300) throw new Error(`${what} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return JSON.parse(answer.body) as Record<string, unknown>;
};

/** The stream's shards now, and how long one empty GetRecords takes on DynamoDB Local (what a runner's round costs per shard). */
async function streamStats(): Promise<{ shards: number; getRecordsMs: number }> {
  const { DescribeTableCommand } = await import('@aws-sdk/client-dynamodb');
  const { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } = await import('@aws-sdk/client-dynamodb-streams');
  const { dynamoClient } = await import('../functions/src/store/client');
  const { config } = await import('../functions/src/platform/config');
  const { Table } = await dynamoClient.send(new DescribeTableCommand({ TableName: config.tableName }));
  const streams = new DynamoDBStreamsClient({ region: process.env.AWS_REGION ?? 'cn-north-1', endpoint: config.dynamoEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: Table?.LatestStreamArn }));
    const shards = StreamDescription?.Shards ?? [];
    const open = shards.find((shard) => !shard.SequenceNumberRange?.EndingSequenceNumber) ?? shards[0];
    let iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: Table?.LatestStreamArn, ShardId: open?.ShardId, ShardIteratorType: 'LATEST' }))).ShardIterator;
    const times: number[] = [];
    for (let i = 0; i < 10 && iterator; i++) {
      const started = performance.now();
      iterator = (await streams.send(new GetRecordsCommand({ ShardIterator: iterator }))).NextShardIterator;
      times.push(performance.now() - started);
    }
    return { shards: shards.length, getRecordsMs: median(times) };
  } finally {
    streams.destroy();
  }
}

interface Figures {
  p50: number;
  p95: number;
  read: number;
  calls: string;
}

/** Sequential requests after a few unmeasured; read units from the backend's meter (DynamoDB Local reports reads right). */
async function measure(backend: Backend, run: () => Promise<void>): Promise<Figures> {
  for (let i = 0; i < ROUTE_WARM_UP; i++) await run();
  const times: number[] = [];
  const units: number[] = [];
  let calls = '';
  for (let i = 0; i < ROUTE_SAMPLES; i++) {
    backend.meter.reset();
    backend.meter.enabled = true;
    const started = performance.now();
    try {
      await run();
    } finally {
      backend.meter.enabled = false;
    }
    times.push(performance.now() - started);
    if (backend.meter.calls.some((c) => c.units === undefined)) throw new Error('DynamoDB Local returned no ConsumedCapacity for some calls');
    units.push(backend.meter.calls.reduce((sum, c) => sum + (c.units ?? 0), 0));
    calls = backend.meter.calls.map((c) => `${c.command.replace(/ItemCommand$|ItemsCommand$|Command$/, '')} ${c.units}`).join(', ');
  }
  return { p50: median(times), p95: percentile(times, 95), read: median(units), calls };
}

/** Only times, for the service function called in process (no HTTP, token or middleware). */
async function timed(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < ROUTE_WARM_UP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < ROUTE_SAMPLES; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** An API Gateway (HTTP API, payload 2.0) event, shaped as group 2 shapes its first requests. */
function httpEvent(method: string, path: string, params: Record<string, string>, token: string, body?: unknown): unknown {
  const rawPath = path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
  return {
    version: '2.0', routeKey: `${method} ${path}`, rawPath, rawQueryString: '',
    headers: { host: 'bench.local', authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    pathParameters: Object.keys(params).length ? params : undefined,
    requestContext: {
      accountId: 'bench', apiId: 'bench', domainName: 'bench.local', domainPrefix: 'bench', requestId: 'bench', routeKey: `${method} ${path}`, stage: '$default',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' }, time: new Date().toISOString(), timeEpoch: Date.now(),
    },
    body: body ? JSON.stringify(body) : undefined,
    isBase64Encoded: false,
  };
}

export async function notify(backend: Backend, apiUrl: string, world: BenchWorld): Promise<Row[]> {
  const { messageTopics } = await import('@yilin/contract');
  const { startFakeWechat } = await import('../functions/test/support/fake-wechat');
  const { startStreamRunner } = await import('../functions/src/local/stream-runner');
  const { consumers, functionGroups, groupEntrySource } = await import('../functions/src/routes');
  const { changeOf } = await import('../functions/src/platform/stream');
  const { forgetAccessToken } = await import('../functions/src/platform/wechat-messages');
  const { handler: notifyHandler } = await import('../functions/src/features/notify/handlers/notify-events/messages');
  const { MESSAGES_CONSUMER } = await import('../functions/src/features/notify/deliver');
  const { Message, MessageReadMark } = await import('../functions/src/features/notify/entities');
  const { User } = await import('../functions/src/features/people/entities');
  const { myMessages } = await import('../functions/src/features/notify/messages');
  const { myAlerts } = await import('../functions/src/features/notify/alerts');
  const { RUNS, bundle, bytesByPackage, probe } = await import('./cold-start');

  const elders = ALERTS + RUNS;
  if (Math.ceil((ORDER_SAMPLES + ORDER_WARM_UP) / ALERTS) > world.slots.length) throw new Error('notify: more orders than (elder, meal) pairs');
  const fake = await startFakeWechat();
  const saved = Object.fromEntries(['WECHAT_API_BASE', 'WECHAT_TEMPLATE_IDS', 'WECHAT_RETRY_BASE_MS'].map((key) => [key, process.env[key]]));
  const wechatEnv = {
    WECHAT_API_BASE: fake.url,
    WECHAT_TEMPLATE_IDS: JSON.stringify(Object.fromEntries(messageTopics.map((topic) => [topic, templateOf(topic)]))),
    WECHAT_RETRY_BASE_MS: '5',
  };
  Object.assign(process.env, wechatEnv);
  forgetAccessToken();
  const meter = await installMeter();
  let runner: { idle(): Promise<void>; stop(): Promise<void> } | undefined;
  try {
    const ntf = await createNotifyWorld(elders);
    const arrivals = new Arrivals();
    // The fake WeChat runs in this process: a message is timed as it is accepted.
    const accept = fake.messages.push.bind(fake.messages);
    const counts = new Map<string, number>();
    fake.messages.push = (...items) => {
      for (const message of items) {
        // The n-th message of a template to a person (from 0): an elder gets one per order confirmed.
        const key = `wechat:${message.touser}:${message.template_id}`;
        const n = counts.get(key) ?? 0;
        counts.set(key, n + 1);
        arrivals.mark(`${key}:${n}`);
      }
      return accept(...items);
    };
    const runs = new Map<string, ConsumerRun>();
    let lastConfirmRecord: DynamoDBRecord | undefined;
    // Both notifications consumers run the same code (emergency calls have a consumer of their own in the cloud):
    // here one consumer takes the entities of both.
    const entities = consumers.filter((consumer) => consumer.handler.startsWith('notify-events/')).flatMap((consumer) => consumer.entities);
    // The no-op consumer first: for each record the runner calls it, then the notifications consumer.
    runner = await startStreamRunner([
      {
        name: 'bench-stream-probe',
        entities,
        handler: async (event: DynamoDBStreamEvent) => {
          const at = performance.now();
          for (const record of event.Records) {
            const key = recordKey(record, changeOf);
            if (!key) continue;
            arrivals.mark(`stream:${key}`, at);
            if (key.startsWith('order:') && key.endsWith(':confirmed')) lastConfirmRecord = record;
          }
          return { batchItemFailures: [] };
        },
      },
      {
        name: MESSAGES_CONSUMER,
        entities,
        handler: async (event: DynamoDBStreamEvent) => {
          const keys = event.Records.map((record) => recordKey(record, changeOf));
          const started = performance.now();
          let answer: Awaited<ReturnType<typeof notifyHandler>> | undefined;
          const calls = await meter.capture(async () => (answer = await notifyHandler(event)));
          const ended = performance.now();
          for (const key of keys) {
            if (!key) continue;
            runs.set(key, { started, ended, calls });
            arrivals.mark(`done:${key}`, ended);
          }
          return answer;
        },
      },
    ], { pollMs: POLL_MS });
    // The runner starts at the open shard's end, but reads a shard closed before it started from its beginning:
    // whatever earlier groups left there goes through first, before anything is measured.
    const backlog = Date.now();
    await runner.idle();
    log(`notify: stream runner caught up in ${since(backlog)}`);
    const stream = await streamStats();

    // 1. An order confirmed → its subscribe message at the fake WeChat.
    const delivery: Array<{ total: number; stream: number; consumer: number; beforeSend: number; send: number; run: number; calls: MeteredCall[] }> = [];
    const confirmKeys: string[] = [];
    for (let i = 0; i < ORDER_WARM_UP + ORDER_SAMPLES; i++) {
      // Elders in turn; an elder's k-th order is for another meal each time.
      const elder = i % ALERTS;
      const k = Math.floor(i / ALERTS);
      const elderId = elderIdOf(elder);
      const slot = world.slots[(elder + k) % world.slots.length];
      const placed = expectOk('place order', await call(apiUrl, 'POST', `/elders/${elderId}/orders`, await ntf.elderToken(elder), { date: slot.date, meal: slot.meal, fulfilment: 'eat_in', idempotencyKey: ulid() }));
      const orderId = (placed.order as { orderId: string }).orderId;
      // The placement's record is through the consumer (it tells nobody) before the confirmation is sent.
      await arrivals.at(`done:order:${orderId}:placed`);
      const key = `order:${orderId}:confirmed`;
      // The runner has just finished a round: without a random pause every confirm would fall at the same point of its cycle.
      await new Promise((resolveAfter) => setTimeout(resolveAfter, Math.random() * POLL_MS));
      expectOk('confirm order', await call(apiUrl, 'POST', `/orders/${orderId}/status`, ntf.workerTokens[0], { status: 'confirmed' }));
      const answered = performance.now();
      const [seen, received, done] = await Promise.all([arrivals.at(`stream:${key}`), arrivals.at(`wechat:${openidOf(elderId)}:${templateOf('orderConfirmed')}:${k}`), arrivals.at(`done:${key}`)]);
      if (i < ORDER_WARM_UP) continue;
      const run = runs.get(key)!;
      const before = run.calls.filter((c) => c.ended <= received);
      const lastBefore = before.length ? Math.max(...before.map((c) => c.ended)) : run.started;
      delivery.push({ total: received - answered, stream: seen - answered, consumer: received - seen, beforeSend: lastBefore - run.started, send: received - lastBefore, run: done - run.started, calls: run.calls });
      confirmKeys.push(key);
    }
    log(`notify: ${ORDER_SAMPLES} orders confirmed, subscribe message p50 ${median(delivery.map((d) => d.total)).toFixed(1)} ms after the answer (stream ${median(delivery.map((d) => d.stream)).toFixed(1)} ms)`);

    // 2. Emergency calls: each elder raises one (workers and the relative are told); a worker acknowledges some (the elder's side is told).
    const raisedKeys: string[] = [];
    const alertIds: string[] = [];
    for (let i = 0; i < ALERTS; i++) {
      const raised = expectOk('raise alert', await call(apiUrl, 'POST', `/elders/${elderIdOf(i)}/alerts`, await ntf.elderToken(i), { idempotencyKey: ulid() }));
      const alertId = (raised.alert as { alertId: string }).alertId;
      await arrivals.at(`done:alert:${alertId}:open`);
      raisedKeys.push(`alert:${alertId}:open`);
      alertIds.push(alertId);
    }
    const acknowledgedKeys: string[] = [];
    for (const alertId of alertIds.slice(0, ACKNOWLEDGED)) {
      expectOk('acknowledge alert', await call(apiUrl, 'POST', `/alerts/${alertId}/acknowledge`, ntf.workerTokens[1]));
      await arrivals.at(`done:alert:${alertId}:acknowledged`);
      acknowledgedKeys.push(`alert:${alertId}:acknowledged`);
    }
    await runner.stop();
    runner = undefined;

    const rows: Row[] = [];
    rows.push(...deliveryRows(delivery, stream, fake.messages.length));
    rows.push(...(await costRows({ confirmKeys, raisedKeys, acknowledgedKeys, runs })));
    rows.push(...(await routeRows(backend, apiUrl, ntf)));
    rows.push(...(await coldRows(backend, ntf, lastConfirmRecord, wechatEnv)));
    return rows;

  } finally {
    await runner?.stop();
    meter.remove();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    forgetAccessToken();
    await fake.close();
  }

  async function costRows(input: { confirmKeys: string[]; raisedKeys: string[]; acknowledgedKeys: string[]; runs: Map<string, ConsumerRun> }): Promise<Row[]> {
    // The floor: one conditional put (ElectroDB's create: attribute_not_exists) of one small item in no index, measured here.
    const floorCalls = await meter.capture(() => MessageReadMark.create({ userId: `ntf-floor-${ulid()}`, readUpTo: new Date().toISOString() }).go());
    const floor = floorCalls.reduce((sum, c) => sum + (c.units ?? 0), 0);
    if (!(floor > 0)) throw new Error('DynamoDB Local reported no units for a single put');
    // The largest message the consumer wrote, as stored: the counting assumes every item ≤ 1 KB.
    let largest = 0;
    let gsi1Key = '';
    for (const userId of [elderIdOf(ORDER_WARM_UP), familyIdOf(ORDER_WARM_UP), workerIdOf(0)]) {
      const stored = (await Message.query.byUser({ userId }).go({ data: 'raw' })) as unknown as { data: { Items?: Array<Record<string, unknown>> } };
      for (const item of stored.data.Items ?? []) {
        largest = Math.max(largest, itemBytes(item));
        if (!item.failedCommunityId && typeof item.gsi1pk === 'string') gsi1Key = item.gsi1pk;
      }
    }
    if (largest > 1024) throw new Error(`notify: a message of ${largest} bytes: the counting of 1 unit per item (2 in a transaction) no longer holds`);
    const index = (writes: number) =>
      gsi1Key
        ? `On DynamoDB each message write (${writes} here) also writes gsi1, ≥ 1 WRU more each: ElectroDB gives a message that did not fail the gsi1 key "${gsi1Key}", so the failedByCommunity index meant to be sparse holds every message, all under that one partition key`
        : 'Messages that did not fail carry no gsi1 key (failedByCommunity is sparse): no index writes';
    const events = [
      { name: 'an order confirmed (elder with WeChat + 1 relative in the app)', keys: input.confirmKeys, recipients: '2 recipients: the elder (openid, an acceptance left: message + acceptance in one transaction, the send, the message marked sent) and the relative (no acceptance for this topic: the message alone)' },
      { name: `an emergency call raised (${WORKERS} community workers + 1 relative)`, keys: input.raisedKeys, recipients: `${WORKERS + 1} recipients: the first worker and the relative with WeChat and an acceptance (transaction of 2, send, mark sent), the other ${WORKERS - 1} workers in the app only; the elder who pressed is not told` },
      { name: 'an emergency call acknowledged (elder + 1 relative)', keys: input.acknowledgedKeys, recipients: '2 recipients: the relative with WeChat (transaction of 2, send, mark sent), the elder in the app (no acceptance for calls)' },
    ];
    const rows: Row[] = [];
    for (const event of events) {
      const counted = event.keys.map((key) => ({ ...countedUnits(input.runs.get(key)!.calls), ms: input.runs.get(key)!.ended - input.runs.get(key)!.started, calls: input.runs.get(key)!.calls }));
      const write = median(counted.map((c) => c.write));
      const typical = counted.find((c) => c.write === write)!;
      const spread = `${Math.min(...counted.map((c) => c.write))}–${Math.max(...counted.map((c) => c.write))}`;
      rows.push(
        row({
          group: '10 notify', what: `messages consumer: write units per event, ${event.name}`, measured: write, floor, unit: 'WRU', target: 'info', met: null,
          note: `median of ${counted.length} events (range ${spread} WRU), base-table units counted from the items written (DynamoDB Local reported ${typical.reported} WRU: 2 per transaction whatever its number of items, +2 when any item has index keys, and index writes in standard writes' units; not trusted for writes, as in group 9). ${event.recipients}. Writes: ${typical.transactions} transaction(s) of ${typical.items} items in all × 2 WRU + ${typical.standard} standard write(s) × 1 WRU (the "sent" mark); every in-app-only message is a transaction of one item (writeTogether), 2 WRU where a conditional put (the floor: ${floor} WRU as measured) would do. Largest message stored ${largest} bytes (≤ 1 KB). ${index(typical.messageWrites)}. Reads ${typical.read} RRU. Calls (units as DynamoDB Local reports them): ${callList(typical.calls)}; consumer run p50 ${median(counted.map((c) => c.ms)).toFixed(1)} ms on DynamoDB Local with the fake WeChat`,
        }),
      );
    }
    return rows;
  }
  function deliveryRows(delivery: Array<{ total: number; stream: number; consumer: number; beforeSend: number; send: number; run: number; calls: MeteredCall[] }>, stats: { shards: number; getRecordsMs: number }, wechatMessages: number): Row[] {
    const of = (pick: (d: (typeof delivery)[number]) => number) => delivery.map(pick);
    const total = of((d) => d.total);
    const stream = of((d) => d.stream);
    const consumerMs = median(of((d) => d.consumer));
    const streamMs = median(stream);
    const { shards, getRecordsMs } = stats;
    const dominant = `${streamMs >= consumerMs ? "The stream's delivery dominates" : "The consumer's own work dominates"} (stream ${streamMs.toFixed(0)}, consumer ${consumerMs.toFixed(0)} of ${median(total).toFixed(0)} ms at p50). The stream: the runner (functions/src/local/stream-runner.ts) reads every shard in turn, then pauses pollMs = ${POLL_MS} ms (npm start's default), so a record waits for the pause (0–100 ms) plus the round's reads: ${shards} shard${shards === 1 ? '' : 's'} on DynamoDB Local, an empty GetRecords ${getRecordsMs.toFixed(1)} ms p50. In the cloud Lambda polls each shard about 4 times a second: a wait of the same order`;
    const note = `${ORDER_SAMPLES} orders of ${Math.min(ALERTS, ORDER_SAMPLES)} elders (after ${ORDER_WARM_UP} unmeasured: the first send fetches WeChat's access token), each placed through the API, its placement through the consumer, then after a random pause of up to one poll (so the confirmation falls anywhere in the runner's cycle) confirmed by a worker; measured from the confirm's answer to the fake WeChat accepting the elder's subscribe message. Floor: the same record reaching a no-op consumer registered first on the same runner (p50 ${streamMs.toFixed(1)}, p95 ${percentile(stream, 95).toFixed(1)}, min ${Math.min(...stream).toFixed(1)}, max ${Math.max(...stream).toFixed(1)} ms; below 0 when the runner read the record before the confirm's answer reached the bench). ${dominant}. The consumer from the record to WeChat's receipt: p50 ${consumerMs.toFixed(1)} ms = its reads and the transaction before the send ${median(of((d) => d.beforeSend)).toFixed(1)} ms (calls: ${callList(delivery[0].calls)}) + the send to the loopback fake ${median(of((d) => d.send)).toFixed(1)} ms (the real WeChat is a network round trip away, tens of ms from China regions); its whole run, "sent" mark included, ${median(of((d) => d.run)).toFixed(1)} ms. The fake took ${wechatMessages} subscribe messages in the group`;
    // The consumer's own work (reads, writes, the send) should take no longer than the stream takes to deliver.
    const p50 = row({ group: '10 notify', what: 'order confirmed → subscribe message at the fake WeChat: p50', measured: median(total), floor: streamMs, unit: 'ms', target: '≤ 2× floor', met: false, note });
    p50.met = p50.ratio <= 2;
    return [
      p50,
      row({ group: '10 notify', what: 'order confirmed → subscribe message at the fake WeChat: p95', measured: percentile(total, 95), floor: percentile(stream, 95), unit: 'ms', target: 'info', met: null, note: `nearest-rank p95 of ${ORDER_SAMPLES}; floor: the no-op consumer's p95` }),
    ];
  }

  async function routeRows(backendRef: Backend, url: string, ntf: NotifyWorld): Promise<Row[]> {
    // The floor: one GetItem of a small item through the data layer (the reader's account).
    const floor = await measure(backendRef, async () => void (await User.get({ userId: ntf.readers.read }).go()));
    const messagesOf = (token: string) => async () => {
      const page = expectOk('GET /me/messages', await call(url, 'GET', '/me/messages', token)) as { messages: unknown[]; unread: number };
      if (page.messages.length !== 30) throw new Error(`GET /me/messages listed ${page.messages.length} messages, not 30`);
    };
    const alertsOf = async () => {
      const list = expectOk('GET /me/alerts', await call(url, 'GET', '/me/alerts', ntf.workerTokens[2])) as { open: unknown[] };
      if (list.open.length !== ALERTS) throw new Error(`GET /me/alerts listed ${list.open.length} open calls, not ${ALERTS}`);
    };
    const place = { communityId: COMMUNITY, centreId: BENCH_CENTRE, countyId: BENCH_COUNTY };
    const cases = [
      {
        name: `GET /me/messages (${MESSAGES} messages, all seen)`, run: messagesOf(ntf.readers.readToken), direct: () => myMessages({ userId: ntf.readers.read, role: 'family' }, undefined),
        design: 'the read mark (GetItem), then the first page of 30 and the count of unseen (up to 100 keys, Query with a projection: DynamoDB bills the whole items read) together',
      },
      {
        name: `GET /me/messages (${MESSAGES} messages, none seen)`, run: messagesOf(ntf.readers.unreadToken), direct: () => myMessages({ userId: ntf.readers.unread, role: 'family' }, undefined),
        design: 'as above; the count of unseen now reads 100 whole messages (it stops at 100, shown as 99+)',
      },
      {
        name: `GET /me/alerts (worker, ${ALERTS} calls of the community, ${ACKNOWLEDGED} acknowledged)`, run: alertsOf, direct: () => myAlerts({ userId: workerIdOf(2), role: 'worker', ...place }),
        design: "the community's last 30 calls (gsi1 Query) and those gone up to the centre (Query) together, then any of the latter not already listed (BatchGet); the community's name cached",
      },
    ];
    const rows: Row[] = [];
    for (const one of cases) {
      const route = await measure(backendRef, one.run);
      const direct = await timed(one.direct);
      const latency = row({
        group: '10 notify', what: `${one.name} c=1 p50`, measured: route.p50, floor: floor.p50, unit: 'ms', target: 'info', met: null,
        note: `${ROUTE_SAMPLES} sequential requests through the local API after ${ROUTE_WARM_UP} unmeasured; p95 ${route.p95.toFixed(1)} ms. Floor: one GetItem of a small item through the data layer, in process (p95 ${floor.p95.toFixed(1)} ms). The same service function called in process (no HTTP, token or middleware): p50 ${direct.toFixed(1)} ms, so the route adds ${(route.p50 - direct).toFixed(1)} ms on top of its data work. Design: ${one.design}`,
      });
      const units = row({
        group: '10 notify', what: `${one.name}: read units`, measured: route.read, floor: floor.read, unit: 'RRU', target: 'info', met: null,
        note: `median per request as DynamoDB Local reports them (it reports reads right, but 0 for a query that finds nothing, where DynamoDB bills at least 0.5 RRU); calls: ${route.calls}. Floor: the GetItem (${floor.calls})`,
      });
      rows.push(latency, units);
    }
    return rows;
  }

  async function coldRows(backendRef: Backend, ntf: NotifyWorld, confirmRecord: DynamoDBRecord | undefined, env: Record<string, string>): Promise<Row[]> {
    if (!confirmRecord) throw new Error('notify: no order-confirmed record was captured for the consumer cold start');
    const folder = join(benchFolder, 'notify-bundles');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(join(folder, 'groups'), { recursive: true });
    const groups = functionGroups().filter((group) => group.feature === 'notify');
    const firsts: Record<string, { handler: string; label: string }> = {
      'notify-read': { handler: 'notify/messages', label: `GET /me/messages (${MESSAGES} messages, none seen)` },
      'notify-write': { handler: 'alerts/raise', label: 'POST /elders/{elderId}/alerts, a real call in each run (a different elder)' },
    };
    const missing = groups.filter((group) => !firsts[group.name]).map((group) => group.name);
    const entries = groups.filter((group) => firsts[group.name]).map((group) => {
      const entry = join(folder, 'groups', `${group.name}.ts`);
      writeFileSync(entry, groupEntrySource(group, relative(join(folder, 'groups'), join(repoRoot, 'functions/src'))));
      return { group, entry };
    });
    const consumerName = `consumer ${MESSAGES_CONSUMER}, first an order confirmed (elder with WeChat + 1 relative; a new event in each run)`;
    const built = await Promise.all([
      bundle('(floor)', resolve(__dirname, 'cold-start/floor-handler.ts'), folder),
      ...entries.map(({ group, entry }) => bundle(`function ${group.name} (${group.routes.length} routes), first ${firsts[group.name].label}`, entry, folder)),
      bundle(consumerName, join(repoRoot, 'functions/src/features/notify/handlers/notify-events/messages.ts'), folder),
    ]);
    // Each run its own first request: the consumer a new event id (a new message, a WeChat send), the write function a call of another elder.
    const eventOf = async (name: string, run: number): Promise<unknown> => {
      if (name === '(floor)') return {};
      if (name === consumerName) return { Records: [{ ...confirmRecord, eventID: `bench-notify-cold-${run}-${ulid()}` }] };
      if (name.startsWith('function notify-read')) return httpEvent('GET', '/me/messages', {}, ntf.readers.unreadToken);
      const elder = ALERTS + run;
      return httpEvent('POST', '/elders/{elderId}/alerts', { elderId: elderIdOf(elder) }, await ntf.elderToken(elder), { idempotencyKey: ulid() });
    };
    const childEnv = { ...backendRef.functionEnv, ...env };
    const samples = new Map<string, Array<{ totalMs: number; loadMs: number; firstMs: number; status?: number | string }>>(built.map((b) => [b.name, []]));
    const before = fake.messages.length;
    log(`notify: ${built.length} bundles built; ${RUNS} fresh processes each`);
    for (let run = 0; run < RUNS; run++) {
      for (const b of built) {
        const eventFile = join(folder, `${b.name.replace(/\W+/g, '_').slice(0, 80)}.${run}.event.json`);
        writeFileSync(eventFile, JSON.stringify(await eventOf(b.name, run)));
        samples.get(b.name)!.push(await probe(b.file, eventFile, childEnv));
      }
    }
    const sent = fake.messages.length - before;
    const floorBundle = built[0];
    const floorMs = median(samples.get(floorBundle.name)!.map((s) => s.totalMs));
    return built.slice(1).map((b) => {
      const runsOf = samples.get(b.name)!;
      const statuses = [...new Set(runsOf.map((s) => s.status ?? 'ok'))].join('/');
      const top = [...bytesByPackage(b.metafile)].slice(0, 5).map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)} KB`).join(', ');
      const r = row({
        group: '10 notify', what: `cold start: ${b.name}`, measured: median(runsOf.map((s) => s.totalMs)), floor: floorMs, unit: 'ms', target: '≤ 1.5× floor', met: false,
        note: `as group 2: bundled with the stack's options, ${RUNS} fresh processes with --enable-source-maps, interleaved, median from require to the first answer; bundle ${(b.bytes / 1024).toFixed(0)} KB (floor ${(floorBundle.bytes / 1024).toFixed(0)} KB; largest parts: ${top}); load ${median(runsOf.map((s) => s.loadMs)).toFixed(0)} ms + first answer ${median(runsOf.map((s) => s.firstMs)).toFixed(0)} ms; status ${statuses}${b.name === consumerName ? `; the fake WeChat took ${sent} messages from these runs (each process fetches its own access token first)` : ''}${missing.length ? `; notify functions without a first request here: ${missing.join(', ')}` : ''}`,
      });
      r.met = r.ratio <= 1.5;
      return r;
    });
  }
}
