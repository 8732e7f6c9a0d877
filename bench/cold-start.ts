import { spawn, type StdioOptions } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { benchFolder, repoRoot, tokenFor, type Backend } from './lib/backend';
import { log, median, row, type Row } from './lib/report';

/**
 * Row group 2: cold start of every function bundle. Each handler of the route table and each job is
 * bundled with the esbuild options of infra/lib/project-function.ts (NodejsFunction: --bundle
 * --platform=node --format=cjs --target=node22 --minify --sourcemap --sources-content=false, no
 * externals, run from the workspace root), then started in fresh Node processes with the deployed
 * NODE_OPTIONS=--enable-source-maps, against a floor bundle that only reads one item with the SDK client.
 */
export const RUNS = 3;
const bundleFolder = join(benchFolder, 'bundles');

export interface Bundle {
  name: string;
  file: string;
  bytes: number;
  metafile: Metafile;
  eventFile: string;
}

/** The esbuild options of ProjectFunction (see the file header); keep them in step with it. */
export async function bundle(name: string, entry: string, folder = bundleFolder): Promise<Omit<Bundle, 'eventFile'>> {
  const outdir = join(folder, name.replace(/\//g, '__'));
  const file = join(outdir, 'index.js');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile: file,
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    absWorkingDir: repoRoot,
    metafile: true,
    logLevel: 'error',
  });
  return { name, file, bytes: statSync(file).size, metafile: result.metafile };
}

/** The package a bundled input belongs to, e.g. `@aws-sdk/client-dynamodb`, or `(project)`. */
function packageOf(input: string): string {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return '(project code)';
  const parts = input.slice(at + 'node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

export function bytesByPackage(metafile: Metafile): Map<string, number> {
  const sums = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      sums.set(name, (sums.get(name) ?? 0) + bytesInOutput);
    }
  }
  return new Map([...sums].sort((a, b) => b[1] - a[1]));
}

