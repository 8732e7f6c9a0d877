import { STANDING_CACHE_SECONDS, rolesCheckedEachRequest, sessionStands, type Standing } from './rules/standing';
import { standingOf } from './data/users';
import { clock } from '../../platform/clock';
import { unauthorized } from '../../platform/errors';
import type { Session } from '../../platform/session-token';

/**
 * Rights that end within minutes: every request is checked against the stored account, read at most once
 * per {@link STANDING_CACHE_SECONDS} per user in this function container. A move, a retirement or a closed
 * account therefore ends the old rights within that time (at once in the container that made the change),
 * not when the token expires.
 */
const cache = new Map<string, { standing: Standing | undefined; at: number }>();
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

/** A work account moved or retired; a person's own account closed (gone) or become another kind. */
const refused = (role: Session['role'], standing: Standing | undefined) => {
  if (rolesCheckedEachRequest.includes(role)) return unauthorized('SESSION_REVOKED', '您的岗位有变动，请重新登录。');
  return standing ? unauthorized('SESSION_REVOKED', '您的账户有变动，请重新登录。') : unauthorized('SESSION_INVALID', '登录状态无效，请重新登录。');
};

/**
 * Refuses a session whose account is gone (401 SESSION_INVALID: closed), is another kind now, or, for work
 * accounts, whose place changed or which was retired (401 SESSION_REVOKED).
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
  throw refused(session.role, latest);
}

/** After a move or retirement made here: this container reads the account again on its next request. */
export function forgetStanding(userId: string): void {
  cache.delete(userId);
}
