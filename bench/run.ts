import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchFolder, startBackend, type Backend } from './lib/backend';
import { createBenchWorld, type BenchWorld } from './lib/fixtures';
import { formatTable, log, since, type Row } from './lib/report';

/**
 * `npm run bench`: measures the figures of issue 5 and prints one table; writes the same figures to
 * `.bench/results.json`. Never a test: nothing here fails on wall-clock time. Every figure has a floor
 * measured in the same run and is judged by its ratio to that floor.
 *
 * `--only=size,cold,warm,trips,cost,scale,render,traffic,insights,notify` runs some groups (all by default).
 */
const groups = ['size', 'cold', 'warm', 'trips', 'cost', 'scale', 'render', 'traffic', 'insights', 'notify'] as const;
type Group = (typeof groups)[number];

function selected(): Set<Group> {
  const only = process.argv.find((arg) => arg.startsWith('--only='));
  if (!only) return new Set(groups);
  const names = only.slice('--only='.length).split(',');
  for (const name of names) if (!groups.includes(name as Group)) throw new Error(`Unknown group ${name}; one of ${groups.join(', ')}`);
  return new Set(names as Group[]);
}

async function main(): Promise<void> {
  const started = Date.now();
  const wanted = selected();
  mkdirSync(benchFolder, { recursive: true });
  const rows: Row[] = [];
  const failures: string[] = [];
  const attempt = async (name: string, run: () => Promise<Row[]>) => {
    const groupStart = Date.now();
    log(`${name}…`);
    try {
      rows.push(...(await run()));
    } catch (error) {
      // One broken group must not hide the others' figures.
      failures.push(`${name}: ${(error as Error).stack ?? error}`);
      log(`${name} FAILED: ${(error as Error).message}`);
    }
    log(`${name} done in ${since(groupStart)}`);
  };

  // Builds first: they need both cores and nothing else is running yet.
  let h5: import('./miniapp-size').H5Builds | undefined;
  if (wanted.has('size') || wanted.has('render') || wanted.has('trips')) {
    const { miniappSize, prepareH5 } = await import('./miniapp-size');
    if (wanted.has('size')) await attempt('1 mini-program size', miniappSize);
    if (wanted.has('render') || wanted.has('trips')) {
      try {
        h5 = await prepareH5(wanted.has('render'));
      } catch (error) {
        failures.push(`H5 builds: ${(error as Error).stack ?? error}`);
      }
    }
  }

  const needsBackend = ['cold', 'warm', 'trips', 'cost', 'scale', 'render', 'traffic', 'insights', 'notify'].some((g) => wanted.has(g as Group));
  let backend: Backend | undefined;
  let api: { url: string; close(): Promise<void> } | undefined;
  let world: BenchWorld | undefined;
  try {
    if (needsBackend) {
      backend = await startBackend();
      world = await createBenchWorld(200);
      const { startApiServer } = await import('../functions/src/local/api-server');
      api = await startApiServer();
      log(`backend ready (${since(started)})`);
    }
    if (wanted.has('cold')) {
      const { coldStart } = await import('./cold-start');
      await attempt('2 cold start', () => coldStart(backend!));
    }
    if (wanted.has('traffic')) {
      const { traffic } = await import('./traffic');
      await attempt('8 traffic simulation', () => traffic(backend!));
    }
    if (wanted.has('warm')) {
      const { warmLatency } = await import('./warm-latency');
      await attempt('3 warm latency', () => warmLatency(backend!, api!.url, world!));
    }
    if ((wanted.has('trips') || wanted.has('render')) && h5) {
      const browser = await import('./browser-rows');
      if (wanted.has('trips')) await attempt('4 round trips', () => browser.roundTrips(api!.url, h5!));
      if (wanted.has('render')) await attempt('7 first render', () => browser.firstRender(api!.url, h5!));
    }
    if (wanted.has('cost')) {
      const { cost } = await import('./cost');
      await attempt('5 cost', () => cost(backend!, api!.url, world!));
    }
    if (wanted.has('insights')) {
      // Before scale: it writes two synthetic counties of its own and measures their dashboards.
      const { insights } = await import('./insights');
      await attempt('9 insights', () => insights(backend!, api!.url));
    }
    if (wanted.has('notify')) {
      // Before scale too: it runs its own stream runner, fake WeChat and community, and measures a hot route's reads.
      const { notify } = await import('./notify');
      await attempt('10 notify', () => notify(backend!, api!.url, world!));
    }
    if (wanted.has('scale')) {
      // Last: it fills the table with a synthetic county.
      const { scale } = await import('./scale');
      await attempt('6 scale', () => scale(backend!, api!.url));
    }
  } finally {
    await api?.close();
    await backend?.stop();
  }

  const { agent } = await import('./lib/http');
  agent.destroy();
  const table = formatTable(rows);
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.group} ${r.what}: ${r.note}`);
  console.log(`\n${table}\n`);
  if (notes.length) console.log(`Notes:\n${notes.join('\n')}\n`);
  if (failures.length) console.log(`Groups that failed:\n${failures.join('\n')}\n`);
  const results = {
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: {
      cpuCount: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryMB: Math.round(totalmem() / 1024 / 1024),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    groups: [...wanted],
    rows,
    failures,
  };
  const file = join(benchFolder, 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`${rows.length} figures, ${rows.filter((r) => r.met === false).length} below target, written to .bench/results.json in ${since(started)}`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
