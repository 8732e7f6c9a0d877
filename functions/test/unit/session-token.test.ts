import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, jwtVerify } from 'jose';
import { resetClock, setClock } from '../../src/platform/clock';
import { AppError } from '../../src/platform/errors';
import { SESSION_TTL_SECONDS, issueSessionToken, verifySessionToken, type Session } from '../../src/platform/session-token';

/** A fresh EC P-256 pair, as PEM text (what the environment carries) and as key objects (for hand-made tokens). */
function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKey,
    publicKey,
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

const ours = keyPair();
const theirs = keyPair();
const worker: Session = { userId: 'worker-1', role: 'worker', communityId: 'comm-xueyuan', centreId: 'centre-xueyuan' };

beforeEach(() => {
  process.env.TOKEN_PRIVATE_KEY = ours.privatePem;
  process.env.TOKEN_PUBLIC_KEY = ours.publicPem;
  delete process.env.TOKEN_PRIVATE_KEY_ARN;
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

/** A token signed with our private key (or the given one) but with claims of the test's choosing. */
function signed(claims: Record<string, unknown>, options: { key?: KeyObject; audience?: string; issuer?: string; subject?: string | null } = {}) {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(options.issuer ?? 'yilin')
    .setAudience(options.audience ?? 'yilin:local')
    .setIssuedAt()
    .setExpirationTime('1h');
  if (options.subject !== null) jwt.setSubject(options.subject ?? 'worker-1');
  return jwt.sign(options.key ?? ours.privateKey);
}

/** Our claims without expiry or issue time: each test adds the times it is about. */
const untimed = () => new SignJWT({ role: 'worker' }).setProtectedHeader({ alg: 'ES256' }).setIssuer('yilin').setAudience('yilin:local').setSubject('worker-1');

describe('session tokens', () => {
  test('a token we issued is accepted and carries the user, role, community and centre', async () => {
    const { token } = await issueSessionToken(worker);
    await expect(verifySessionToken(token)).resolves.toMatchObject(worker);
  });

  test('tokens are ES256: anyone with the public key alone can check them', async () => {
    const { token } = await issueSessionToken(worker);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', typ: 'JWT' });
    await expect(jwtVerify(token, ours.publicKey, { algorithms: ['ES256'] })).resolves.toBeDefined();
  });

  test('a session without community gives back no community', async () => {
    const { token } = await issueSessionToken({ userId: 'family-1', role: 'family' });
    await expect(verifySessionToken(token)).resolves.toMatchObject({ userId: 'family-1', role: 'family', communityId: undefined, centreId: undefined });
  });

  test('the token expires one hour after issue, and the stated expiry says so', async () => {
    setClock('2026-03-08T01:00:00.000Z');
    const { token, expiresAt } = await issueSessionToken(worker);
    expect(SESSION_TTL_SECONDS).toBe(3600);
    expect(expiresAt).toBe('2026-03-08T02:00:00.000Z');
    setClock('2026-03-08T01:59:59.000Z');
    await expect(verifySessionToken(token)).resolves.toMatchObject(worker);
    setClock('2026-03-08T02:00:00.000Z');
    expect(await refusal(token)).toEqual({ status: 401, code: 'SESSION_EXPIRED' });
  });

  test('a verified session says when its token was issued, so a standing read older than the sign-in is read again', async () => {
    setClock('2026-03-08T01:00:00.000Z');
    const { token } = await issueSessionToken(worker);
    setClock('2026-03-08T01:30:00.000Z');
    expect((await verifySessionToken(token)).issuedAt).toBe(Date.parse('2026-03-08T01:00:00.000Z') / 1000);
  });

  test('a token signed with another key pair is refused', async () => {
    const token = await signed({ role: 'admin' }, { key: theirs.privateKey });
    expect(await refusal(token)).toEqual({ status: 401, code: 'SESSION_INVALID' });
  });

  test('an HS256 token keyed with our public key is refused (algorithm confusion)', async () => {
    for (const secret of [ours.publicPem, ours.publicPem.trim(), ours.publicKey.export({ type: 'spki', format: 'der' })]) {
      const token = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('yilin').setAudience('yilin:local')
        .setSubject('admin-1').setIssuedAt().setExpirationTime('1h').sign(typeof secret === 'string' ? new TextEncoder().encode(secret) : secret);
      expect(await refusal(token)).toEqual({ status: 401, code: 'SESSION_INVALID' });
    }
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
    await expect(verifySessionToken(token)).resolves.toMatchObject(worker);
  });

  test('a token with a foreign issuer is refused', async () => {
    expect(await refusal(await signed({ role: 'worker' }, { issuer: 'someone-else' }))).toEqual({ status: 401, code: 'SESSION_INVALID' });
  });

  test('a correctly signed token with an unknown role or no subject is refused', async () => {
    expect(await refusal(await signed({ role: 'superuser' }))).toEqual({ status: 401, code: 'SESSION_INVALID' });
    expect(await refusal(await signed({ role: 'worker' }, { subject: null }))).toEqual({ status: 401, code: 'SESSION_INVALID' });
  });

  test('the claims we check are really checked: the same helper with good claims is accepted', async () => {
    await expect(verifySessionToken(await signed({ role: 'worker', cid: 'comm-xueyuan' }))).resolves.toMatchObject({
      userId: 'worker-1',
      role: 'worker',
      communityId: 'comm-xueyuan',
      centreId: undefined,
      countyId: undefined,
    });
  });

  test('a correctly signed token without an expiry, or without an issue time, is refused', async () => {
    expect(await refusal(await untimed().setIssuedAt().sign(ours.privateKey))).toEqual({ status: 401, code: 'SESSION_INVALID' });
    expect(await refusal(await untimed().setExpirationTime('30m').sign(ours.privateKey))).toEqual({ status: 401, code: 'SESSION_INVALID' });
  });

  test('a correctly signed token that lives longer than the server issues is refused, even while it is fresh', async () => {
    const now = Math.floor(Date.now() / 1000);
    const lasting = (seconds: number) => untimed().setIssuedAt(now).setExpirationTime(now + seconds).sign(ours.privateKey);
    await expect(verifySessionToken(await lasting(SESSION_TTL_SECONDS))).resolves.toMatchObject({ userId: 'worker-1' });
    expect(await refusal(await lasting(SESSION_TTL_SECONDS + 1))).toEqual({ status: 401, code: 'SESSION_INVALID' });
    expect(await refusal(await lasting(365 * 24 * 60 * 60))).toEqual({ status: 401, code: 'SESSION_INVALID' });
  });

  test('a token issued in the future is refused', async () => {
    const later = Math.floor(Date.now() / 1000) + 3600;
    const token = await untimed().setIssuedAt(later).setExpirationTime(later + 600).sign(ours.privateKey);
    expect(await refusal(token)).toEqual({ status: 401, code: 'SESSION_INVALID' });
  });

  test("an admin's token carries the county", async () => {
    const { token } = await issueSessionToken({ userId: 'admin-1', role: 'admin', countyId: 'county-1' });
    await expect(verifySessionToken(token)).resolves.toMatchObject({ role: 'admin', countyId: 'county-1' });
  });

  test('garbage is refused as invalid, not as an internal error', async () => {
    for (const token of ['', 'not-a-token', 'a.b.c', `${base64url({ alg: 'ES256' })}..`]) {
      expect(await refusal(token)).toEqual({ status: 401, code: 'SESSION_INVALID' });
    }
  });

  test('a new key pair invalidates tokens signed with the old one', async () => {
    const { token } = await issueSessionToken(worker);
    process.env.TOKEN_PRIVATE_KEY = theirs.privatePem;
    process.env.TOKEN_PUBLIC_KEY = theirs.publicPem;
    expect(await refusal(token)).toEqual({ status: 401, code: 'SESSION_INVALID' });
    await expect(verifySessionToken((await issueSessionToken(worker)).token)).resolves.toMatchObject(worker);
  });
});

describe('who holds which key', () => {
  test('a verifying-only function, without the private key, verifies tokens but cannot issue one', async () => {
    const { token } = await issueSessionToken(worker);
    delete process.env.TOKEN_PRIVATE_KEY;
    await expect(verifySessionToken(token)).resolves.toMatchObject(worker);
    await expect(issueSessionToken(worker)).rejects.toThrow(/Neither TOKEN_PRIVATE_KEY nor TOKEN_PRIVATE_KEY_ARN is set/);
  });

  test('a function without the public key fails as misconfigured, not as a bad token', async () => {
    const { token } = await issueSessionToken(worker);
    delete process.env.TOKEN_PUBLIC_KEY;
    const error = await verifySessionToken(token).catch((caught: unknown) => caught);
    expect(error).not.toBeInstanceOf(AppError);
    expect(error).toEqual(expect.objectContaining({ message: expect.stringMatching(/TOKEN_PUBLIC_KEY is not set/) }));
  });

  test('a private key that does not match the public key issues nothing: its tokens would be refused everywhere', async () => {
    process.env.TOKEN_PRIVATE_KEY = theirs.privatePem;
    await expect(issueSessionToken(worker)).rejects.toThrow(/does not match TOKEN_PUBLIC_KEY/);
  });

  test('the private key may be SEC1 PEM, as `openssl ecparam -genkey` writes it', async () => {
    process.env.TOKEN_PRIVATE_KEY = ours.privateKey.export({ type: 'sec1', format: 'pem' }).toString();
    await expect(verifySessionToken((await issueSessionToken(worker)).token)).resolves.toMatchObject(worker);
  });
});
