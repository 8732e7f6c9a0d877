import { getCentre, getCommunity } from '../data/org';

/**
 * Names of communities and centres change rarely; a warm container keeps them for five minutes so a
 * list of elders does not cost one read per row.
 */
const TTL_MS = 5 * 60 * 1000;
const cache = new Map<string, { value: string; at: number }>();

async function cached(key: string, load: () => Promise<string>): Promise<string> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = await load();
  cache.set(key, { value, at: Date.now() });
  return value;
}

export const communityName = (communityId: string) =>
  cached(`community:${communityId}`, async () => (await getCommunity(communityId))?.name ?? '');

export const centreName = (centreId: string) => cached(`centre:${centreId}`, async () => (await getCentre(centreId))?.name ?? '');
