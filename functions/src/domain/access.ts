import type { Role } from '../routes';

/**
 * Who may see and act on an elder's records. Callers that may not are told the elder does not exist
 * (404), so that ids cannot be probed.
 */
export interface Actor {
  userId: string;
  role: Role;
  communityId?: string;
}

export interface ElderRef {
  elderId: string;
  communityId: string;
}

export type ElderAccess = 'self' | 'family' | 'community-worker' | 'county-admin' | 'none';

export function elderAccess(actor: Actor, elder: ElderRef, boundToActor: boolean): ElderAccess {
  switch (actor.role) {
    case 'elder':
      return actor.userId === elder.elderId ? 'self' : 'none';
    case 'family':
      return boundToActor ? 'family' : 'none';
    case 'worker':
      return actor.communityId !== undefined && actor.communityId === elder.communityId ? 'community-worker' : 'none';
    case 'admin':
      return 'county-admin';
    default:
      return 'none';
  }
}

/** Contact details (phone, address, diet, emergency contacts): the elder, bound family, their community's workers. */
export const canEditContact = (access: ElderAccess) => access === 'self' || access === 'family' || access === 'community-worker';

/** Verified facts (birth date, subsidy category, mobility): only a worker of the elder's community. */
export const canVerify = (access: ElderAccess) => access === 'community-worker';

/** Inviting and removing relatives: the elder, or a worker of the community on the elder's behalf. */
export const canManageBindings = (access: ElderAccess) => access === 'self' || access === 'community-worker';

/** Workers see elders of their own community; the county admin sees every community. */
export function canListCommunity(actor: Actor, communityId: string): boolean {
  return actor.role === 'admin' || (actor.role === 'worker' && actor.communityId === communityId);
}
