import { SignJWT } from 'jose';
import { resetClock, setClock } from '../../src/platform/clock';
import { AppError } from '../../src/platform/errors';
import { SESSION_TTL_SECONDS, issueSessionToken, verifySessionToken, type Session } from '../../src/platform/session-token';

const SECRET = 'unit-test-token-secret-0123456789abcdef';
const worker: Session = { userId: 'worker-1', role: 'worker', communityId: 'comm-xueyuan', centreId: 'centre-xueyuan' };

beforeEach(() => {
  process.env.TOKEN_SECRET = SECRET;
  process.env.STAGE = 'local';
});
afterEach(() => resetClock());

/** The refusal a token gets, as { status, code }; fails the test if the token is accepted. */
async function refusal(token: string) {
  const error = await verifySessionToken(token).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return { status: (error as AppError).statusCode, code: (error as AppError).code };
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token signed with our key but with claims of the test's choosing. */
function signed(claims: Record<string, unknown>, options: { alg?: string; secret?: string; audience?: string; issuer?: string; subject?: string | null } = {}) {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setIssuer(options.issuer ?? 'yilin')
    .setAudience(options.audience ?? 'yilin:local')
    .setIssuedAt()
    .setExpirationTime('1h');
  if (options.subject !== null) jwt.setSubject(options.subject ?? 'worker-1');
  return jwt.sign(new TextEncoder().encode(options.secret ?? SECRET));
}

describe('session tokens', () => {
  test('a token we issued is accepted and carries the user, role, community and centre', async () => {
    const { token } = await issueSessionToken(worker);
    await expect(verifySessionToken(token)).resolves.toEqual(worker);
  });

  test('a session without community gives back no community', async () => {
    const { token } = await issueSessionToken({ userId: 'family-1', role: 'family' });
    await expect(verifySessionToken(token)).resolves.toEqual({ userId: 'family-1', role: 'family', communityId: undefined, centreId: undefined });
  });

  test('the token expires one hour after issue, and the stated expiry says so', async () => {
    setClock('2026-03-08T01:00:00.000Z');
    const { token, expiresAt } = await issueSessionToken(worker);
    expect(SESSION_TTL_SECONDS).toBe(3600);
    expect(expiresAt).toBe('2026-03-08T02:00:00.000Z');
    setClock('2026-03-08T01:59:59.000Z');
    await expect(verifySessionToken(token)).resolves.toEqual(worker);
    setClock('2026-03-08T02:00:00.000Z');
    expect(await refusal(token)).toEqual({ status: 401, code: 'SESSION_EXPIRED' });
  });

  test('a token signed with another key is refused', async () => {
    const token = await signed({ role: 'admin' }, { secret: 'someone-elses-secret-0123456789abcdef' });
    expect(await refusal(token)).toEqual({ status: 401, code: 'SESSION_INVALID' });
  });

  test('an unsigned token (alg "none") is refused', async () => {
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'admin', role: 'admin', iss: 'yilin', aud: 'yilin:local', exp: 4102444800 })}.`;
    expect(await refusal(token)).toEqual({ status: 401, code: 'SESSION_INVALID' });
  });

  test('a token whose payload was altered after signing is refused', async () => {
    const { token } = await issueSessionToken({ userId: 'family-1', role: 'family' });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = `${header}.${base64url({ ...claims, role: 'admin' })}.${signature}`;
    expect(await refusal(tampered)).toEqual({ status: 401, code: 'SESSION_INVALID' });
  });

  test("a token of another stage is refused: its audience names that stage", async () => {
    process.env.STAGE = 'staging';
    const { token } = await issueSessionToken(worker);
    process.env.STAGE = 'prod';
    expect(await refusal(token)).toEqual({ status: 401, code: 'SESSION_INVALID' });
    process.env.STAGE = 'staging';
    await expect(verifySessionToken(token)).resolves.toEqual(worker);
  });

  test('a token with a foreign issuer is refused', async () => {
    expect(await refusal(await signed({ role: 'worker' }, { issuer: 'someone-else' }))).toEqual({ status: 401, code: 'SESSION_INVALID' });
  });

  test('a token signed with our key but another algorithm is refused', async () => {
    expect(await refusal(await signed({ role: 'worker' }, { alg: 'HS512' }))).toEqual({ status: 401, code: 'SESSION_INVALID' });
  });

  test('a correctly signed token with an unknown role or no subject is refused', async () => {
    expect(await refusal(await signed({ role: 'superuser' }))).toEqual({ status: 401, code: 'SESSION_INVALID' });
    expect(await refusal(await signed({ role: 'worker' }, { subject: null }))).toEqual({ status: 401, code: 'SESSION_INVALID' });
  });

  test('the claims we check are really checked: the same helper with good claims is accepted', async () => {
    await expect(verifySessionToken(await signed({ role: 'worker', cid: 'comm-xueyuan' }))).resolves.toEqual({
      userId: 'worker-1',
      role: 'worker',
      communityId: 'comm-xueyuan',
      centreId: undefined,
      countyId: undefined,
    });
  });

  test('a correctly signed token without an expiry, or without an issue time, is refused', async () => {
    const key = new TextEncoder().encode(SECRET);
    const base = () => new SignJWT({ role: 'worker' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('yilin').setAudience('yilin:local').setSubject('worker-1');
    expect(await refusal(await base().setIssuedAt().sign(key))).toEqual({ status: 401, code: 'SESSION_INVALID' });
    expect(await refusal(await base().setExpirationTime('30m').sign(key))).toEqual({ status: 401, code: 'SESSION_INVALID' });
  });

  test('a correctly signed token that lives longer than the server issues is refused, even while it is fresh', async () => {
    const key = new TextEncoder().encode(SECRET);
    const now = Math.floor(Date.now() / 1000);
    const lasting = (seconds: number) =>
      new SignJWT({ role: 'worker' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('yilin').setAudience('yilin:local').setSubject('worker-1')
        .setIssuedAt(now).setExpirationTime(now + seconds).sign(key);
    await expect(verifySessionToken(await lasting(SESSION_TTL_SECONDS))).resolves.toMatchObject({ userId: 'worker-1' });
    expect(await refusal(await lasting(SESSION_TTL_SECONDS + 1))).toEqual({ status: 401, code: 'SESSION_INVALID' });
    expect(await refusal(await lasting(365 * 24 * 60 * 60))).toEqual({ status: 401, code: 'SESSION_INVALID' });
  });

  test('a token issued in the future is refused', async () => {
    const key = new TextEncoder().encode(SECRET);
    const later = Math.floor(Date.now() / 1000) + 3600;
    const token = await new SignJWT({ role: 'worker' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('yilin').setAudience('yilin:local').setSubject('worker-1')
      .setIssuedAt(later).setExpirationTime(later + 600).sign(key);
    expect(await refusal(token)).toEqual({ status: 401, code: 'SESSION_INVALID' });
  });

  test("an admin's token carries the county", async () => {
    const { token } = await issueSessionToken({ userId: 'admin-1', role: 'admin', countyId: 'county-1' });
    await expect(verifySessionToken(token)).resolves.toMatchObject({ role: 'admin', countyId: 'county-1' });
  });

  test('garbage is refused as invalid, not as an internal error', async () => {
    for (const token of ['', 'not-a-token', 'a.b.c', `${base64url({ alg: 'HS256' })}..`]) {
      expect(await refusal(token)).toEqual({ status: 401, code: 'SESSION_INVALID' });
    }
  });

  test('a new secret invalidates tokens signed with the old one', async () => {
    const { token } = await issueSessionToken(worker);
    process.env.TOKEN_SECRET = 'rotated-secret-0123456789abcdef0123';
    expect(await refusal(token)).toEqual({ status: 401, code: 'SESSION_INVALID' });
  });
});
