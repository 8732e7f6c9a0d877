import { allCounties, centresOfCounty, communitiesOfCentre, getCommunity, getCounty } from './data/org';
import { getUser } from './data/users';
import { config } from '../../platform/config';
import { notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import type { CommunityChoicesResponse, OrgResponse } from '@yilin/contract';

/** The admin sees the whole county; a worker sees the branch that leads to their own community. */
export async function getOrg(session: Session): Promise<OrgResponse> {
  const user = await getUser(session.userId);
  const ownCommunity = session.role === 'worker' && session.communityId ? await getCommunity(session.communityId) : undefined;
  const countyId = user?.countyId ?? ownCommunity?.countyId;
  const county = countyId ? await getCounty(countyId) : undefined;
  if (!county) throw notFound('COUNTY_NOT_FOUND', '没有找到所属的县级平台。');
  const centres = (await centresOfCounty(county.countyId)).filter((centre) => !ownCommunity || centre.centreId === ownCommunity.centreId);
  return {
    county: { countyId: county.countyId, name: county.name },
    centres: await Promise.all(
      centres.map(async (centre) => ({
        centreId: centre.centreId,
        name: centre.name,
        communities: (await communitiesOfCentre(centre.centreId))
          .filter((community) => !ownCommunity || community.communityId === ownCommunity.communityId)
          .map((community) => ({ communityId: community.communityId, name: community.name })),
      })),
    ),
  };
}

/**
 * The communities a newcomer chooses from, by county and centre: the deployment's county when it serves
 * one, else every county on the table (a handful; the organisation is no secret).
 */
export async function communityChoices(session: Session): Promise<CommunityChoicesResponse> {
  // A worker picks from their own county (moving an elder there); a newcomer from the deployment's.
  const countyId = session.role === 'worker' ? session.countyId : config.countyId;
  const counties = countyId ? [await getCounty(countyId)].filter((county) => county !== undefined) : await allCounties();
  return {
    counties: await Promise.all(
      counties.map(async (county) => ({
        countyId: county.countyId,
        name: county.name,
        centres: await Promise.all(
          (await centresOfCounty(county.countyId)).map(async (centre) => ({
            centreId: centre.centreId,
            name: centre.name,
            communities: (await communitiesOfCentre(centre.centreId)).map((community) => ({ communityId: community.communityId, name: community.name })),
          })),
        ),
      })),
    ),
  };
}
