import { getCentre, getCommunity } from '../data/org';

/**
 * Names of communities and centres change rarely; a warm container keeps them for five minutes so a
 * list of elders does not cost one read per row.
 */
const TTL_MS = 5 * 60 * 1000;
const cache = new Map<string, { value: unknown; at: number }>();

async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as T;
  const value = await load();
  cache.set(key, { value, at: Date.now() });
  return value;
}

/** A community's name and the centre it belongs to; undefined for an unknown community (not kept). */
export async function communityInfo(communityId: string): Promise<{ name: string; centreId: string } | undefined> {
  const info = await cached(`community:${communityId}`, async () => {
    const community = await getCommunity(communityId);
    return community ? { name: community.name, centreId: community.centreId } : undefined;
  });
  if (!info) cache.delete(`community:${communityId}`);
  return info;
}

export const communityName = async (communityId: string) => (await communityInfo(communityId))?.name ?? '';

export const centreName = (centreId: string) => cached(`centre:${centreId}`, async () => (await getCentre(centreId))?.name ?? '');
