import type { Role, StaffStatus } from '@yilin/contract';

/**
 * Whether a session still stands: a worker, staff member or admin can be moved or retired while their
 * token (which carries role and place) is still valid, so their sessions are compared with the stored
 * account, looked up at most once a minute per user and function container. Elders, relatives and
 * volunteers are not looked up: their tokens simply expire ({@link rolesCheckedEachRequest}).
 */
export const STANDING_CACHE_SECONDS = 60;

export const rolesCheckedEachRequest: readonly Role[] = ['worker', 'staff', 'admin'];

/** What a session is checked against: the stored account's role, place and status. */
export interface Standing {
  role: Role;
  communityId?: string;
  centreId?: string;
  status?: StaffStatus;
}

export interface Claims {
  role: Role;
  communityId?: string;
  centreId?: string;
}

/**
 * True while the session's role and place are the account's and the account is not retired. A stored
 * account without a centre (created before centres were stored on users) has its centre from its
 * community, which is compared instead.
 */
export function sessionStands(claims: Claims, stored: Standing | undefined): boolean {
  if (!stored || stored.status === 'retired') return false;
  if (stored.role !== claims.role || stored.communityId !== claims.communityId) return false;
  return stored.centreId === undefined || stored.centreId === claims.centreId;
}
