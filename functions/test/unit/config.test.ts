import { config } from '../../src/platform/config';
import { issueSessionToken } from '../../src/platform/session-token';

// The demo accounts live in the auth service, which loads the data layer: its SDK client would warn about Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
let demoAccounts: typeof import('../../src/features/people/auth').demoAccounts;
beforeAll(async () => {
  ({ demoAccounts } = await import('../../src/features/people/auth'));
});

const originalStage = process.env.STAGE;
const originalTokenSecret = process.env.TOKEN_SECRET;

beforeEach(() => {
  process.env.TOKEN_SECRET = 'unit-test-token-secret-0123456789abcdef';
});
afterEach(() => {
  if (originalStage === undefined) delete process.env.STAGE;
  else process.env.STAGE = originalStage;
  if (originalTokenSecret === undefined) delete process.env.TOKEN_SECRET;
  else process.env.TOKEN_SECRET = originalTokenSecret;
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

  test('without STAGE the demo sign-in is not offered: the demo accounts are refused', () => {
    delete process.env.STAGE;
    expect(() => demoAccounts()).toThrow(/STAGE is not set/);
  });

  test('without STAGE no session token is issued (its audience names the stage)', async () => {
    delete process.env.STAGE;
    await expect(issueSessionToken({ userId: 'worker-1', role: 'worker' })).rejects.toThrow(/STAGE is not set/);
  });

  test('a named stage is taken as given, and only `local` is local', () => {
    process.env.STAGE = 'local';
    expect(config.stage).toBe('local');
    expect(config.isLocal).toBe(true);
    expect(demoAccounts().accounts.length).toBeGreaterThan(0);

    for (const stage of ['dev', 'prod', 'staging']) {
      process.env.STAGE = stage;
      expect(config.stage).toBe(stage);
      expect(config.isLocal).toBe(false);
      expect(() => demoAccounts()).toThrow(expect.objectContaining({ statusCode: 404, code: 'ROUTE_NOT_FOUND' }));
    }
  });
});
