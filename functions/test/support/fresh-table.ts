import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { basename } from 'node:path';
// Integration tests start servers, seed the demo and run races: a slow machine must not turn that into a failure.
jest.setTimeout(120_000);

/**
 * Runs in every integration test file before the file itself. Sets the environment the source reads
 * (the data layer reads the table name and endpoint when first imported, so this must come first) and
 * creates a table of this file's own, so files never see each other's data.
 */
const endpoint = process.env.YILIN_TEST_DYNAMODB_ENDPOINT;
if (!endpoint) throw new Error('YILIN_TEST_DYNAMODB_ENDPOINT is not set: run the integration project through jest, which starts DynamoDB Local');

/** A session-token key pair made for this file: no private key is ever written down. */
const tokenKeys = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

const fileName = basename(expect.getState().testPath ?? 'test', '.test.ts').replace(/[^A-Za-z0-9_.-]/g, '-');

Object.assign(process.env, {
  STAGE: 'local',
  TABLE_NAME: `yilin-test-${fileName}-${randomBytes(4).toString('hex')}`,
  DYNAMODB_ENDPOINT: endpoint,
  AWS_REGION: 'cn-north-1',
  TOKEN_PRIVATE_KEY: tokenKeys.privateKey,
  TOKEN_PUBLIC_KEY: tokenKeys.publicKey,
  WECHAT_APPID: 'wx-test-appid',
  WECHAT_SECRET: 'wechat-test-secret',
  // Nothing listens here; files that sign in with WeChat start the fake and point this at it.
  WECHAT_API_BASE: 'http://127.0.0.1:9',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'SILENT',
  // Lambda runs Node 22; the SDK's notice about running tests on Node 20 is noise here.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_METRICS_DISABLED: 'true',
});

beforeAll(async () => {
  // Required here, not imported at the top, so that the environment above is in place first.
  const { ensureTable } = require('../../src/local/bootstrap') as typeof import('../../src/local/bootstrap');
  // Only files marked @dynamodb-streams run consumers, on an emulator of their own (dynamodb-environment.ts).
  await ensureTable(undefined, { stream: process.env.YILIN_TEST_STREAMS === 'true' });
});

afterEach(() => {
  const { resetClock } = require('../../src/platform/clock') as typeof import('../../src/platform/clock');
  resetClock();
});

afterAll(async () => {
  const { dynamoClient } = require('../../src/store/client') as typeof import('../../src/store/client');
  const { DeleteTableCommand } = require('@aws-sdk/client-dynamodb') as typeof import('@aws-sdk/client-dynamodb');
  await dynamoClient.send(new DeleteTableCommand({ TableName: process.env.TABLE_NAME }));
  dynamoClient.destroy();
});
