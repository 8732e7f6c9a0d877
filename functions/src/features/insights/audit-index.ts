import { AUDIT_PLACED_IN, CLOSED_ACCOUNT_NAME } from '@yilin/contract';
import type { Change } from '../../platform/stream';
import { AuditEvent, type AuditEventItem } from '../../store/audit';
import { getElder } from '../people/data/elders';
import { getStaffPost } from '../people/data/staff';
import { getUser } from '../people/data/users';
import { getVolunteer } from '../people/data/volunteers';
import { centreInfo, communityInfo } from '../people/places';
import { AuditTrailEntry, actorTrail, communityTrail, countyTrail, type AuditTrailEntryItem } from './audit-entities';

/**
 * Indexes each new audit event into the trails it is searched by: the community and county of whom or what
 * it concerns, and the person who did it (audit-entities.ts). The event names only an id; where that id
 * belongs is found by point reads, kept for a few minutes per container, so a busy day costs a read per
 * person, not per event. Writing the same copies again (a record delivered twice) changes nothing.
 */

/** Whom or what an event concerns, and where they belong. */
export interface Concerned {
  name: string;
  communityId?: string;
  centreId?: string;
  countyId?: string;
}

type Resolver = (id: string) => Promise<Concerned | undefined>;

const elderPlace: Resolver = async (id) => {
  const elder = await getElder(id);
  if (!elder) return undefined;
  return { name: elder.name, communityId: elder.communityId, centreId: elder.centreId, countyId: (await communityInfo(elder.communityId))?.countyId };
};

/** A worker or staff member (their post), a volunteer, or any other user with a place. */
const personPlace: Resolver = async (id) => {
  const [post, volunteer] = await Promise.all([getStaffPost(id), getVolunteer(id)]);
  const placed = post ?? volunteer;
  if (placed) return { name: placed.name, communityId: placed.communityId, centreId: placed.centreId, countyId: placed.countyId };
  const user = await getUser(id);
  if (!user) return undefined;
  const community = user.communityId ? await communityInfo(user.communityId) : undefined;
  return { name: user.name, communityId: user.communityId, centreId: user.centreId ?? community?.centreId, countyId: user.countyId ?? community?.countyId };
};

const communityPlace: Resolver = async (id) => {
  const community = await communityInfo(id);
  return community && { name: community.name, communityId: id, centreId: community.centreId, countyId: community.countyId };
};

/** A centre's own things belong to no community: they go to the county's trail only. */
const centrePlace: Resolver = async (id) => {
  const centre = await centreInfo(id);
  return centre && { name: centre.name, centreId: id, countyId: centre.countyId };
};

/** What kind of id `concerns` holds, told by the subject's kind (audit.ts); unknown kinds try each in turn. */
const resolversByKind: Record<string, Resolver[]> = {
  elder: [elderPlace],
  health: [elderPlace],
  order: [elderPlace],
  booking: [elderPlace],
  wish: [elderPlace],
  alert: [elderPlace],
  user: [personPlace],
  volunteer: [personPlace],
  // A points holder is an elder or a volunteer.
  points: [elderPlace, personPlace],
  redemption: [elderPlace, personPlace],
  'store-item': [communityPlace],
  'wish-settings': [communityPlace],
  community: [communityPlace],
  centre: [centrePlace],
};
const everyResolver = [elderPlace, personPlace, communityPlace, centrePlace];

const PLACE_TTL_MS = 5 * 60 * 1000;
const known = new Map<string, { value: Concerned; at: number }>();

async function concernedBy(kind: string, id: string): Promise<Concerned | undefined> {
  const hit = known.get(id);
  if (hit && Date.now() - hit.at < PLACE_TTL_MS) return hit.value;
  for (const resolve of resolversByKind[kind] ?? everyResolver) {
    const value = await resolve(id);
    if (value) {
      known.set(id, { value, at: Date.now() });
      return value;
    }
  }
  return undefined;
}

const ACCOUNT_CLOSED = 'account.closed';

/** A move changes where someone belongs: read them again, and show the move in the trail they left too. */
const MOVES = new Set(['elder.move', 'staff.move']);

async function communitiesLeft(event: AuditEventItem): Promise<string[]> {
  if (!MOVES.has(event.action)) return [];
  const places = event.changes.filter((change) => change.field === 'communityId' || change.field === 'place').flatMap((change) => [change.before, change.after]);
  const communities = await Promise.all(places.map(async (id) => (id && (await communityInfo(id)) ? id : undefined)));
  return communities.filter((id): id is string => id !== undefined);
}

/** Where a closed account belonged, as its closing event says: the account is gone when the event is indexed. */
async function placeOfClosing(event: AuditEventItem): Promise<Concerned | undefined> {
  const communityId = event.changes.find((change) => change.field === AUDIT_PLACED_IN)?.before;
  if (!communityId) return undefined;
  const community = await communityInfo(communityId);
  return community && { name: CLOSED_ACCOUNT_NAME, communityId, centreId: community.centreId, countyId: community.countyId };
}

/** The copies of one event: the concerned community's trail (if any), the county's, and the actor's. */
export async function trailEntriesOf(event: AuditEventItem): Promise<AuditTrailEntryItem[]> {
  if (MOVES.has(event.action)) known.delete(event.concerns);
  // A closed account is named 已注销用户, never by a name remembered from before.
  const closing = event.action === ACCOUNT_CLOSED;
  const found = (await concernedBy(event.subject.split('#')[0], event.concerns)) ?? (closing ? await placeOfClosing(event) : undefined);
  if (closing) known.delete(event.concerns);
  const concerned = found && closing ? { ...found, name: CLOSED_ACCOUNT_NAME } : found;
  const communities = [...new Set([...(concerned?.communityId ? [concerned.communityId] : []), ...(await communitiesLeft(event))])];
  const trails = [...communities.map(communityTrail), ...(concerned?.countyId ? [countyTrail(concerned.countyId)] : []), actorTrail(event.actorId)];
  const copy = {
    eventId: event.eventId,
    subject: event.subject,
    action: event.action,
    actorId: event.actorId,
    actorName: event.actorName,
    actorRole: event.actorRole,
    at: event.at,
    concerns: event.concerns,
    concernsName: concerned?.name ?? '',
    communityId: concerned?.communityId,
    centreId: concerned?.centreId,
    countyId: concerned?.countyId,
    changes: event.changes,
  };
  return trails.map((trail) => ({ ...copy, trail }));
}

/** The consumer's work for one stream record: only new events (events are never changed or removed). */
export async function indexAuditEvent(change: Change): Promise<void> {
  if (change.kind !== 'INSERT' || !change.after) return;
  const entries = await trailEntriesOf(change.after as AuditEventItem);
  const { unprocessed } = await AuditTrailEntry.put(entries).go();
  // The record is delivered again; putting the same copies twice is harmless.
  if (unprocessed.length > 0) throw new Error(`${unprocessed.length} audit trail copies were not written`);
}

/**
 * Every audit event copied into the trails again: for a table whose events were written before the consumer
 * ran (the local demo after its seed, a first deployment). A scan, run with no traffic, never on a request;
 * putting copies already there changes nothing.
 */
export async function rebuildAuditTrails(): Promise<number> {
  const { data: events } = await AuditEvent.scan.go({ pages: 'all' });
  const entries = (await Promise.all(events.map((event) => trailEntriesOf(event)))).flat();
  if (entries.length) await AuditTrailEntry.put(entries).go();
  return entries.length;
}
