import { getUser } from '../data/users';
import { forbidden } from '../lib/errors';
import type { Session } from '../lib/session-token';

/** The name shown in timelines and audit entries for whoever acts: from the session when it carries one. */
export async function actorName(session: Session): Promise<string> {
  return session.name ?? (await getUser(session.userId))?.name ?? '';
}

/** Canteen work is done by the workers of the centre that runs the canteen; the admin may read. */
export function assertCentreStaff(session: Session, centreId: string, allowAdmin: boolean): void {
  const ownCentre = session.role === 'worker' && session.centreId === centreId;
  if (!ownCentre && !(allowAdmin && session.role === 'admin')) {
    throw forbidden('NOT_YOUR_CENTRE', '您只能处理本服务中心的事务。');
  }
}
