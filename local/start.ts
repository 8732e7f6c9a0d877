import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { freePort } from './dynamodb';
import { h5BuildFolder, repoRoot, startLocalStack, type LocalStack } from './stack';

/**
 * `npm start`: the whole app on this machine, data kept in `.local-data/` between runs.
 * Ctrl-C stops everything it started, DynamoDB Local included.
 */

const dataFolder = resolve(repoRoot, '.local-data/dynamodb');
const miniappSources = [resolve(repoRoot, 'miniapp/src'), resolve(repoRoot, 'miniapp/config')];

class StartError extends Error {}

function requireJava(): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const major = Number(/version "(\d+)(?:\.(\d+))?/.exec(`${java.stderr}${java.stdout}`)?.[1] ?? 0);
  // DynamoDB Local is launched from a .java source file, which needs the compiler that only a JDK has.
  const javac = spawnSync('javac', ['-version'], { encoding: 'utf8' });
  if (java.error || major < 17 || javac.error || javac.status !== 0) {
    const found = java.error ? '未找到 java / java not found' : `java ${major || '?'}${javac.error ? '，未找到 javac / javac not found' : ''}`;
    throw new StartError(
      [
        `本地数据库 DynamoDB Local 需要 Java 17 或更高版本的 JDK（含 javac）。当前：${found}`,
        'DynamoDB Local needs a Java 17+ JDK (with javac). Install one, then run npm start again:',
        '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jdk-headless',
        '  macOS:         brew install openjdk@17',
      ].join('\n'),
    );
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const probe = createServer();
    probe.once('error', () => answer(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => answer(true)));
  });
}

/**
 * A port named in the environment must be free. Otherwise the default is used, and when it is taken an
 * internal service moves to a free port, while the web port (the address a person opens) stops the start.
 */
async function choosePort(variable: string, defaultPort: number, movable: boolean): Promise<number> {
  const requested = process.env[variable];
  if (requested) {
    const port = Number(requested);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartError(`${variable}=${requested} 不是有效端口 / is not a valid port`);
    if (!(await isPortFree(port))) throw new StartError(`端口 ${port}（${variable}）已被占用 / port ${port} from ${variable} is in use`);
    return port;
  }
  if (await isPortFree(defaultPort)) return defaultPort;
  if (!movable) {
    throw new StartError(
      `端口 ${defaultPort} 已被占用，可能已有一个 npm start 在运行；或用 ${variable}=<端口> 换一个。\n` +
        `Port ${defaultPort} is in use (another npm start?); choose another with ${variable}=<port>.`,
    );
  }
  const port = await freePort();
  console.log(`端口 ${defaultPort} 已被占用，改用 ${port} / port ${defaultPort} in use, using ${port} (${variable})`);
  return port;
}

function newestModification(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function h5BuildIsCurrent(): boolean {
  let builtAt: number;
  try {
    builtAt = statSync(join(h5BuildFolder, 'index.html')).mtimeMs;
  } catch {
    return false;
  }
  return miniappSources.every((folder) => newestModification(folder) <= builtAt);
}

function buildH5(): Promise<void> {
  return new Promise((built, failed) => {
    const build = spawn('npm', ['run', 'build:h5'], { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
    build.once('error', failed);
    build.once('exit', (code) => (code === 0 ? built() : failed(new StartError(`H5 构建失败 / H5 build failed (exit ${code})`))));
  });
}

async function main(): Promise<void> {
  // Read by the signal handlers before it is assigned, so not a const.
  // eslint-disable-next-line prefer-const
  let stack: LocalStack | undefined;
  let stopRequested = false;
  const shutdown = async () => {
    console.log('\n正在停止本地环境… / Stopping the local stack…');
    await stack?.stop();
    console.log('已停止 / Stopped.');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopRequested) return;
      stopRequested = true;
      // While the stack is still starting, it is stopped as soon as it is up (see below).
      if (stack) void shutdown();
    });
  }

  requireJava();
  const webPort = await choosePort('WEB_PORT', 10086, false);
  const apiPort = await choosePort('API_PORT', 3100, true);
  const dynamoPort = await choosePort('DYNAMODB_PORT', 8765, true);

  if (!h5BuildIsCurrent()) {
    console.log('H5 版本缺失或早于 miniapp/src，正在构建… / Building the H5 app (missing or older than its sources)…');
    await buildH5();
  }

  if (stopRequested) process.exit(0);
  const startedAt = Date.now();
  stack = await startLocalStack({ dbPath: dataFolder, dynamoPort, apiPort, webPort });
  if (stopRequested) return shutdown();

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(
    [
      '',
      `颐邻 Yilin 本地环境已就绪（${seconds} 秒）/ local stack ready in ${seconds} s`,
      `  打开 Open:       ${stack.webUrl}`,
      `  接口 API:        ${stack.apiUrl}  (same API under ${stack.webUrl}/api)`,
      `  DynamoDB Local:  ${stack.dynamoEndpoint}  data: ${relative(repoRoot, dataFolder)}`,
      stack.seeded
        ? '  演示数据：已写入 / demo data seeded'
        : '  演示数据：沿用上次保存的数据 / demo data kept from the previous run',
      '按 Ctrl-C 停止 / Press Ctrl-C to stop.',
    ].join('\n'),
  );
}

main().catch((error: Error) => {
  console.error(error instanceof StartError ? error.message : error);
  process.exit(1);
});
