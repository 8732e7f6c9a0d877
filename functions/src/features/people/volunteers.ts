import { may, relationTo } from '../../access/policy';
import { eldersBoundTo } from './data/bindings';
import { getUser } from './data/users';
import { confirmVolunteer, getVolunteer, setPartyMember, signUpVolunteer, volunteersOfCommunity, type VolunteerItem } from './data/volunteers';
import { mayMarkPartyMember } from './rules/volunteer';
import { isoNow } from '../../platform/clock';
import { config } from '../../platform/config';
import { conflict, notFound, unauthorized } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import type { CommunityVolunteersPage, SessionResponse, VolunteerResponse, VolunteerSignUpInput, VolunteerView } from '@yilin/contract';
import { actorOf } from './actors';
import { sessionFor } from './auth';
import { communityInfo, communityName } from './places';

/**
 * Volunteers sign themselves up; a worker of their community confirms them after meeting them, and
 * marks party members (党员) after checking. Only a confirmed volunteer serves (rules/volunteer.ts).
 */

const communityNotFound = () => notFound('COMMUNITY_NOT_FOUND', '没有找到这个社区，请从列表里重新选择。');
const volunteerNotFound = () => notFound('VOLUNTEER_NOT_FOUND', '没有找到这位志愿者。');

export function volunteerView(volunteer: VolunteerItem, communityName: string): VolunteerView {
  const doneBy = (userId?: string, name?: string, at?: string) => (userId && name && at ? { userId, name, at } : undefined);
  return {
    userId: volunteer.userId,
    name: volunteer.name,
    phone: volunteer.phone,
    communityId: volunteer.communityId,
    communityName,
    status: volunteer.status,
    partyMember: volunteer.partyMember,
    signedUpAt: volunteer.signedUpAt,
    confirmedBy: doneBy(volunteer.confirmedByUserId, volunteer.confirmedByName, volunteer.confirmedAt),
    partyMemberMarkedBy: doneBy(volunteer.partyMemberMarkedByUserId, volunteer.partyMemberMarkedByName, volunteer.partyMemberMarkedAt),
  };
}

/** A community a newcomer may choose: one that exists, in the deployment's county when it serves one. */
async function choosableCommunity(communityId: string) {
  const community = await communityInfo(communityId);
  if (!community || (config.countyId && community.countyId !== config.countyId)) throw communityNotFound();
  return community;
}

/**
 * A family account with no bound elders becomes a volunteer of the chosen community, waiting for the
 * community to confirm them; the answer is a new session with the volunteer role. A retry of a sign-up
 * that went through is answered with the session again.
 */
export async function signUpAsVolunteer(session: Session, input: VolunteerSignUpInput): Promise<SessionResponse> {
  const [user, bindings, community] = await Promise.all([getUser(session.userId), eldersBoundTo(session.userId), choosableCommunity(input.communityId)]);
  if (!user) throw unauthorized('SESSION_INVALID', '登录状态无效，请重新登录。');
  if (user.role === 'family' && bindings.length > 0) {
    throw conflict('VOLUNTEER_NOT_ALLOWED', '这个微信账号已经绑定了长辈，是家属账号，不能再报名志愿者。请用另一个微信号报名。');
  }
  const at = isoNow();
  const volunteer: VolunteerItem = {
    userId: user.userId,
    name: input.name,
    phone: input.phone,
    communityId: input.communityId,
    centreId: community.centreId,
    countyId: community.countyId,
    status: 'pending',
    partyMember: false,
    signedUpAt: at,
    updatedAt: at,
  };
  if (user.role === 'family' && (await signUpVolunteer(user, volunteer))) {
    return sessionFor({ ...user, role: 'volunteer', name: input.name, communityId: volunteer.communityId, centreId: volunteer.centreId, countyId: volunteer.countyId });
  }
  // Not written: already a volunteer (a retry), or the account changed meanwhile.
  const [now, existing] = await Promise.all([getUser(session.userId), getVolunteer(session.userId)]);
  if (!now) throw unauthorized('SESSION_INVALID', '登录状态无效，请重新登录。');
  if (now.role === 'volunteer' && existing) {
    if (existing.communityId !== input.communityId) {
      throw conflict('ALREADY_VOLUNTEER', `您已经报名为${await communityName(existing.communityId)}的志愿者了。要换社区，请联系社区工作者。`);
    }
    return sessionFor(now);
  }
  throw conflict('VOLUNTEER_NOT_ALLOWED', '这个账号现在不能报名志愿者，请退出后重新登录再试。');
}

async function assertMayInCommunity(session: Session, communityId: string, action: 'community.listVolunteers' | 'community.confirmVolunteers') {
  const community = await communityInfo(communityId);
  return community !== undefined && may(action, relationTo(session, { communityId, centreId: community.centreId, countyId: community.countyId }, false));
}

export async function listCommunityVolunteers(session: Session, communityId: string, cursor: string | undefined, limit: number): Promise<CommunityVolunteersPage> {
  if (!(await assertMayInCommunity(session, communityId, 'community.listVolunteers'))) throw communityNotFound();
  const page = await volunteersOfCommunity(communityId, cursor, limit);
  const name = await communityName(communityId);
  return { items: page.items.map((volunteer) => volunteerView(volunteer, name)), cursor: page.cursor ?? null };
}

/** A volunteer the worker may confirm; anyone else's is answered as not found, a person being no one else's business. */
async function loadVolunteerToConfirm(session: Session, userId: string): Promise<VolunteerItem> {
  const volunteer = await getVolunteer(userId);
  if (!volunteer || !(await assertMayInCommunity(session, volunteer.communityId, 'community.confirmVolunteers'))) throw volunteerNotFound();
  return volunteer;
}

async function answer(userId: string): Promise<VolunteerResponse> {
  const volunteer = await getVolunteer(userId);
  if (!volunteer) throw volunteerNotFound();
  return { volunteer: volunteerView(volunteer, await communityName(volunteer.communityId)) };
}

/** Confirming is idempotent: a volunteer already confirmed is answered as is. */
export async function confirmVolunteerBy(session: Session, userId: string): Promise<VolunteerResponse> {
  const volunteer = await loadVolunteerToConfirm(session, userId);
  if (volunteer.status === 'pending' && !(await confirmVolunteer(volunteer, { by: await actorOf(session), at: isoNow() }))) {
    const now = await getVolunteer(userId);
    if (now?.status !== 'confirmed') throw conflict('VOLUNTEER_CHANGED', '这位志愿者的信息刚有变动，请刷新后再试。');
  }
  return answer(userId);
}

export async function markPartyMember(session: Session, userId: string, partyMember: boolean): Promise<VolunteerResponse> {
  const volunteer = await loadVolunteerToConfirm(session, userId);
  if (!mayMarkPartyMember(volunteer)) throw conflict('VOLUNTEER_NOT_CONFIRMED', '请先确认这位志愿者，再标记是否党员。');
  if (volunteer.partyMember !== partyMember && !(await setPartyMember(volunteer, partyMember, { by: await actorOf(session), at: isoNow() }))) {
    const now = await getVolunteer(userId);
    if (now?.partyMember !== partyMember) throw conflict('VOLUNTEER_CHANGED', '这位志愿者的信息刚有变动，请刷新后再试。');
  }
  return answer(userId);
}

/** A claim or a redemption refused because the volunteer has asked to close their account meanwhile. */
export const accountClosing = () => conflict('ACCOUNT_CLOSING', '您的账户正在注销，不能再认领心愿或兑换东西了。');
