import { encodeTime } from 'ulid';
import { addDays, auditActionName, auditRoleName, type AuditEntry, type AuditPage, type AuditQuery } from '@yilin/contract';
import type * as z from 'zod/mini';
import { may, relationTo } from '../../access/policy';
import { instantOf } from '../../platform/clock';
import { badRequest, forbidden } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { AuditEvent, type AuditEventItem } from '../../store/audit';
import { getElder } from '../people/data/elders';
import { elderNotFound, loadElderFor } from '../people/elders';
import { communityInfo } from '../people/places';
import { assertCommunityAccess } from '../wishes/review';
import { AuditTrailEntry, actorTrail, communityTrail, countyTrail } from './audit-entities';

/**
 * Searching the audit trail, newest first, a page at a time: the county's (its admin), a community's (its
 * workers, the centre's, the county's admin), and an elder's own log (the elder and bound family). Each
 * page is one Query: a trail partition (audit-entities.ts) or, for one elder, the events concerning them.
 * Nothing here writes: the trail is read-only through the API.
 */

type Filters = z.infer<typeof AuditQuery>;

export const AUDIT_PAGE_SIZE = 30;

/** Event ids between two ids, the upper one excluded; ids are ULIDs, so a time is a prefix. */
interface Range {
  from?: string;
  below?: string;
}

/** The first instant of a China business date, as the time prefix of a ULID. */
const datePrefix = (date: string) => encodeTime(instantOf(date, '00:00').getTime(), 10);

function rangeOf(filters: Filters): Range {
  if (filters.from && filters.to && filters.from > filters.to) {
    throw badRequest('INVALID_INPUT', '开始日期不能晚于结束日期。', { field: 'from' });
  }
  // A prefix sorts before every id that starts with it, so the end of `to` and `before` compare as strings.
  const uppers = [filters.to ? datePrefix(addDays(filters.to, 1)) : undefined, filters.before].filter((id): id is string => id !== undefined);
  return { from: filters.from ? datePrefix(filters.from) : undefined, below: uppers.sort()[0] };
}

/** Conditions on what a page keeps besides its key range, ANDed. */
interface Narrowing {
  actorId?: string;
  /** Leaves out what this person did (the elder's own doings in their own log). */
  notBy?: string;
  communityId?: string;
  countyId?: string;
}

// The same key conditions for both queries: ElectroDB's chains differ in type only by entity.
interface RangedQuery<Q> {
  between(a: { eventId: string }, b: { eventId: string }): Q;
  gte(a: { eventId: string }): Q;
  lt(a: { eventId: string }): Q;
}

function ranged<Q>(query: RangedQuery<Q> & Q, range: Range): Q {
  if (range.from && range.below) return query.between({ eventId: range.from }, { eventId: range.below });
  if (range.from) return query.gte({ eventId: range.from });
  if (range.below) return query.lt({ eventId: range.below });
  return query;
}

/** `between` includes its upper id, which a `before` cursor must not show again. */
const aboveBelow = (range: Range) => (range.from && range.below ? range.below : undefined);

const and = (...conditions: string[]) => conditions.filter(Boolean).join(' AND ');

// One more than a page: whether there is an older page is known without another request.
const goOptions = { order: 'desc', count: AUDIT_PAGE_SIZE + 1, limit: AUDIT_PAGE_SIZE + 1 } as const;

async function trailPage(trail: string, range: Range, narrowing: Narrowing) {
  const upper = aboveBelow(range);
  const { data } = await ranged(AuditTrailEntry.query.byTrail({ trail }), range)
    .where((attr, op) =>
      and(
        upper ? op.lt(attr.eventId, upper) : '',
        narrowing.communityId ? op.eq(attr.communityId, narrowing.communityId) : '',
        narrowing.countyId ? op.eq(attr.countyId, narrowing.countyId) : '',
      ),
    )
    .go(goOptions);
  return data;
}

async function concernPage(concerns: string, range: Range, narrowing: Narrowing) {
  const upper = aboveBelow(range);
  const { data } = await ranged(AuditEvent.query.byConcern({ concerns }), range)
    .where((attr, op) =>
      and(
        upper ? op.lt(attr.eventId, upper) : '',
        narrowing.actorId ? op.eq(attr.actorId, narrowing.actorId) : '',
        narrowing.notBy ? op.ne(attr.actorId, narrowing.notBy) : '',
      ),
    )
    .go(goOptions);
  return data;
}

type Shown = Pick<AuditEventItem, 'eventId' | 'at' | 'action' | 'actorId' | 'actorName' | 'actorRole' | 'concerns' | 'changes'> & { concernsName?: string };

function entryOf(item: Shown, concernsName?: string): AuditEntry {
  return {
    eventId: item.eventId,
    at: item.at,
    action: item.action,
    actionName: auditActionName(item.action),
    actorId: item.actorId,
    actorName: item.actorName,
    actorRole: item.actorRole,
    actorRoleName: auditRoleName(item.actorRole),
    concernsId: item.concerns,
    concernsName: concernsName ?? item.concernsName ?? '',
    changes: item.changes.map(({ field, before, after }) => ({ field, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) })),
  };
}

function pageOf(items: Shown[], concernsName?: string): AuditPage {
  const shown = items.slice(0, AUDIT_PAGE_SIZE);
  const more = items.length > AUDIT_PAGE_SIZE;
  return { entries: shown.map((item) => entryOf(item, concernsName)), ...(more ? { before: shown[shown.length - 1].eventId } : {}) };
}

/** A place's trail: by one elder (their events, if they are of the place), by one person, or all of it. */
async function searchPlace(place: { communityId?: string; countyId: string }, filters: Filters): Promise<AuditPage> {
  const range = rangeOf(filters);
  if (filters.elderId) {
    const elder = await getElder(filters.elderId);
    const community = elder ? await communityInfo(elder.communityId) : undefined;
    const inPlace = place.communityId ? elder?.communityId === place.communityId : community?.countyId === place.countyId;
    // An elder of another place is no business of this search: told as not found, like every elder route.
    if (!elder || !inPlace) throw elderNotFound();
    return pageOf(await concernPage(elder.elderId, range, { actorId: filters.actorId }), elder.name);
  }
  if (filters.actorId) {
    const where = place.communityId ? { communityId: place.communityId } : { countyId: place.countyId };
    return pageOf(await trailPage(actorTrail(filters.actorId), range, where));
  }
  return pageOf(await trailPage(place.communityId ? communityTrail(place.communityId) : countyTrail(place.countyId), range, {}));
}

export async function countyAudit(session: Session, countyId: string, filters: Filters): Promise<AuditPage> {
  if (!may('county.readAudit', relationTo(session, { countyId }, false))) throw forbidden('NOT_YOUR_COUNTY', '您只能查看本县的操作记录。');
  return searchPlace({ countyId }, filters);
}

export async function communityAudit(session: Session, communityId: string, filters: Filters): Promise<AuditPage> {
  const community = await assertCommunityAccess(session, communityId, 'community.readAudit');
  return searchPlace({ communityId, countyId: community.countyId }, filters);
}

/**
 * Who read the elder's health record and who changed the elder's data: what others did concerning the
 * elder (the elder's own doings are theirs to know already). Anyone but the elder and bound family: 404.
 */
export async function elderAccessLog(session: Session, elderId: string, filters: Filters): Promise<AuditPage> {
  const { elder } = await loadElderFor(session, elderId, 'elder.readAccessLog');
  return pageOf(await concernPage(elderId, rangeOf(filters), { actorId: filters.actorId, notBy: elderId }), elder.name);
}
