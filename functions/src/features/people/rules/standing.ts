import type { ErrorCode, Role, StaffStatus } from '@yilin/contract';

/**
 * Whether a session still stands: a worker, staff member or admin can be moved or retired while their
 * token (which carries role and place) is still valid, so their sessions are compared with the stored
 * account, looked up at most once a minute per user and function container. For elders, relatives and
 * volunteers only the account itself is compared (it still exists, as the same kind of account): a closed
 * account's token acts no more, and a relative who became a volunteer signs in again.
 */
export const STANDING_CACHE_SECONDS = 60;

/** The roles whose place (community, centre) is compared too: their rights come with the post. */
export const rolesCheckedEachRequest: readonly Role[] = ['worker', 'staff', 'admin'];

/** What a session is checked against: the stored account's role, place and status. */
export interface Standing {
  role: Role;
  communityId?: string;
  centreId?: string;
  status?: StaffStatus;
  /** Epoch seconds: sessions issued earlier no longer stand (a claim from a new phone, a move). */
  sessionsValidFrom?: number;
}

export interface Claims {
  role: Role;
  communityId?: string;
  centreId?: string;
  /** Epoch seconds the session was issued at. */
  issuedAt?: number;
}

/**
 * True while the session's role and place are the account's, the account is not retired and the session
 * was issued after the account last said earlier sessions end (a new phone, a move). A stored
 * account without a centre (created before centres were stored on users) has its centre from its
 * community, which is compared instead.
 */
export function sessionStands(claims: Claims, stored: Standing | undefined): boolean {
  if (!stored || stored.status === 'retired') return false;
  if (stored.sessionsValidFrom !== undefined && claims.issuedAt !== undefined && claims.issuedAt < stored.sessionsValidFrom) return false;
  if (stored.role !== claims.role) return false;
  if (!rolesCheckedEachRequest.includes(claims.role)) return true;
  if (stored.communityId !== claims.communityId) return false;
  return stored.centreId === undefined || stored.centreId === claims.centreId;
}

/**
 * Why a session that does not stand is refused: a work account moved or retired; a person's own account
 * become another kind, closed lately (see ClosedAccount), or gone (never there, or closed long ago).
 */
export function refusalOf(role: Role, standing: Standing | undefined, closedLately: boolean): { code: ErrorCode; message: string } {
  if (rolesCheckedEachRequest.includes(role)) return { code: 'SESSION_REVOKED', message: '您的岗位有变动，请重新登录。' };
  if (standing) return { code: 'SESSION_REVOKED', message: '您的账户有变动，请重新登录。' };
  return closedLately ? { code: 'ACCOUNT_CLOSED', message: '您的账户已经注销。' } : { code: 'SESSION_INVALID', message: '登录状态无效，请重新登录。' };
}
