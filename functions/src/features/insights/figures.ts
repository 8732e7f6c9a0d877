import type { Change } from '../../platform/stream';
import { isConditionFailure } from '../../store/errors';
import { markHandled } from '../../store/events';
import { writeTogether, type Part } from '../../store/transactions';
import { businessDateOf } from '@yilin/contract';
import { getElder } from '../people/data/elders';
import type { ElderItem } from '../people/entities';
import { centreInfo, communityInfo } from '../people/places';
import { ElderContact } from './entities';
import { contactDayOf, contributionsOf, differenceOf, sideBySideKey, type Contribution } from './rules/contributions';

/**
 * The figures consumer: every change of a counted record moves the figures of its community, its centre
 * and the county by the difference it makes (rules/contributions.ts), in one transaction with the marker
 * of the stream record, so a record delivered twice moves nothing. Month figures are also kept under the
 * place above, so the county sees its centres side by side and a centre its communities.
 *
 * It also keeps each elder's last contact (a meal, a visit, a wish) for the elders living alone: a
 * latest-day-wins write, harmless when repeated, made before the figures so a retry redoes it.
 */
export const FIGURES_CONSUMER = 'insights-events/figures';

/** The most keys one change may move: a transaction holds 100 items, one is the marker. */
const MOST_KEYS = 99;

export interface FullPlace {
  communityId: string;
  centreId: string;
  countyId: string;
}

/** The place a record counts in; undefined for one not (yet) placed, e.g. a contact not yet on the register. */
export async function placeOfRecord(item: Record<string, unknown> | undefined): Promise<FullPlace | undefined> {
  const communityId = item?.communityId;
  if (typeof communityId !== 'string') return undefined;
  const community = await communityInfo(communityId);
  const centreId = typeof item?.centreId === 'string' ? item.centreId : community?.centreId;
  if (!centreId) return undefined;
  const countyId = typeof item?.countyId === 'string' ? item.countyId : (community?.countyId ?? (await centreInfo(centreId))?.countyId);
  return countyId ? { communityId, centreId, countyId } : undefined;
}

export const scopeOf = (kind: 'community' | 'centre' | 'county', id: string) => `${kind}#${id}`;

/** Where each contribution of a record at a place is kept: its community, centre and county, and side by side above. */
export function placedAmounts(place: FullPlace, contributions: Contribution[], sign: 1 | -1, into: Map<string, number>): void {
  const put = (scope: string, key: string, amount: number) => {
    const at = `${scope}|${key}`;
    into.set(at, (into.get(at) ?? 0) + sign * amount);
  };
  for (const { key, amount } of contributions) {
    put(scopeOf('community', place.communityId), key, amount);
    put(scopeOf('centre', place.centreId), key, amount);
    put(scopeOf('county', place.countyId), key, amount);
    const underCentre = sideBySideKey(key, place.communityId);
    if (underCentre) put(scopeOf('centre', place.centreId), underCentre, amount);
    const underCounty = sideBySideKey(key, place.centreId);
    if (underCounty) put(scopeOf('county', place.countyId), underCounty, amount);
  }
}

/** What a change moves, as `scope|key` → amount, without what does not move. */
export async function movesOf(change: Change): Promise<Map<string, number>> {
  const entity = change.entity ?? '';
  const moves = new Map<string, number>();
  const [before, after] = await Promise.all([placeOfRecord(change.before), placeOfRecord(change.after)]);
  const was = contributionsOf(entity, change.before);
  const is = contributionsOf(entity, change.after);
  if (before && after && before.communityId === after.communityId && before.centreId === after.centreId) {
    // The usual case: the same place, so only the difference is written.
    const difference = [...differenceOf(was, is)].map(([key, amount]) => ({ key, amount }));
    placedAmounts(after, difference, 1, moves);
  } else {
    if (before) placedAmounts(before, was, -1, moves);
    if (after) placedAmounts(after, is, 1, moves);
  }
  for (const [at, amount] of moves) if (amount === 0) moves.delete(at);
  return moves;
}

const addTo = (at: string, amount: number): Part => ({ Figure: figures }) => {
  const [scope, key] = at.split('|');
  return figures.update({ scope, key }).add({ value: amount }).commit();
};

export async function followFigures(change: Change): Promise<void> {
  await keepContact(change);
  const moves = await movesOf(change);
  if (moves.size === 0) return;
  if (moves.size > MOST_KEYS) throw new Error(`A change of ${change.entity} moves ${moves.size} figures, more than one transaction holds`);
  const outcome = await writeTogether({
    handled: markHandled(FIGURES_CONSUMER, change.eventId, change.at),
    figures: [...moves].map(([at, amount]) => addTo(at, amount)),
  });
  // Already handled: the record came again, and its figures were moved the first time.
  if (!outcome.written && !outcome.failed.includes('handled')) throw new Error(`Figures not moved: ${outcome.failed.join(',')}`);
}

/**
 * An elder's entry for the knock list follows the register (read again, so a late or repeated record sets
 * what is true now) and the latest day they were seen.
 */
async function keepContact(change: Change): Promise<void> {
  if (change.entity === 'elder') {
    const elderId = (change.after ?? change.before)?.elderId;
    const elder = typeof elderId === 'string' ? await getElder(elderId) : undefined;
    if (!elder) return;
    const { elderId: id, ...entry } = contactEntryOf(elder);
    await ElderContact.update({ elderId: id }).set(entry).go();
    return;
  }
  const seen = contactDayOf(change.entity ?? '', change.after);
  if (!seen) return;
  try {
    await ElderContact.update({ elderId: seen.elderId })
      .set({ lastContact: seen.day })
      .where((attr, op) => `${op.notExists(attr.lastContact)} OR ${op.lt(attr.lastContact, seen.day)}`)
      .go();
  } catch (error) {
    // A later day is already there: nothing to do.
    if (!isConditionFailure(error)) throw error;
  }
}

/** What the knock list needs of an elder on the register. */
export const contactEntryOf = (elder: ElderItem) => ({
  elderId: elder.elderId,
  centreId: elder.centreId,
  communityId: elder.communityId,
  name: elder.name,
  livingAlone: elder.livingSituation === 'alone',
  active: elder.status === 'active',
  registeredOn: businessDateOf(Date.parse(elder.createdAt)),
});
