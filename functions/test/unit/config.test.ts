import { generateKeyPairSync } from 'node:crypto';
import { config } from '../../src/platform/config';
import { issueSessionToken } from '../../src/platform/session-token';

// The demo accounts live in the auth service, which loads the data layer: its SDK client would warn about Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
let demoAccounts: typeof import('../../src/features/people/auth').demoAccounts;
beforeAll(async () => {
  ({ demoAccounts } = await import('../../src/features/people/auth'));
});

const tokenKeys = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const original = { STAGE: process.env.STAGE, TOKEN_PRIVATE_KEY: process.env.TOKEN_PRIVATE_KEY, TOKEN_PUBLIC_KEY: process.env.TOKEN_PUBLIC_KEY };

beforeEach(() => {
  process.env.TOKEN_PRIVATE_KEY = tokenKeys.privateKey;
  process.env.TOKEN_PUBLIC_KEY = tokenKeys.publicKey;
});
afterEach(() => {
  for (const [name, value] of Object.entries(original)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('the stage has no default: an unset STAGE fails instead of meaning local', () => {
  test.each([
    ['unset', undefined],
    ['empty', ''],
    ['blank', '   '],
  ])('a STAGE that is %s throws a clear error', (_name, value) => {
    if (value === undefined) delete process.env.STAGE;
    else process.env.STAGE = value;
    expect(() => config.stage).toThrow(/STAGE is not set/);
    expect(() => config.isLocal).toThrow(/STAGE is not set/);
  });

  test('without STAGE the demo sign-in is not offered: the demo accounts are refused', async () => {
    delete process.env.STAGE;
    await expect(demoAccounts()).rejects.toThrow(/STAGE is not set/);
  });

  test('without STAGE no session token is issued (its audience names the stage)', async () => {
    delete process.env.STAGE;
    await expect(issueSessionToken({ userId: 'worker-1', role: 'worker' })).rejects.toThrow(/STAGE is not set/);
  });

  test('a named stage is taken as given, and only `local` is local (the demo accounts are refused on every other)', async () => {
    process.env.STAGE = 'local';
    expect(config.stage).toBe('local');
    expect(config.isLocal).toBe(true);

    for (const stage of ['dev', 'prod', 'staging']) {
      process.env.STAGE = stage;
      expect(config.stage).toBe(stage);
      expect(config.isLocal).toBe(false);
      await expect(demoAccounts()).rejects.toThrow(expect.objectContaining({ statusCode: 404, code: 'ROUTE_NOT_FOUND' }));
    }
  });
});
