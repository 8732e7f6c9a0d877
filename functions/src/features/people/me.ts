import { allBindingsOf, bindingsOfElder, eldersBoundTo } from './data/bindings';
import { getElder, getElders } from './data/elders';
import { getUser, renameUser } from './data/users';
import { getVolunteer } from './data/volunteers';
import { clock } from '../../platform/clock';
import { unauthorized, unavailable } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import type { DisplayNameInput, MeResponse, SessionResponse } from '@yilin/contract';
import { centreName, communityInfo, communityName } from './places';
import { bindingView, elderProfileView, elderSummaryView, nameWanted } from './views';
import { sessionFor } from './auth';
import { volunteerView } from './volunteers';
import { privacyNoticeOf } from '../consent/privacy';

/** An elder's home names each relative bound in this many days, with when. */
const NEW_BINDING_DAYS = 7;

/** Everything the home page needs in one request: who I am, my community, my profile or my elders, and whether I accepted the privacy notice in force. */
export async function getMe(session: Session): Promise<MeResponse> {
  const user = await getUser(session.userId);
  if (!user) throw unauthorized('SESSION_INVALID', '登录状态无效，请重新登录。');
  const communityId = user.communityId;
  const [community, elder, bindings, family, volunteer, privacyNotice] = await Promise.all([
    communityId ? communityInfo(communityId) : undefined,
    user.role === 'elder' ? getElder(user.userId) : undefined,
    user.role === 'family' ? eldersBoundTo(user.userId) : undefined,
    user.role === 'elder' ? bindingsOfElder(user.userId, undefined, 50) : undefined,
    user.role === 'volunteer' ? getVolunteer(user.userId) : undefined,
    privacyNoticeOf(user.userId),
  ]);
  const response: MeResponse = {
    user: {
      userId: user.userId,
      role: user.role,
      name: user.name,
      communityId,
      centreId: community?.centreId,
      ...nameWanted(user),
    },
    privacyNotice,
  };
  if (communityId && community) {
    response.community = { communityId, name: community.name, centreName: await centreName(community.centreId) };
  }
  if (elder) response.elder = elderProfileView(elder, community?.name ?? '');
  if (volunteer) response.volunteer = volunteerView(volunteer, community?.name ?? '');
  if (family) {
    const since = new Date(clock.now().getTime() - NEW_BINDING_DAYS * 24 * 60 * 60 * 1000).toISOString();
    response.newBindings = family.items
      .filter((binding) => binding.boundAt >= since)
      .sort((a, b) => b.boundAt.localeCompare(a.boundAt))
      .map(bindingView);
  }
  if (bindings) {
    const elders = await getElders(bindings.map((binding) => binding.elderId));
    const relationOf = new Map(bindings.map((binding) => [binding.elderId, binding.relation ?? null]));
    response.boundElders = await Promise.all(
      elders.map(async (item) => elderSummaryView(item, await communityName(item.communityId), relationOf.get(item.elderId) ?? null)),
    );
    response.boundElders.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }
  return response;
}

/**
 * A person says what to call them. Their bindings carry the name too, so the elder's list of relatives
 * shows it at once; the new session carries it into every timeline entry from now on.
 */
export async function setDisplayName(session: Session, { name }: DisplayNameInput): Promise<SessionResponse> {
  const user = await getUser(session.userId);
  if (!user) throw unauthorized('SESSION_INVALID', '登录状态无效，请重新登录。');
  // A binding removed between the read and the write: read again and rename against what is bound now.
  for (let attempt = 0; attempt < 3; attempt++) {
    const bindings = user.role === 'family' ? await allBindingsOf(user.userId) : [];
    const volunteer = user.role === 'volunteer' && (await getVolunteer(user.userId)) !== undefined;
    if (await renameUser(user.userId, name, bindings, volunteer)) return sessionFor({ ...user, name });
  }
  throw unavailable('SERVICE_BUSY', '称呼没有保存成功，请稍等几秒再试一次。');
}
