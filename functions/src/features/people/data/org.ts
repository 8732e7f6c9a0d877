import { Centre, Community, County } from '../entities';

export async function getCommunity(communityId: string) {
  const { data } = await Community.get({ communityId }).go();
  return data ?? undefined;
}

export async function getCentre(centreId: string) {
  const { data } = await Centre.get({ centreId }).go();
  return data ?? undefined;
}

export async function getCounty(countyId: string) {
  const { data } = await County.get({ countyId }).go();
  return data ?? undefined;
}

export async function centresOfCounty(countyId: string) {
  const { data } = await Centre.query.byCounty({ countyId }).go({ pages: 'all' });
  return data;
}

export async function communitiesOfCentre(centreId: string) {
  const { data } = await Community.query.byCentre({ centreId }).go({ pages: 'all' });
  return data;
}
