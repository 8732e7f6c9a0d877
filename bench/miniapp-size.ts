import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { benchFolder, repoRoot } from './lib/backend';
import { log, row, since, type Row } from './lib/report';

/**
 * Row group 1: the mini-program's weapp package sizes against WeChat's limits and against the framework
 * floor: an empty Taro React app (one page with one View) generated under .bench/floor-miniapp/ with a
 * copy of miniapp/config, babel and tsconfig, resolving the same node_modules, built in the same run.
 * The real project is never edited. The same floor app's H5 build is the floor of the first-render rows.
 */
const miniapp = join(repoRoot, 'miniapp');
const floorApp = join(benchFolder, 'floor-miniapp');
const MB = 1024 * 1024;

export interface H5Builds {
  /** The project's H5 build (miniapp/dist/h5), current with its sources. */
  app: string;
  /** The empty app's H5 build, when first render is measured. */
  floor?: string;
}

function run(cwd: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(repoRoot, 'node_modules/.bin/taro'), args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`taro ${args.join(' ')} in ${relative(repoRoot, cwd)} failed (${code}):\n${output}`))));
  });
}

/** Writes the empty app: same config, babel and tsconfig as miniapp/, one page that renders one View. */
function writeFloorApp(): void {
  rmSync(join(floorApp, 'src'), { recursive: true, force: true });
  mkdirSync(join(floorApp, 'src/pages/index'), { recursive: true });
  mkdirSync(join(floorApp, 'config'), { recursive: true });
  for (const file of readdirSync(join(miniapp, 'config'))) copyFileSync(join(miniapp, 'config', file), join(floorApp, 'config', file));
  for (const file of ['babel.config.js', 'package.json']) copyFileSync(join(miniapp, file), join(floorApp, file));
  const tsconfig = JSON.parse(readFileSync(join(miniapp, 'tsconfig.json'), 'utf8'));
  tsconfig.compilerOptions.types = ['node'];
  tsconfig.include = ['./src', './config'];
  writeFileSync(join(floorApp, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  writeFileSync(join(floorApp, 'src/app.config.ts'), "export default defineAppConfig({ pages: ['pages/index/index'] })\n");
  writeFileSync(join(floorApp, 'src/app.tsx'), "import type { PropsWithChildren } from 'react'\n\nexport default function App({ children }: PropsWithChildren) {\n  return children\n}\n");
  writeFileSync(join(floorApp, 'src/index.html'), readFileSync(join(miniapp, 'src/index.html')));
  writeFileSync(join(floorApp, 'src/pages/index/index.config.ts'), "export default definePageConfig({ navigationBarTitleText: 'floor' })\n");
  writeFileSync(join(floorApp, 'src/pages/index/index.tsx'), "import { View } from '@tarojs/components'\n\nexport default function Index() {\n  return <View className='floor' data-testid='floor-ready'>floor</View>\n}\n");
}

/** Bytes of every file under a folder, except licence notes the upload drops as unreferenced files. */
function folderBytes(folder: string, skip: Set<string> = new Set()): number {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (skip.has(path)) continue;
    if (entry.isDirectory()) total += folderBytes(path, skip);
    else if (!entry.name.endsWith('.LICENSE.txt')) total += statSync(path).size;
  }
  return total;
}

function packageSizes(dist: string): { main: number; subpackages: Array<{ root: string; bytes: number }> } {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const subpackages = roots.map((root) => ({ root, bytes: folderBytes(join(dist, root)) }));
  return { main: folderBytes(dist, new Set(roots.map((root) => join(dist, root)))), subpackages };
}

export async function miniappSize(): Promise<Row[]> {
  const started = Date.now();
  await run(miniapp, ['build', '--type', 'weapp']);
  log(`size: project weapp built in ${since(started)}`);
  writeFloorApp();
  await run(floorApp, ['build', '--type', 'weapp']);
  log(`size: floor weapp built in ${since(started)}`);
  const real = packageSizes(join(miniapp, 'dist/weapp'));
  const floor = packageSizes(join(floorApp, 'dist/weapp'));
  const main = row({ group: '1 size', what: 'weapp main package', measured: real.main, floor: floor.main, unit: 'B', target: '≤ 1 MB and ≤ 2.5× floor', met: false, note: 'dist bytes without *.LICENSE.txt; WeChat limit 2 MB per package' });
  main.met = real.main <= MB && main.ratio <= 2.5;
  const rows = [main];
  for (const sub of real.subpackages) {
    rows.push(row({ group: '1 size', what: `weapp subpackage ${sub.root}/`, measured: sub.bytes, floor: floor.main, unit: 'B', target: '≤ 1 MB', met: sub.bytes <= MB, note: 'floor column: the empty app\'s main package, for scale' }));
  }
  const total = real.main + real.subpackages.reduce((sum, s) => sum + s.bytes, 0);
  rows.push(row({ group: '1 size', what: 'weapp whole app', measured: total, floor: floor.main, unit: 'B', target: '≤ 20 MB (WeChat)', met: total <= 20 * MB }));
  return rows;
}

function newest(folder: string): number {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** The project's H5 build (rebuilt only when older than its sources, as npm start does) and the floor's. */
export async function prepareH5(withFloor: boolean): Promise<H5Builds> {
  const app = join(miniapp, 'dist/h5');
  const index = join(app, 'index.html');
  const current = existsSync(index) && [join(miniapp, 'src'), join(miniapp, 'config')].every((f) => newest(f) <= statSync(index).mtimeMs);
  if (!current) {
    const started = Date.now();
    await run(miniapp, ['build', '--type', 'h5'], { TARO_ENV: 'h5' });
    log(`H5 built in ${since(started)}`);
  }
  if (!withFloor) return { app };
  // The empty app only changes with the shared config or the installed packages: reuse a current build.
  const floor = join(floorApp, 'dist/h5');
  const floorIndex = join(floor, 'index.html');
  const floorCurrent =
    existsSync(floorIndex) && Math.max(newest(join(miniapp, 'config')), statSync(join(repoRoot, 'package-lock.json')).mtimeMs) <= statSync(floorIndex).mtimeMs;
  if (!floorCurrent) {
    if (!existsSync(join(floorApp, 'src/app.tsx'))) writeFloorApp();
    const started = Date.now();
    await run(floorApp, ['build', '--type', 'h5'], { TARO_ENV: 'h5' });
    log(`floor H5 built in ${since(started)}`);
  }
  return { app, floor };
}
