import { bindingsOfElder, eldersBoundTo } from './data/bindings';
import { getElder, getElders } from './data/elders';
import { getUser } from './data/users';
import { clock } from '../../platform/clock';
import { unauthorized } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import type { MeResponse } from '@yilin/contract';
import { centreName, communityInfo, communityName } from './places';
import { elderProfileView, elderSummaryView } from './views';

/** An elder's home names each relative bound in this many days, with when. */
const NEW_BINDING_DAYS = 7;

/** Everything the home page needs in one request: who I am, my community, my profile or my elders. */
export async function getMe(session: Session): Promise<MeResponse> {
  const user = await getUser(session.userId);
  if (!user) throw unauthorized('SESSION_INVALID', '登录状态无效，请重新登录。');
  const communityId = user.communityId;
  const [community, elder, bindings, family] = await Promise.all([
    communityId ? communityInfo(communityId) : undefined,
    user.role === 'elder' ? getElder(user.userId) : undefined,
    user.role === 'family' ? eldersBoundTo(user.userId) : undefined,
    user.role === 'elder' ? bindingsOfElder(user.userId, undefined, 50) : undefined,
  ]);
  const response: MeResponse = {
    user: { userId: user.userId, role: user.role, name: user.name, communityId, centreId: community?.centreId },
  };
  if (communityId && community) {
    response.community = { communityId, name: community.name, centreName: await centreName(community.centreId) };
  }
  if (elder) response.elder = elderProfileView(elder, community?.name ?? '');
  if (family) {
    const since = new Date(clock.now().getTime() - NEW_BINDING_DAYS * 24 * 60 * 60 * 1000).toISOString();
    response.newBindings = family.items
      .filter((binding) => binding.boundAt >= since)
      .sort((a, b) => b.boundAt.localeCompare(a.boundAt))
      .map((binding) => ({ familyId: binding.familyId, name: binding.familyName, boundAt: binding.boundAt }));
  }
  if (bindings) {
    const elders = await getElders(bindings.map((binding) => binding.elderId));
    response.boundElders = await Promise.all(elders.map(async (item) => elderSummaryView(item, await communityName(item.communityId))));
    response.boundElders.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }
  return response;
}
