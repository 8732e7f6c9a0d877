import type { Backend } from './lib/backend';
import { BENCH_CENTRE, elderIdOf } from './lib/fixtures';
import { tokenFor } from './lib/backend';
import { call } from './lib/http';
import { log, median, row, since, type Row } from './lib/report';

/**
 * Row group 6: the day's board and an elder's order list, measured (capacity units and latency through
 * the API) with the demo and bench data only, then again after writing a synthetic county of 1,000
 * centres and up to 100,000 elders, each elder with an order for the same meal at their own centre. Keys
 * that partition by centre and by elder keep both figures flat: the ratio should be about 1.
 * Writing is bounded in time; the number of elders actually written is reported.
 */
const CENTRES = 1000;
const TARGET_ELDERS = 100_000;
// 100,000 elders with an order each take about 80 s on DynamoDB Local on 2 cores; the bound keeps a slow machine from running on.
const WRITE_BUDGET_MS = 120_000;
const CHUNK = 1000;
const SAMPLES = 30;

interface Figures {
  p50: number;
  read: number;
}

async function measure(backend: Backend, run: () => Promise<void>): Promise<Figures> {
  for (let i = 0; i < 5; i++) await run();
  const times: number[] = [];
  const units: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    backend.meter.reset();
    backend.meter.enabled = true;
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
    backend.meter.enabled = false;
    units.push(backend.meter.calls.reduce((sum, c) => sum + (c.units ?? 0), 0));
  }
  return { p50: median(times), read: median(units) };
}

export async function scale(backend: Backend, apiUrl: string): Promise<Row[]> {
  const { Centre, Elder } = await import('../functions/src/features/people/entities');
  const { Order } = await import('../functions/src/features/canteen/entities');
  const { addDays } = await import('../functions/src/features/canteen/rules/canteen');
  const { businessDate } = await import('../functions/src/platform/clock');
  const date = addDays(businessDate(), 1);
  const meal = 'lunch' as const;
  const elderId = elderIdOf(0);
  const worker = await tokenFor({ userId: 'bench-worker', role: 'worker', communityId: 'bench-comm', centreId: BENCH_CENTRE });
  const elder = await tokenFor({ userId: elderId, role: 'elder', communityId: 'bench-comm', centreId: BENCH_CENTRE });
  const expectOk = async (path: string, token: string) => {
    const answer = await call(apiUrl, 'GET', path, token);
    if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
  };
  const board = () => expectOk(`/centres/${BENCH_CENTRE}/board?date=${date}&meal=${meal}`, worker);
  const list = () => expectOk(`/elders/${elderId}/orders?limit=20`, elder);

  const before = { board: await measure(backend, board), list: await measure(backend, list) };

  const started = Date.now();
  const now = new Date().toISOString();
  await Centre.put(Array.from({ length: CENTRES }, (_, i) => ({ centreId: `scale-centre-${i}`, countyId: 'scale-county', name: `合成服务中心${i}` }))).go({ concurrency: 4 });
  let written = 0;
  while (written < TARGET_ELDERS && Date.now() - started < WRITE_BUDGET_MS) {
    const ids = Array.from({ length: CHUNK }, (_, i) => written + i);
    const centreOf = (i: number) => `scale-centre-${i % CENTRES}`;
    await Elder.put(
      ids.map((i) => ({
        elderId: `scale-elder-${i}`, name: `合成长辈${i}`, birthDate: '1945-01-01', phone: '13800000000', address: `合成路 ${i} 号`,
        communityId: `scale-comm-${i % CENTRES}`, centreId: centreOf(i), subsidyCategoryRequested: 'normal' as const, mobilityLimited: false,
        dietary: { lowSalt: false, lowSugar: false, softFood: false, allergies: '' }, emergencyContacts: [], createdAt: now, updatedAt: now,
      })),
    ).go({ concurrency: 8 });
    await Order.put(
      ids.map((i) => ({
        orderId: `scale-order-${String(i).padStart(6, '0')}`, elderId: `scale-elder-${i}`, centreId: centreOf(i), communityId: `scale-comm-${i % CENTRES}`,
        date, meal, fulfilment: 'eat_in' as const, note: '', status: 'placed' as const, standardPriceFen: 1500, priceFen: 1500, subsidyFen: 0,
        priceRule: 'standard' as const, priceReason: '标准价', elderName: `合成长辈${i}`, elderPhone: '13800000000', elderAddress: `合成路 ${i} 号`,
        dietary: { lowSalt: false, lowSugar: false, softFood: false, allergies: '' }, cutoffAt: now, placedBy: `scale-elder-${i}`, placedAt: now, updatedAt: now,
      })),
    ).go({ concurrency: 8 });
    written += CHUNK;
  }
  const seconds = (Date.now() - started) / 1000;
  const perSecond = Math.round((written * 2) / seconds);
  log(`scale: ${CENTRES} centres, ${written} elders + ${written} orders written in ${since(started)} (${perSecond} items/s)`);
  const label = written >= TARGET_ELDERS ? `${CENTRES} centres, ${written} elders` : `${CENTRES} centres, ${written} elders (scaled down from ${TARGET_ELDERS}: ${seconds.toFixed(0)} s budget, ${perSecond} items/s on DynamoDB Local; 100,000 would take ≈ ${Math.round((TARGET_ELDERS * 2) / perSecond)} s)`;

  const after = { board: await measure(backend, board), list: await measure(backend, list) };
  const rows: Row[] = [];
  for (const [key, name] of [['board', "day's board (GET /centres/{id}/board)"], ['list', "elder's order list (GET /elders/{id}/orders)"]] as const) {
    const b = before[key];
    const a = after[key];
    const units = row({ group: '6 scale', what: `${name}: read units`, measured: a.read, floor: b.read, unit: 'RRU', target: '≈ 1× (≤ 1.1×)', met: false, note: `after: ${label}` });
    units.met = units.ratio <= 1.1;
    const latency = row({ group: '6 scale', what: `${name}: p50`, measured: a.p50, floor: b.p50, unit: 'ms', target: '≈ 1× (≤ 1.3×)', met: false, note: `${SAMPLES} sequential requests before and after` });
    latency.met = latency.ratio <= 1.3;
    rows.push(units, latency);
  }
  return rows;
}
