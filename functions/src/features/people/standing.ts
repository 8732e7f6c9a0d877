import { STANDING_CACHE_SECONDS, refusalOf, rolesCheckedEachRequest, sessionStands, type Standing } from './rules/standing';
import { standingOf } from './data/users';
import { ClosedAccount } from './entities';
import { clock, epochSeconds } from '../../platform/clock';
import { unauthorized } from '../../platform/errors';
import type { Session } from '../../platform/session-token';

/**
 * Rights that end within minutes: every request is checked against the stored account, read at most once
 * per {@link STANDING_CACHE_SECONDS} per user in this function container. A move, a retirement or a closed
 * account therefore ends the old rights within that time (at once in the container that made the change),
 * not when the token expires.
 */
const cache = new Map<string, { standing: Standing | undefined; at: number; closed?: boolean }>();
/** A container serves a few thousand people an hour; far more entries means something odd: start afresh. */
const MAX_ENTRIES = 5000;
/** A non-consistent read just after a write may miss it: a cached value this close to a sign-in is read again. */
const READ_AFTER_SIGN_IN_MS = 5000;

async function load(userId: string, consistent: boolean, at: number): Promise<Standing | undefined> {
  const standing = await standingOf(userId, consistent);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(userId, { standing, at });
  return standing;
}

/**
 * Whether a missing account was closed within the week its note is kept, remembered with the cached read.
 * The note's expiry is compared, as TTL deletes late; read consistently, as the deletion just seen was
 * written with it.
 */
async function closedLately(userId: string, now: number): Promise<boolean> {
  const hit = cache.get(userId);
  if (hit?.closed !== undefined) return hit.closed;
  const { data: note } = await ClosedAccount.get({ userId }).go({ consistent: true });
  const closed = note !== null && note.expiresAt > epochSeconds(new Date(now));
  if (hit) hit.closed = closed;
  return closed;
}

/**
 * Refuses a session whose account is gone (401 ACCOUNT_CLOSED when closed lately, else SESSION_INVALID), is
 * another kind now, or, for work accounts, whose place changed or which was retired (401 SESSION_REVOKED).
 */
export async function assertSessionStands(session: Session): Promise<void> {
  const now = clock.now().getTime();
  const hit = cache.get(session.userId);
  const fresh = hit && now - hit.at < STANDING_CACHE_SECONDS * 1000 && now >= hit.at;
  const readAt = fresh ? hit.at : now;
  const standing = fresh ? hit.standing : await load(session.userId, false, now);
  if (sessionStands(session, standing)) return;
  // A session issued after (or just before) that read, a sign-in after a move, is judged on a consistent read.
  const readMayPredateSession = session.issuedAt !== undefined && readAt < session.issuedAt * 1000 + READ_AFTER_SIGN_IN_MS;
  const latest = readMayPredateSession ? await load(session.userId, true, now) : standing;
  if (sessionStands(session, latest)) return;
  // Only a person's own account, gone, is looked up further: work accounts end by retirement, not closing.
  const closed = !latest && !rolesCheckedEachRequest.includes(session.role) && (await closedLately(session.userId, now));
  const { code, message } = refusalOf(session.role, latest, closed);
  throw unauthorized(code, message);
}

/**
 * For a handler that finds the session's account gone after the standing check let it through (another
 * container's minute-long memory, or the same closing asked twice at once): closed lately, or never there.
 */
export async function missingAccountRefusal(session: Session) {
  const { code, message } = refusalOf(session.role, undefined, await closedLately(session.userId, clock.now().getTime()));
  return unauthorized(code, message);
}

/** After a move or retirement made here: this container reads the account again on its next request. */
export function forgetStanding(userId: string): void {
  cache.delete(userId);
}
