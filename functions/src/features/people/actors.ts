import { may, relationTo, type Action } from '../../access/policy';
import { getUser } from './data/users';
import { forbidden, notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { relativeLabel, type FamilyRelation } from '@yilin/contract';
import type { Actor } from '../../store/audit';
import { centreInfo } from './places';

/** The name shown in timelines and audit entries for whoever acts: from the session when it carries one. */
export async function actorName(session: Session): Promise<string> {
  return session.name ?? (await getUser(session.userId))?.name ?? '';
}

/** Whoever acts, as the audit trail names them; a relative with what they are to the elder: 王磊（儿子）. */
export async function actorOf(session: Session, relation?: FamilyRelation | null): Promise<Actor> {
  return actorFrom(session, await actorName(session), relation);
}

/** The same, from a name already read (a use case that reads it alongside other things). */
export function actorFrom(session: Session, name: string, relation?: FamilyRelation | null): Actor {
  return { userId: session.userId, name: relativeLabel(name || '工作人员', relation), role: session.role };
}

/** A centre's things (board, menus, statements, prices): refused with 403, a centre being no secret. */
export async function assertCentreAccess(session: Session, centreId: string, action: Action): Promise<void> {
  const centre = session.role === 'admin' ? await centreInfo(centreId) : undefined;
  if (session.role === 'admin' && !centre) throw notFound('CENTRE_NOT_FOUND', '没有找到这个服务中心。');
  const countyId = centre?.countyId;
  if (!may(action, relationTo(session, { centreId, countyId }, false))) {
    throw forbidden('NOT_YOUR_CENTRE', session.role === 'admin' ? '您只能查看本县的服务中心。' : '您只能处理本服务中心的事务。');
  }
}