/** A first request for each handler that exercises its real path on the demo data. */
export async function eventsFor(): Promise<Map<string, unknown>> {
  const { routes, jobs } = await import('../functions/src/routes');
  const { addDays } = await import('../functions/src/features/canteen/rules/canteen');
  const { businessDate } = await import('../functions/src/platform/clock');
  const today = businessDate();
  const tomorrow = addDays(today, 1);
  const tokens: Record<string, string> = {
    elder: await tokenFor({ userId: 'demo-elder-wang', role: 'elder', communityId: 'demo-comm-xueyuan', centreId: 'demo-centre-xueyuan' }),
    worker: await tokenFor({ userId: 'demo-worker-xueyuan', role: 'worker', communityId: 'demo-comm-xueyuan', centreId: 'demo-centre-xueyuan' }),
    family: await tokenFor({ userId: 'demo-family-wanglei', role: 'family' }),
    // As the sign-in issues it: the demo admin's account is of the demo county.
    admin: await tokenFor({ userId: 'demo-admin', role: 'admin', countyId: 'demo-county' }),
    staff: await tokenFor({ userId: 'demo-staff-zhangli', role: 'staff', centreId: 'demo-centre-xueyuan' }),
    volunteer: await tokenFor({ userId: 'demo-volunteer-huang', role: 'volunteer', communityId: 'demo-comm-xueyuan', centreId: 'demo-centre-xueyuan', countyId: 'demo-county' }),
  };
  const params: Record<string, string> = {
    elderId: 'demo-elder-wang', centreId: 'demo-centre-xueyuan', communityId: 'demo-comm-xueyuan', countyId: 'demo-county', familyId: 'demo-family-chen',
    orderId: '01JBENCHNOSUCHORDER0000000', subscriptionId: '01JBENCHNOSUCHSUBSCRIPTION', date: tomorrow, meal: 'dinner', month: today.slice(0, 7),
    bookingId: '01JBENCHNOSUCHBOOKING00000', serviceId: 'demo-svc-cleaning', userId: 'bench-no-such-staff',
    wishId: '01JBENCHNOSUCHWISH00000000', holderId: 'bench-no-such-holder', itemId: '01JBENCHNOSUCHITEM00000000', redemptionId: '01JBENCHNOSUCHREDEMPTION00',
  };
  // Reads of a booking read the demo's real one (王秀英's cleaning today, 张丽 assigned); changes of a booking
  // get one that does not exist, so no run changes what the next run starts from.
  const paramsOf: Record<string, Record<string, string>> = Object.fromEntries(
    ['care/get-booking', 'care/door-code', 'care/candidates'].map((handler) => [handler, { bookingId: `demo-booking-wang-${today}-0900` }]),
  );
  // Wishes likewise: 王秀英 reads her haircut wish; 黄丽华 claims 李建国's wish from the wall and redeems a bag of
  // noodles (the later runs are answered as replays), and reads her points; changes get a wish that does not exist.
  const { wishesOfElder, storeItemsOf } = await import('../functions/src/features/wishes/data');
  const wishOf = async (elderId: string, title: string) => (await wishesOfElder(elderId)).find((wish) => wish.title === title)!.wishId;
  const noodles = (await storeItemsOf('demo-comm-xueyuan')).find((item) => item.name === '挂面')!.itemId;
  Object.assign(paramsOf, {
    'wishes/get': { wishId: await wishOf('demo-elder-wang', '想请人上门理个发') },
    'wishes/claim': { wishId: await wishOf('demo-elder-li', '想有人陪我去医院复查') },
    'points/get': { holderId: 'demo-volunteer-huang' },
    'points/redeem': { holderId: 'demo-volunteer-huang' },
  });
  const roleOf: Record<string, 'volunteer'> = { 'wishes/wall': 'volunteer', 'points/get': 'volunteer', 'points/redeem': 'volunteer' };
  const { demoWishSettings } = await import('../functions/src/local/demo-wishes');
  const { demoServices } = await import('../functions/src/local/demo-care');
  const { defaultCareSubsidies, DEFAULT_CANCEL_HOURS } = await import('../functions/src/features/care/rules/pricing');
  const { serviceId: _cleaning, ...cleaning } = demoServices.find((one) => one.serviceId === 'demo-svc-cleaning')!;
  const dishes = [{ name: '清蒸鲈鱼', kind: 'meat', tags: ['soft'] }];
  const bodies: Record<string, unknown> = {
    'auth/wechat-login': { code: 'bench-cold-start' },
    'auth/demo-login': { userId: 'demo-elder-wang' },
    'elders/update-contact': { address: '学院路 12 号 3 栋 101' },
    'elders/verify': { birthDate: '1941-05-12', subsidyCategory: 'normal', mobilityLimited: true },
    'bindings/redeem': { code: '000000' },
    'canteen/place-order': { date: tomorrow, meal: 'lunch', fulfilment: 'eat_in', idempotencyKey: 'bench-cold-start-0001' },
    'canteen/set-order-status': { status: 'confirmed' },
    'canteen/subscribe': { meal: 'dinner', fulfilment: 'eat_in', weekdays: [1, 3, 5] },
    'canteen/publish-menu': { dishes, standardPriceFen: 1500, seatCapacity: 50, deliveryCapacity: 15 },
    'canteen/copy-week': { fromWeekStart: today, toWeekStart: addDays(today, 7) },
    'canteen/confirm-all': { date: today, meal: 'lunch' },
    'care/add-service': { ...cleaning, name: '基准测试服务', active: false, idempotencyKey: 'bench-cold-start-0003' },
    'care/update-service': cleaning,
    'care/set-settings': { cancelHoursBefore: DEFAULT_CANCEL_HOURS, subsidies: defaultCareSubsidies },
    'care/book': { serviceId: 'demo-svc-cleaning', date: tomorrow, windowStart: '14:00', address: '学院路 12 号 3 栋 101', idempotencyKey: 'bench-cold-start-0002' },
    'care/assign': { staffId: 'demo-staff-zhangli' },
    'care/reschedule': { date: tomorrow, windowStart: '09:00', reason: '基准测试' },
    'care/reject': { reason: '基准测试' },
    'care/record': { notes: '基准测试', checklistDone: [] },
    'care/rate': { stars: 5, comment: '' },
    'staff/add': { name: '基准测试', phone: '13900000001', staffNumber: 'B900', skills: ['cleaning'], idempotencyKey: 'bench-cold-start-0003' },
    'staff/set-profile': { staffNumber: 'B901', skills: ['cleaning'] },
    'staff/photo-upload': { contentType: 'image/png' },
    'wishes/post': { title: '基准测试心愿', story: '基准测试', category: 'goods', valueFen: 5000, handover: 'centre', idempotencyKey: 'bench-cold-start-0004' },
    'wishes/publish': {},
    'wishes/reject': { reason: '基准测试' },
    'wishes/photo-upload': { contentType: 'image/jpeg' },
    'wishes/deliver': { message: '基准测试' },
    'wishes/thank': { message: '基准测试' },
    'wishes/set-settings': demoWishSettings(today),
    'points/grant': { hours: 1, points: 10, reason: '基准测试', idempotencyKey: 'bench-cold-start-0005' },
    'points/adjust': { points: 5, reason: '基准测试', idempotencyKey: 'bench-cold-start-0006' },
    'points/add-item': { name: '基准测试物品', description: '', pricePoints: 10, active: false, stock: 0, idempotencyKey: 'bench-cold-start-0007' },
    'points/update-item': { name: '基准测试物品', description: '', pricePoints: 10, active: false },
    'points/restock': { count: 1, reason: '基准测试', idempotencyKey: 'bench-cold-start-0008' },
    'points/redeem': { itemId: noodles, idempotencyKey: 'bench-cold-start-0009' },
  };
  const queries: Record<string, Record<string, string>> = {
    'canteen/board': { date: today, meal: 'lunch' },
    'care/centre-bookings': { from: today },
    'wishes/wall': { communityId: 'demo-comm-xueyuan' },
  };
  const events = new Map<string, unknown>();
  for (const route of routes) {
    const role = route.roles === 'public' ? undefined : (roleOf[route.handler] ?? (['elder', 'worker', 'family', 'admin', 'staff', 'volunteer'] as const).find((r) => (route.roles as readonly string[]).includes(r)));
    const pathParameters: Record<string, string> = {};
    const rawPath = route.path.replace(/\{(\w+)\}/g, (_, name: string) => (pathParameters[name] = paramsOf[route.handler]?.[name] ?? params[name]));
    const body = bodies[route.handler];
    events.set(route.handler, {
      version: '2.0',
      routeKey: `${route.method} ${route.path}`,
      rawPath,
      rawQueryString: new URLSearchParams(queries[route.handler] ?? {}).toString(),
      headers: { host: 'bench.local', ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      queryStringParameters: queries[route.handler],
      pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
      requestContext: {
        accountId: 'bench', apiId: 'bench', domainName: 'bench.local', domainPrefix: 'bench', requestId: 'bench', routeKey: `${route.method} ${route.path}`, stage: '$default',
        http: { method: route.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' }, time: new Date().toISOString(), timeEpoch: Date.now(),
      },
      body: body ? JSON.stringify(body) : undefined,
      isBase64Encoded: false,
    });
  }
  // The job runs for a day far ahead, so it finds no standing orders to place and changes nothing.
  for (const job of jobs) events.set(job.handler, { date: addDays(today, 300) });
  for (const [handler, event] of await consumerEvents(today)) events.set(handler, event);
  return events;
}

/**
 * A first stream batch for the consumers measured: one record, with the same event id in every run, so the
 * first run does the work and later ones find it handled (as a record delivered again).
 */
const consumerFirstRecords: Record<string, string> = {
  'insights-events/figures': 'an order placed at 学院路社区 for tomorrow',
};

async function consumerEvents(today: string): Promise<Map<string, unknown>> {
  const { consumers } = await import('../functions/src/routes');
  const { addDays } = await import('../functions/src/features/canteen/rules/canteen');
  const { Order } = await import('../functions/src/features/canteen/entities');
  const { marshall } = await import('@aws-sdk/util-dynamodb');
  const now = new Date().toISOString();
  const order = Order.put({
    orderId: '01JBENCHCOLDSTARTORDER0000', elderId: 'demo-elder-wang', centreId: 'demo-centre-xueyuan', communityId: 'demo-comm-xueyuan', date: addDays(today, 1), meal: 'lunch',
    fulfilment: 'eat_in', note: '', status: 'placed', standardPriceFen: 1500, priceFen: 1500, subsidyFen: 0, priceRule: 'standard', priceReason: '标准价', elderName: '王秀英',
    elderPhone: '13800000000', elderAddress: '学院路 12 号', dietary: { lowSalt: false, lowSugar: false, softFood: false, allergies: '' }, cutoffAt: now, placedBy: 'demo-elder-wang', placedAt: now, updatedAt: now,
  }).params() as { Item: Record<string, unknown> };
  const records: Record<string, unknown> = {
    'insights-events/figures': {
      eventID: 'bench-cold-start-figures', eventName: 'INSERT', eventSource: 'aws:dynamodb', awsRegion: 'cn-north-1',
      dynamodb: { ApproximateCreationDateTime: Math.floor(Date.now() / 1000), Keys: marshall({ pk: order.Item.pk, sk: order.Item.sk }), NewImage: marshall(order.Item, { removeUndefinedValues: true }), SequenceNumber: '100000000000000000001', StreamViewType: 'NEW_AND_OLD_IMAGES' },
    },
  };
  return new Map(consumers.filter((consumer) => consumer.handler in consumerFirstRecords).map((consumer) => [consumer.handler, { Records: [records[consumer.handler]] }]));
}

export interface Probe {
  totalMs: number;
  loadMs: number;
  firstMs: number;
  /** An HTTP status; for a stream consumer `ok`, or `failed` when it reported the record as a batch-item failure. */
  status?: number | string;
}

export function probe(bundleFile: string, eventFile: string, env: Record<string, string>): Promise<Probe> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve(__dirname, 'cold-start/probe.cjs'), bundleFile, eventFile], {
      env: { PATH: process.env.PATH ?? '', ...env, NODE_OPTIONS: '--enable-source-maps' } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'] as StdioOptions,
    });
    let stderr = '';
    let answer: (Probe & { error?: string }) | undefined;
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('message', (message) => (answer = message as Probe & { error?: string }));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (answer && !answer.error) resolvePromise(answer);
      else reject(new Error(`cold-start probe of ${bundleFile} failed (exit ${code}): ${answer?.error ?? stderr}`));
    });
  });
}

