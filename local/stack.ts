import { generateKeyPairSync } from 'node:crypto';
import { resolve } from 'node:path';
import { freePort, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb';
import { startWebServer, type WebServer } from './static-server';

/**
 * The whole app on one machine: DynamoDB Local, the table and demo data, the API server serving the
 * route table, and the H5 build with `/api` proxied to that API. `npm start`, the browser tests and
 * the screenshot script all start it through here, so they run the same stack.
 */
export interface LocalStack {
  dynamoEndpoint: string;
  apiUrl: string;
  /** The address a person opens: the H5 app, with the API under `/api`. */
  webUrl: string;
  /** False when the table already held demo data (a kept database). */
  seeded: boolean;
  stop(): Promise<void>;
}

export interface LocalStackOptions {
  /** Folder that keeps the database between runs; in memory when omitted. */
  dbPath?: string;
  dynamoPort?: number;
  apiPort?: number;
  webPort?: number;
  /** @default yilin-local */
  tableName?: string;
}

export const repoRoot = resolve(__dirname, '..');
export const h5BuildFolder = resolve(repoRoot, 'miniapp/dist/h5');

/**
 * The session-token key pair: made afresh at each start, so no private key is ever written down (sessions
 * of an earlier run are signed out). A caller may pass its own pair in the environment instead.
 */
function sessionTokenKeys(): { TOKEN_PRIVATE_KEY: string; TOKEN_PUBLIC_KEY: string } {
  const { TOKEN_PRIVATE_KEY, TOKEN_PUBLIC_KEY } = process.env;
  if (TOKEN_PRIVATE_KEY && TOKEN_PUBLIC_KEY) return { TOKEN_PRIVATE_KEY, TOKEN_PUBLIC_KEY };
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { TOKEN_PRIVATE_KEY: privateKey, TOKEN_PUBLIC_KEY: publicKey };
}

/**
 * The functions read their configuration when their modules load, so this runs before they are imported.
 * Credentials are fixed dummies: a local stack must never reach a real AWS account from the caller's shell.
 */
function configureFunctionsEnvironment(dynamoEndpoint: string, tableName: string): void {
  Object.assign(process.env, {
    STAGE: 'local',
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    AWS_REGION: 'cn-north-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    ...sessionTokenKeys(),
    // Sign-in goes through the local demo login; WeChat itself is never called from a local stack.
    WECHAT_APPID: 'wx-local-placeholder',
    WECHAT_SECRET: 'local-placeholder-secret',
    WECHAT_API_BASE: 'http://127.0.0.1:9',
    // Lambda runs Node 22; the SDK's notice about running locally on Node 20 is noise here.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    // CloudWatch metrics are the cloud's; locally they would only fill the terminal.
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    // Reverse start order: the web server stops proxying before the API and database go away.
    for (const stopOne of stops.splice(0).reverse()) {
      await stopOne().catch((error: Error) => console.error(error.message));
    }
  };
  try {
    const dynamodb: DynamoDbLocal = await startDynamoDbLocal({ dbPath: options.dbPath, port: options.dynamoPort });
    stops.push(() => dynamodb.stop());
    configureFunctionsEnvironment(dynamodb.endpoint, options.tableName ?? 'yilin-local');
    const { startFilesServer } = await import('../functions/src/local/files-server');
    const files = await startFilesServer({ directory: options.dbPath ? resolve(options.dbPath, 'files') : undefined });
    stops.push(() => files.stop());
    Object.assign(process.env, { S3_ENDPOINT: files.endpoint, FILES_BUCKET: files.bucket });

    const { ensureTable, seedDemoData } = await import('../functions/src/local/bootstrap');
    const { startApiServer } = await import('../functions/src/local/api-server');
    await ensureTable();
    const { seeded } = await seedDemoData();
    // Half a year of meals and visits for the dashboards: only the running app needs it, not every test that seeds the demo.
    const { ensureDemoHistory } = await import('../functions/src/local/demo-insights');
    await ensureDemoHistory();
    const { ensureDemoNotices } = await import('../functions/src/local/demo-notify');
    await ensureDemoNotices();
    // The consumers read the stream from now on: what the seed wrote is counted into the figures, and its
    // audit events copied into the searchable trails, here.
    const { rebuildFigures } = await import('../functions/src/features/insights/recount');
    const { rebuildAuditTrails } = await import('../functions/src/features/insights/audit-index');
    await rebuildFigures();
    await rebuildAuditTrails();
    // The event consumers of the route table, on DynamoDB Local's stream, as the cloud runs them.
    const { startLocalConsumers } = await import('../functions/src/local/stream-runner');
    const consumers = await startLocalConsumers();
    stops.push(() => consumers.stop());
    // The escalation schedule (every minute in the cloud), so an unanswered call goes up here too.
    const { escalateDueAlerts } = await import('../functions/src/features/notify/escalation');
    const escalation = setInterval(() => void escalateDueAlerts().catch((error: Error) => console.error('紧急求助升级失败 / escalating emergency calls failed:', error.message)), 30_000);
    stops.push(async () => clearInterval(escalation));

    const api = await startApiServer({ port: options.apiPort ?? (await freePort()), host: '127.0.0.1' });
    stops.push(() => api.close());
    const web: WebServer = await startWebServer({ root: h5BuildFolder, apiUrl: api.url, port: options.webPort });
    stops.push(() => web.close());

    return { dynamoEndpoint: dynamodb.endpoint, apiUrl: api.url, webUrl: web.url, seeded, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
