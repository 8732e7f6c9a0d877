import { generateKeyPairSync } from 'node:crypto';
import { resolve } from 'node:path';
import type { Role } from '../../functions/src/routes';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../local/dynamodb';

/**
 * The backend every server-side row shares: one in-memory DynamoDB Local, the project's table with the
 * demo data (same bootstrap as `npm start`), and the functions loaded in this process with the same
 * environment the local stack gives them. Cold-start children point at the same endpoint and table.
 */
export const repoRoot = resolve(__dirname, '../..');
export const benchFolder = resolve(repoRoot, '.bench');
export const TABLE_NAME = 'yilin-bench';
/** A session-token key pair made for this run: no private key is ever written down. */
const tokenKeys = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

export interface Backend {
  endpoint: string;
  tableName: string;
  /** Variables a function needs to run against this backend (also given to cold-start children). */
  functionEnv: Record<string, string>;
  meter: CapacityMeter;
  stop(): Promise<void>;
}

export interface MeteredCall {
  command: string;
  kind: 'read' | 'write';
  /** Capacity units DynamoDB reported for the call (undefined when it reported none). */
  units?: number;
  ms: number;
}

/**
 * Adds `ReturnConsumedCapacity: 'TOTAL'` to every request of the functions' DynamoDB client (the
 * document client shares its middleware stack) and records what each call reports.
 */
export interface CapacityMeter {
  enabled: boolean;
  calls: MeteredCall[];
  reset(): void;
}

const writeCommands = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);

function sumUnits(consumed: unknown): number | undefined {
  const list = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as Array<{ CapacityUnits?: number }>;
  if (list.length === 0) return undefined;
  return list.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
}

export async function startBackend(): Promise<Backend> {
  const dynamodb: DynamoDbLocal = await startDynamoDbLocal();
  const functionEnv = {
    STAGE: 'local',
    TABLE_NAME,
    DYNAMODB_ENDPOINT: dynamodb.endpoint,
    AWS_REGION: 'cn-north-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    TOKEN_PRIVATE_KEY: tokenKeys.privateKey,
    TOKEN_PUBLIC_KEY: tokenKeys.publicKey,
    WECHAT_APPID: 'wx-local-placeholder',
    WECHAT_SECRET: 'local-placeholder-secret',
    WECHAT_API_BASE: 'http://127.0.0.1:9',
    // Bench output is the table; the functions' request logs would drown it.
    LOG_LEVEL: 'SILENT',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  };
  Object.assign(process.env, functionEnv);
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;

  const { dynamoClient } = await import('../../functions/src/store/client');
  const meter: CapacityMeter = {
    enabled: false,
    calls: [],
    reset() {
      this.calls = [];
    },
  };
  dynamoClient.middlewareStack.add(
    (next, context) => async (args) => {
      if (!meter.enabled) return next(args);
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const started = performance.now();
      const result = await next(args);
      const command = String(context.commandName ?? '');
      meter.calls.push({
        command,
        kind: writeCommands.has(command) ? 'write' : 'read',
        units: sumUnits((result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity),
        ms: performance.now() - started,
      });
      return result;
    },
    { step: 'initialize', name: 'benchConsumedCapacity' },
  );

  const { ensureTable, seedDemoData } = await import('../../functions/src/local/bootstrap');
  await ensureTable(TABLE_NAME);
  await seedDemoData();
  return { endpoint: dynamodb.endpoint, tableName: TABLE_NAME, functionEnv, meter, stop: () => dynamodb.stop() };
}

/** A session token as the sign-in would issue it, the user's name included. */
export async function tokenFor(session: { userId: string; role: Role; communityId?: string; centreId?: string; countyId?: string }): Promise<string> {
  const { issueSessionToken } = await import('../../functions/src/platform/session-token');
  const { getUser } = await import('../../functions/src/features/people/data/users');
  const name = (await getUser(session.userId))?.name;
  return (await issueSessionToken({ ...session, name })).token;
}
