import { Centre, Community, County } from '../entities';
import { writeTogether, type Part } from '../../../store/transactions';

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

export async function allCounties() {
  const { data } = await County.query.all({}).go({ pages: 'all' });
  return data;
}

/**
 * A centre or community created or renamed by the county's admin, with its audit event, in one
 * transaction. A rename changes the name only: menus, prices and orders are keyed by the centre's id and
 * stay with it. False when a renamed place no longer exists.
 */
export async function createCentre(centre: { centreId: string; countyId: string; name: string }, audit: Part): Promise<void> {
  const outcome = await writeTogether({ centre: ({ Centre: centres }) => centres.create(centre).commit(), audit });
  if (!outcome.written) throw new Error(`Could not create centre ${centre.centreId}`);
}

export async function createCommunity(community: { communityId: string; centreId: string; countyId: string; name: string }, audit: Part): Promise<void> {
  const outcome = await writeTogether({ community: ({ Community: communities }) => communities.create(community).commit(), audit });
  if (!outcome.written) throw new Error(`Could not create community ${community.communityId}`);
}

export async function renameCentre(centreId: string, name: string, audit: Part): Promise<boolean> {
  const outcome = await writeTogether({ centre: ({ Centre: centres }) => centres.patch({ centreId }).set({ name }).commit(), audit });
  return outcome.written;
}

export async function renameCommunity(communityId: string, name: string, audit: Part): Promise<boolean> {
  const outcome = await writeTogether({ community: ({ Community: communities }) => communities.patch({ communityId }).set({ name }).commit(), audit });
  return outcome.written;
}

/** The community's duty line (值班电话), with its audit event; false when the community no longer exists. */
export async function setDutyPhone(communityId: string, dutyPhone: string, audit: Part): Promise<boolean> {
  const outcome = await writeTogether({ community: ({ Community: communities }) => communities.patch({ communityId }).set({ dutyPhone }).commit(), audit });
  return outcome.written;
}
