import { birthDateProblem } from './rules/age';
import { may, relationTo, type Action, type Relation } from '../../access/policy';
import { verificationChanges } from './rules/verification';
import { getBinding } from './data/bindings';
import { applyVerification, eldersOfCommunity, getElder, updateElderContact, verificationHistory, type ElderFilter } from './data/elders';
import type { BindingItem, ElderItem } from './entities';
import { businessDate, isoNow } from '../../platform/clock';
import { badRequest, conflict, notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import type { ElderDetailResponse, ElderSummary, Page, UpdateContactInput, VerificationInput } from '@yilin/contract';
import { actorOf } from './actors';
import { liveCodeView } from './one-time-codes';
import { communityInfo, communityName, type CommunityInfo } from './places';
import { elderProfileView, elderSummaryView, verificationChangeView } from './views';

/** On the community's register: not died or moved away (elders stored before the status was kept are). */
export const isOnRegister = (elder: { status?: ElderItem['status'] }) => (elder.status ?? 'active') === 'active';

/**
 * Nothing new is ordered or booked for an elder who died or moved away; their records stay. The message
 * says why, so a relative or worker is not left guessing.
 */
export function assertOnRegister(elder: ElderItem): void {
  if (isOnRegister(elder)) return;
  const why = elder.status === 'deceased' ? '已故' : elder.status === 'closed' ? '的账户已注销' : '已迁走';
  throw conflict('ELDER_NOT_ACTIVE', `${elder.name}${why}，不在本社区的名册上了，不能再订餐或预约。`);
}

/** An elder whose contact details were cleared (closed, or kept long enough after leaving) gets none back. */
export function assertContactsKept(elder: ElderItem): void {
  if (!elder.contactsErasedAt) return;
  throw conflict('ELDER_CLOSED', `${elder.name}的联系方式已按规定删除，资料不能再修改；如果要重新服务，请重新建档。`);
}

/**
 * A worker of the community registers elders into it, by form or by spreadsheet; anyone else is told the
 * community does not exist.
 */
export async function registeringCommunity(session: Session, communityId: string): Promise<CommunityInfo> {
  const community = await communityInfo(communityId);
  if (!community || !may('community.registerElder', relationTo(session, { communityId, ...community }, false))) {
    throw notFound('COMMUNITY_NOT_FOUND', '没有找到这个社区。');
  }
  return community;
}

export const elderNotFound = () => notFound('ELDER_NOT_FOUND', '没有找到这位长辈的资料。');

/**
 * Loads an elder the caller may do `action` on; anyone else is told the elder does not exist. A relative
 * also gets their binding (what they are to the elder).
 */
export async function loadElderFor(
  session: Session,
  elderId: string,
  action: Action = 'elder.read',
  /** The staff member on a visit to the elder, when the caller found one (health records). */
  visitingStaffId?: string,
): Promise<{ elder: ElderItem; access: Relation; binding?: BindingItem }> {
  const [elder, binding] = await Promise.all([
    getElder(elderId),
    session.role === 'family' ? getBinding(elderId, session.userId) : Promise.resolve(undefined),
  ]);
  if (!elder) throw elderNotFound();
  const countyId = session.role === 'admin' ? (await communityInfo(elder.communityId))?.countyId : undefined;
  const access = relationTo(session, { elderId, communityId: elder.communityId, centreId: elder.centreId, countyId, staffId: visitingStaffId }, binding !== undefined);
  if (!may(action, access)) throw elderNotFound();
  return { elder, access, binding };
}

/** An elder's page as `access` sees it: staff get the verification history, the community's workers the claim code. */
export async function elderDetail(elder: ElderItem, access: Relation): Promise<ElderDetailResponse> {
  const staff = access === 'community-worker' || access === 'county-admin';
  const [name, history, liveClaimCode] = await Promise.all([
    communityName(elder.communityId),
    staff ? verificationHistory(elder.elderId) : Promise.resolve(undefined),
    access === 'community-worker' ? liveCodeView(elder.elderId, 'claim') : Promise.resolve(undefined),
  ]);
  return {
    elder: elderProfileView(elder, name, { staff }),
    ...(history ? { verificationHistory: history.map(verificationChangeView) } : {}),
    ...(liveClaimCode !== undefined ? { liveClaimCode } : {}),
  };
}

export async function getElderDetail(session: Session, elderId: string): Promise<ElderDetailResponse> {
  const { elder, access } = await loadElderFor(session, elderId);
  return elderDetail(elder, access);
}

export async function updateContact(session: Session, elderId: string, input: UpdateContactInput): Promise<ElderDetailResponse> {
  const { elder, access } = await loadElderFor(session, elderId, 'elder.editContact');
  assertContactsKept(elder);
  const updated = await updateElderContact(elderId, input, isoNow());
  return elderDetail(updated, access);
}

export async function verifyElder(session: Session, elderId: string, input: VerificationInput): Promise<ElderDetailResponse> {
  const { elder } = await loadElderFor(session, elderId, 'elder.verify');
  const problem = birthDateProblem(input.birthDate, businessDate());
  if (problem) throw badRequest('BIRTH_DATE_INVALID', `${problem}。`, { fields: [{ field: 'birthDate', message: problem }] });
  const changes = verificationChanges(
    { sex: elder.sex ?? null, birthDate: elder.birthDate, subsidyCategory: elder.subsidyCategoryVerified ?? null, mobilityLimited: elder.mobilityLimited },
    { sex: input.sex, birthDate: input.birthDate, subsidyCategory: input.subsidyCategory, mobilityLimited: input.mobilityLimited },
  );
  const county = (await communityInfo(elder.communityId))?.countyId ?? '';
  const outcome = await applyVerification(elder, input, changes, await actorOf(session), isoNow(), county);
  if (outcome === 'stale') throw conflict('PROFILE_CHANGED', '这位长辈的资料刚被别人改过，请刷新后再核实。');
  return getElderDetail(session, elderId);
}

export async function listCommunityElders(
  session: Session,
  communityId: string,
  cursor: string | undefined,
  limit: number,
  filter: ElderFilter = {},
): Promise<Page<ElderSummary>> {
  const community = await communityInfo(communityId);
  if (!community || !may('community.listElders', relationTo(session, { communityId, ...community }, false))) {
    throw notFound('COMMUNITY_NOT_FOUND', '没有找到这个社区。');
  }
  const page = await eldersOfCommunity(communityId, cursor, limit, filter);
  return { items: page.items.map((elder) => elderSummaryView(elder, community.name)), cursor: page.cursor ?? null };
}
