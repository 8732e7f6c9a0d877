import { getCentre, getCommunity } from './data/org';

/**
 * Names and places of communities and centres change rarely; a warm container keeps them for five
 * minutes so a list of elders does not cost one read per row, and access checks know the county. A
 * rename is forgotten at once by the container that made it; others show the new name within
 * {@link PLACES_TTL_MINUTES} minutes.
 */
const PLACES_TTL_MINUTES = 5;
const TTL_MS = PLACES_TTL_MINUTES * 60 * 1000;
const cache = new Map<string, { value: unknown; at: number }>();

async function cached<T>(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as T;
  const value = await load();
  // An unknown id is not kept: it may be created in a moment.
  if (value !== undefined) cache.set(key, { value, at: Date.now() });
  return value;
}

export interface CommunityInfo {
  name: string;
  centreId: string;
  countyId: string;
}

/** A community's name, centre and county; undefined for an unknown community. */
export const communityInfo = (communityId: string) =>
  cached<CommunityInfo>(`community:${communityId}`, async () => {
    const community = await getCommunity(communityId);
    return community ? { name: community.name, centreId: community.centreId, countyId: community.countyId } : undefined;
  });

/** A centre's name and county; undefined for an unknown centre. */
export const centreInfo = (centreId: string) =>
  cached<{ name: string; countyId: string }>(`centre:${centreId}`, async () => {
    const centre = await getCentre(centreId);
    return centre ? { name: centre.name, countyId: centre.countyId } : undefined;
  });

export const communityName = async (communityId: string) => (await communityInfo(communityId))?.name ?? '';

export const centreName = async (centreId: string) => (await centreInfo(centreId))?.name ?? '';

/** After a rename here: this container reads the new name on its next use. */
export function forgetPlace(kind: 'community' | 'centre', id: string): void {
  cache.delete(`${kind}:${id}`);
}