/**
 * Deployed functions serve several routes (`functionGroups` in functions/src/routes.ts, one per feature and
 * grant): those of home and medical services and of micro-wishes are bundled from the same generated entry as the stack's
 * (`groupEntrySource`) and started with the request named here, the one their people make most.
 */
const groupFirstRequests: Record<string, string> = {
  'care-read': 'care/staff-day',
  'care-write-files': 'care/book',
  // Micro-wishes and points: a volunteer opens the wall and claims; the store and a redemption.
  'wishes-read-files': 'wishes/wall',
  'wishes-write-files': 'wishes/claim',
  'wishes-read': 'points/store',
  'wishes-write': 'points/redeem',
  // Supervision: a community worker opens the dashboard.
  'insights-read': 'insights/community-dashboard',
};

async function groupEntries(): Promise<Array<{ name: string; entry: string; firstRequest: string }>> {
  const { functionGroups, groupEntrySource } = await import('../functions/src/routes');
  const folder = join(bundleFolder, 'groups');
  mkdirSync(folder, { recursive: true });
  return functionGroups()
    .filter((group) => group.name in groupFirstRequests)
    .map((group) => {
      const entry = join(folder, `${group.name}.ts`);
      writeFileSync(entry, groupEntrySource(group, relative(folder, join(repoRoot, 'functions/src'))));
      const firstRequest = groupFirstRequests[group.name];
      const route = group.routes.find((r) => r.handler === firstRequest)!;
      return { name: `function ${group.name} (${group.routes.length} routes), first ${route.method} ${route.path}`, entry, firstRequest };
    });
}

