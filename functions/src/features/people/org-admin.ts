import { ulid } from 'ulid';
import { may, relationTo } from '../../access/policy';
import { AppError } from '../../platform/errors';
import { isoNow } from '../../platform/clock';
import type { Session } from '../../platform/session-token';
import { recordAudit, subjectOf } from '../../store/audit';
import type { CentreView, CommunityView, CreateCommunityInput, ErrorCode } from '@yilin/contract';
import { actorOf } from './actors';
import { createCentre, createCommunity, getCentre, getCommunity, renameCentre, renameCommunity } from './data/org';
import { centreInfo, communityInfo, forgetPlace, type CommunityInfo } from './places';

/**
 * The county's admin runs its organisation: creates and renames service centres and communities. A
 * centre's canteen (menus, prices, orders) is keyed by its id, so a rename changes names and nothing else.
 */

/** A refusal about one field of the request, so the form can show it beside that field. */
export const fieldProblem = (status: number, code: ErrorCode, message: string, field?: string) =>
  new AppError(status, code, message, field ? { fields: [{ field, message }] } : undefined);

/** The county the caller runs; an admin without one runs nothing. */
export function adminCounty(session: Session): string {
  if (!session.countyId || !may('org.manage', relationTo(session, { countyId: session.countyId }, false))) {
    throw new AppError(403, 'ROLE_NOT_ALLOWED', '只有县级平台可以管理服务中心、社区和工作人员。');
  }
  return session.countyId;
}

/** A centre of the admin's county: unknown 404, another county's 403 (a centre is no secret). */
export async function centreOfCounty(session: Session, centreId: string, field?: string) {
  const countyId = adminCounty(session);
  const centre = await centreInfo(centreId);
  if (!centre) throw fieldProblem(404, 'CENTRE_NOT_FOUND', '没有找到这个服务中心。', field);
  if (centre.countyId !== countyId) throw fieldProblem(403, 'NOT_YOUR_CENTRE', '您只能管理本县的服务中心。', field);
  return { centreId, ...centre };
}

/** A community of the admin's county; one of another county is answered as unknown, as on every community route. */
export async function communityOfCounty(session: Session, communityId: string, field?: string): Promise<CommunityInfo & { communityId: string }> {
  const countyId = adminCounty(session);
  const community = await communityInfo(communityId);
  if (!community || community.countyId !== countyId) throw fieldProblem(404, 'COMMUNITY_NOT_FOUND', '没有找到这个社区，只能选本县的社区。', field);
  return { communityId, ...community };
}

const placeAudit = async (session: Session, kind: 'centre' | 'community', id: string, action: string, before: string | undefined, after: string) =>
  recordAudit({ subject: subjectOf(kind, id), concerns: id, action, by: await actorOf(session), at: isoNow(), changes: [{ field: 'name', before, after }] });

export async function addCentre(session: Session, name: string): Promise<CentreView> {
  const countyId = adminCounty(session);
  const centreId = ulid();
  await createCentre({ centreId, countyId, name }, await placeAudit(session, 'centre', centreId, 'org.createCentre', undefined, name));
  return { centreId, name };
}

export async function renameCentreOf(session: Session, centreId: string, name: string): Promise<CentreView> {
  await centreOfCounty(session, centreId);
  // The name before, as stored now (the places cache may be minutes old), for the audit trail.
  const before = (await getCentre(centreId))?.name;
  if (!(await renameCentre(centreId, name, await placeAudit(session, 'centre', centreId, 'org.renameCentre', before, name)))) {
    throw fieldProblem(404, 'CENTRE_NOT_FOUND', '没有找到这个服务中心。');
  }
  forgetPlace('centre', centreId);
  return { centreId, name };
}

export async function addCommunity(session: Session, input: CreateCommunityInput): Promise<CommunityView> {
  const centre = await centreOfCounty(session, input.centreId, 'centreId');
  const communityId = ulid();
  const audit = await placeAudit(session, 'community', communityId, 'org.createCommunity', undefined, input.name);
  await createCommunity({ communityId, centreId: centre.centreId, countyId: centre.countyId, name: input.name }, audit);
  return { communityId, centreId: centre.centreId, name: input.name };
}

export async function renameCommunityOf(session: Session, communityId: string, name: string): Promise<CommunityView> {
  const community = await communityOfCounty(session, communityId);
  const before = (await getCommunity(communityId))?.name;
  if (!(await renameCommunity(communityId, name, await placeAudit(session, 'community', communityId, 'org.renameCommunity', before, name)))) {
    throw fieldProblem(404, 'COMMUNITY_NOT_FOUND', '没有找到这个社区。');
  }
  forgetPlace('community', communityId);
  return { communityId, centreId: community.centreId, name };
}
