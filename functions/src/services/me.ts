import { eldersBoundTo } from '../data/bindings';
import { getElder, getElders } from '../data/elders';
import { getUser } from '../data/users';
import { unauthorized } from '../lib/errors';
import type { Session } from '../lib/session-token';
import type { MeResponse } from '../schemas/api';
import { centreName, communityInfo, communityName } from './community-names';
import { elderProfileView, elderSummaryView } from './views';

/** Everything the home page needs in one request: who I am, my community, my profile or my elders. */
export async function getMe(session: Session): Promise<MeResponse> {
  const user = await getUser(session.userId);
  if (!user) throw unauthorized('SESSION_INVALID', '登录状态无效，请重新登录。');
  const communityId = user.communityId;
  const [community, elder, bindings] = await Promise.all([
    communityId ? communityInfo(communityId) : undefined,
    user.role === 'elder' ? getElder(user.userId) : undefined,
    user.role === 'family' ? eldersBoundTo(user.userId) : undefined,
  ]);
  const response: MeResponse = {
    user: { userId: user.userId, role: user.role, name: user.name, communityId, centreId: community?.centreId },
  };
  if (communityId && community) {
    response.community = { communityId, name: community.name, centreName: await centreName(community.centreId) };
  }
  if (elder) response.elder = elderProfileView(elder, community?.name ?? '');
  if (bindings) {
    const elders = await getElders(bindings.map((binding) => binding.elderId));
    response.boundElders = await Promise.all(elders.map(async (item) => elderSummaryView(item, await communityName(item.communityId))));
    response.boundElders.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }
  return response;
}
