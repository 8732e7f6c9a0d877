import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { config } from './config';
import { clock, epochSeconds } from './clock';
import { unauthorized } from './errors';
import { tokenPrivateKey } from './secrets';
import { roles, type Role } from '../routes';

/**
 * Our own session token (ES256 JWT), issued after sign-in. The role, community and name are
 * carried in the token; for the roles whose place can change, the HTTP chain checks them against the
 * stored account within a minute (features/people/standing.ts), and for the others a change takes
 * effect when the token expires: at most {@link SESSION_TTL_SECONDS} later. The audience names the stage, so a token from one stage is
 * refused by another.
 *
 * Only the functions that sign people in hold the private key (a secret); every other function
 * verifies with the public key, which is plain configuration. `issueSessionToken` is the only user of
 * `./secrets` here, so a bundle that only verifies leaves it, and the Secrets Manager client, out.
 */
export const SESSION_TTL_SECONDS = 60 * 60;
const ISSUER = 'yilin';
/** Clocks of two functions may differ a little; a token issued this far "in the future" is still ours. */
const CLOCK_SKEW_SECONDS = 60;

export interface Session {
  userId: string;
  role: Role;
  communityId?: string;
  centreId?: string;
  /** The county of an admin (and of everyone in a community): an admin acts only inside it. */
  countyId?: string;
  /** Display name for timelines and audit entries, so a write needs no read of the user. */
  name?: string;
  /** Epoch seconds the token was issued at (set on verified sessions). */
  issuedAt?: number;
}

const ALGORITHM = 'ES256';

let verifying: { pem: string; key: KeyObject } | undefined;
function verifyingKey(): KeyObject {
  const pem = config.tokenPublicKey;
  if (verifying?.pem !== pem) verifying = { pem, key: createPublicKey(pem) };
  return verifying.key;
}

const spki = (key: KeyObject) => key.export({ type: 'spki', format: 'der' });

let signing: { pem: string; verifying: KeyObject; key: KeyObject } | undefined;
async function signingKey(): Promise<KeyObject> {
  const pem = await tokenPrivateKey();
  const publicKey = verifyingKey();
  if (signing?.pem !== pem || signing.verifying !== publicKey) {
    const key = createPrivateKey(pem);
    // Tokens signed with a key that does not match the published public key would be refused everywhere.
    if (!spki(createPublicKey(key)).equals(spki(publicKey))) {
      throw new Error('The session-token private key does not match TOKEN_PUBLIC_KEY');
    }
    signing = { pem, verifying: publicKey, key };
  }
  return signing.key;
}

const audience = () => `yilin:${config.stage}`;

export async function issueSessionToken(session: Session): Promise<{ token: string; expiresAt: string }> {
  const issuedAt = epochSeconds(clock.now());
  const expiresAt = issuedAt + SESSION_TTL_SECONDS;
  const token = await new SignJWT({ role: session.role, cid: session.communityId, ctr: session.centreId, cty: session.countyId, name: session.name })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(session.userId)
    .setIssuer(ISSUER)
    .setAudience(audience())
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(await signingKey());
  return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
}

const invalidToken = () => unauthorized('SESSION_INVALID', '登录状态无效，请重新登录。');

export async function verifySessionToken(token: string): Promise<Session> {
  // Outside the try: a missing public key is a fault of the deployment, not of the caller's token.
  const key = verifyingKey();
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      // Only ES256: a token naming HS256 (keyed with the public key's text) or `none` is refused.
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: audience(),
      currentDate: clock.now(),
      requiredClaims: ['exp', 'iat', 'sub'],
    }));
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_JWT_EXPIRED') {
      throw unauthorized('SESSION_EXPIRED', '登录已过期，请重新登录。');
    }
    throw invalidToken();
  }
  const role = payload.role;
  if (typeof payload.sub !== 'string' || !roles.includes(role as Role)) throw invalidToken();
  // A token that lives longer than we issue, or was issued in the future, was not made by us as it is.
  const { iat, exp } = payload as { iat: number; exp: number };
  if (exp - iat > SESSION_TTL_SECONDS || iat > epochSeconds(clock.now()) + CLOCK_SKEW_SECONDS) throw invalidToken();
  return {
    userId: payload.sub,
    role: role as Role,
    communityId: typeof payload.cid === 'string' ? payload.cid : undefined,
    centreId: typeof payload.ctr === 'string' ? payload.ctr : undefined,
    countyId: typeof payload.cty === 'string' ? payload.cty : undefined,
    name: typeof payload.name === 'string' ? payload.name : undefined,
    issuedAt: iat,
  };
}