export async function coldStart(backend: Backend): Promise<Row[]> {
  const { routes, jobs, consumers, handlerModule } = await import('../functions/src/routes');
  rmSync(bundleFolder, { recursive: true, force: true });
  mkdirSync(bundleFolder, { recursive: true });
  const handlers = [
    ...routes.map((r) => r.handler as string),
    ...jobs.map((j) => j.handler as string),
    ...consumers.filter((c) => c.handler in consumerFirstRecords).map((c) => c.handler),
  ];
  const events = await eventsFor();
  const groups = await groupEntries();
  const bundles: Bundle[] = [];
  const built = await Promise.all([
    bundle('(floor)', resolve(__dirname, 'cold-start/floor-handler.ts')),
    ...handlers.map((h) => bundle(h, join(repoRoot, 'functions/src', `${handlerModule(h)}.ts`))),
    ...groups.map((g) => bundle(g.name, g.entry)),
  ]);
  for (const b of built) {
    const eventFile = join(bundleFolder, `${b.name.replace(/\W+/g, '_')}.event.json`);
    writeFileSync(eventFile, JSON.stringify(events.get(groups.find((g) => g.name === b.name)?.firstRequest ?? b.name) ?? {}));
    bundles.push({ ...b, eventFile });
  }
  log(`cold: ${bundles.length} bundles built; ${RUNS} fresh processes each`);
  const samples = new Map<string, Probe[]>(bundles.map((b) => [b.name, []]));
  // Interleaved runs, so a busy moment on the shared machine falls on every bundle alike.
  for (let run = 0; run < RUNS; run++) {
    for (const b of bundles) samples.get(b.name)!.push(await probe(b.file, b.eventFile, backend.functionEnv));
  }
  const floorBundle = bundles[0];
  const floorMs = median(samples.get(floorBundle.name)!.map((s) => s.totalMs));
  const rows: Row[] = [];
  for (const b of bundles.slice(1)) {
    const runs = samples.get(b.name)!;
    const ms = median(runs.map((s) => s.totalMs));
    const statuses = [...new Set(runs.map((s) => s.status ?? 'ok'))].join('/');
    const r = row({
      group: '2 cold',
      what: b.name in consumerFirstRecords ? `consumer ${b.name}, first ${consumerFirstRecords[b.name]}` : b.name,
      measured: ms,
      floor: floorMs,
      unit: 'ms',
      target: '≤ 1.5× floor',
      met: false,
      note: `bundle ${(b.bytes / 1024).toFixed(0)} KB (floor ${(floorBundle.bytes / 1024).toFixed(0)} KB); load ${median(runs.map((s) => s.loadMs)).toFixed(0)} ms + first answer ${median(runs.map((s) => s.firstMs)).toFixed(0)} ms; status ${statuses}`,
    });
    r.met = r.ratio <= 1.5;
    rows.push(r);
  }
  // Bundle sizes are those of the per-handler bundles, as before the function groups had rows.
  const handlerBundles = bundles.slice(1).filter((b) => !groups.some((g) => g.name === b.name));
  const sizes = handlerBundles.map((b) => b.bytes);
  const largest = handlerBundles.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const byPackage = bytesByPackage(largest.metafile);
  const floorPackages = bytesByPackage(floorBundle.metafile);
  const top = [...byPackage].slice(0, 8).map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)} KB`).join(', ');
  rows.push(
    row({
      group: '2 cold', what: 'bundle size (largest)', measured: largest.bytes, floor: floorBundle.bytes, unit: 'B', target: 'info', met: null,
      note: `${largest.name}; minified output bytes by package: ${top}. Floor: ${[...floorPackages].slice(0, 4).map(([n, v]) => `${n} ${(v / 1024).toFixed(0)} KB`).join(', ')}`,
    }),
    row({ group: '2 cold', what: 'bundle size (median)', measured: median(sizes), floor: floorBundle.bytes, unit: 'B', target: 'info', met: null }),
  );
  writeFileSync(
    join(benchFolder, 'bundle-packages.json'),
    `${JSON.stringify(Object.fromEntries(bundles.map((b) => [b.name, { bytes: b.bytes, byPackage: Object.fromEntries(bytesByPackage(b.metafile)) }])), null, 2)}\n`,
  );
  return rows;
}
