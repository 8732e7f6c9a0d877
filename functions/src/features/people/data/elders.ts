import type { FactChange } from '../rules/verification';
import type { Ability, ElderRecordInput, LivingSituation, SubsidyCategory, UpdateContactInput, VerificationInput } from '@yilin/contract';
import { Elder, ElderIdentity, ElderIdentityVersion, ElderLeft, type ElderItem } from '../entities';

/** The one partition of the retention job's queue (elders off the register by the moment they left). */
const LEFT_QUEUE = 'left';
import { auditOf, recordAudit, subjectOf, type Actor } from '../../../store/audit';
import { writeTogether, type Part } from '../../../store/transactions';
import { rememberRequest, type IdempotencyClaim } from '../../../store/idempotency';
import { checkCursor, rethrowBadCursor } from '../../../store/errors';

export async function getElder(elderId: string): Promise<ElderItem | undefined> {
  const { data: elder } = await Elder.get({ elderId }).go();
  return elder ?? undefined;
}

export async function getElders(elderIds: string[]): Promise<ElderItem[]> {
  if (elderIds.length === 0) return [];
  const { data: elders } = await Elder.get(elderIds.map((elderId) => ({ elderId }))).go();
  return elders;
}

export interface ElderFilter {
  /** Part of the name. */
  name?: string;
  /** Only elders whose subsidy category no worker has verified yet. */
  pending?: boolean;
  ability?: Ability;
  livingSituation?: LivingSituation;
  /** The verified subsidy category; with `pending`, the one requested. */
  category?: SubsidyCategory;
}

/**
 * A community's elders a page at a time; with a filter, every match at once (one Query of the community's
 * partition, filtered: a community has hundreds of elders, not millions), so a search never shows an
 * empty page while more matches wait behind a cursor.
 */
export async function eldersOfCommunity(communityId: string, cursor: string | undefined, limit: number, filter: ElderFilter = {}) {
  try {
    if (Object.values(filter).some(Boolean)) {
      const { data: matches } = await Elder.query
        .byCommunity({ communityId })
        .where((attr, op) =>
          [
            filter.name ? op.contains(attr.name, filter.name) : '',
            filter.pending ? op.notExists(attr.subsidyCategoryVerified) : '',
            filter.ability ? op.eq(attr.ability, filter.ability) : '',
            filter.livingSituation ? op.eq(attr.livingSituation, filter.livingSituation) : '',
            filter.category ? op.eq(filter.pending ? attr.subsidyCategoryRequested : attr.subsidyCategoryVerified, filter.category) : '',
          ]
            .filter(Boolean)
            .join(' AND '),
        )
        .go({ pages: 'all' });
      return { items: matches, cursor: null };
    }
    const page = await Elder.query.byCommunity({ communityId }).go({ cursor: checkCursor(cursor, 'gsi1') ?? null, limit });
    return { items: page.data, cursor: page.cursor };
  } catch (error) {
    return rethrowBadCursor(error);
  }
}

export async function createElder(elder: ElderItem): Promise<void> {
  await Elder.create(elder).go();
}

/** Updates contact details of an existing elder (the patch fails if the elder vanished meanwhile). */
export async function updateElderContact(elderId: string, changes: UpdateContactInput, at: string): Promise<ElderItem> {
  const { data: updated } = await Elder.patch({ elderId })
    .set({ ...changes, updatedAt: at })
    .go({ response: 'all_new' });
  return updated as ElderItem;
}

/**
 * Writes the verified facts and their audit event (each changed field before and after) in one
 * transaction, conditioned on the profile being unchanged since it was read, so two workers verifying at
 * once cannot interleave.
 */
export async function applyVerification(
  elder: ElderItem,
  facts: VerificationInput,
  changes: FactChange[],
  by: Actor,
  at: string,
  countyId: string,
): Promise<'applied' | 'stale'> {
  // A corrected birth date moves the elder's entry in the county's name-and-birth-date list with it.
  const birthMoved = facts.birthDate !== elder.birthDate;
  const outcome = await writeTogether({
    oldIdentity: birthMoved
      ? ({ ElderIdentity: identities }) => identities.delete({ countyId, name: elder.name, birthDate: elder.birthDate, elderId: elder.elderId }).commit()
      : undefined,
    newIdentity: birthMoved
      ? ({ ElderIdentity: identities }) =>
          identities.put({ countyId, name: elder.name, birthDate: facts.birthDate, elderId: elder.elderId, communityId: elder.communityId }).commit()
      : undefined,
    // A registration that checked the new name and birth date before this change looks again.
    newVersion: birthMoved
      ? ({ ElderIdentityVersion: versions }) => versions.update({ countyId, name: elder.name, birthDate: facts.birthDate }).add({ version: 1 }).commit()
      : undefined,
    elder: ({ Elder: elders }) =>
      elders
        .patch({ elderId: elder.elderId })
        .set({
          ...(facts.sex ? { sex: facts.sex } : {}),
          birthDate: facts.birthDate,
          subsidyCategoryVerified: facts.subsidyCategory,
          mobilityLimited: facts.mobilityLimited,
          verifiedByUserId: by.userId,
          verifiedByName: by.name,
          verifiedAt: at,
          updatedAt: at,
        })
        .where((attr, op) => op.eq(attr.updatedAt, elder.updatedAt))
        .commit(),
    audit:
      changes.length > 0
        ? recordAudit({
            subject: subjectOf('elder', elder.elderId),
            concerns: elder.elderId,
            action: VERIFY_ACTION,
            by,
            at,
            changes: changes.map((change) => ({ field: change.field, before: change.from ?? undefined, after: change.to })),
          })
        : undefined,
  });
  return outcome.written ? 'applied' : 'stale';
}

const VERIFY_ACTION = 'elder.verify';

/** Who changed which verified field, when, from what to what: newest first, from the audit trail. */
export async function verificationHistory(elderId: string): Promise<FactChangeRecord[]> {
  const events = await auditOf(subjectOf('elder', elderId), { action: VERIFY_ACTION });
  return events.flatMap((event) =>
    event.changes.map((change) => ({
      field: change.field as FactChange['field'],
      from: change.before ?? null,
      to: change.after ?? '',
      byUserId: event.actorId,
      byName: event.actorName,
      at: event.at,
    })),
  );
}

export interface FactChangeRecord extends FactChange {
  byUserId: string;
  byName: string;
  at: string;
}

/** Elders already registered in the county under this name and birth date (a likely duplicate). */
export async function eldersNamed(countyId: string, name: string, birthDate: string) {
  const { data: found } = await ElderIdentity.query.byNameAndBirth({ countyId, name, birthDate }).go();
  return found;
}

/** Items one registration writes: the name-and-birth-date version, user, profile, county entry, audit event. */
export const ELDER_RECORD_ITEMS = 5;

/** The version of the county's entries under this name and birth date, read before looking for duplicates. */
export async function identityVersion(countyId: string, name: string, birthDate: string): Promise<number | undefined> {
  const { data } = await ElderIdentityVersion.get({ countyId, name, birthDate }).go({ consistent: true });
  return data?.version;
}

/**
 * The transaction parts that register one elder: the elder's user (their account, claimed later with a
 * code), the profile, the county's name-and-birth-date entry, and the audit event of the worker who
 * registered them. Registration by form and by spreadsheet both write exactly these.
 */
export function elderRecordParts(elder: ElderItem, countyId: string, by: Actor, at: string, seenVersion: number | undefined): Part[] {
  const key = { countyId, name: elder.name, birthDate: elder.birthDate };
  return [
    // Only if nobody registered under this name and birth date since the duplicate check read the version.
    ({ ElderIdentityVersion: versions }) =>
      versions
        .upsert({ ...key, version: (seenVersion ?? 0) + 1 })
        .where((attr, op) => (seenVersion === undefined ? op.notExists(attr.version) : op.eq(attr.version, seenVersion)))
        .commit(),
    ({ User: users }) =>
      users.create({ userId: elder.elderId, role: 'elder', name: elder.name, communityId: elder.communityId, centreId: elder.centreId, countyId, createdAt: at }).commit(),
    ({ Elder: elders }) => elders.create(elder).commit(),
    ({ ElderIdentity: identities }) =>
      identities.create({ countyId, name: elder.name, birthDate: elder.birthDate, elderId: elder.elderId, communityId: elder.communityId }).commit(),
    recordAudit({ subject: subjectOf('elder', elder.elderId), concerns: elder.elderId, action: 'elder.register', by, at, changes: [] }),
  ];
}

/**
 * Registers one elder by a worker's form: the record's parts and the request's idempotency record in one
 * transaction, so a retried form gives the same elder once, and two copies racing cannot both write.
 */
export async function registerElderAtomically(
  elder: ElderItem,
  countyId: string,
  seenVersion: number | undefined,
  request: IdempotencyClaim,
  by: Actor,
  at: string,
  nowSeconds: number,
) {
  const outcome = await writeTogether({ record: elderRecordParts(elder, countyId, by, at, seenVersion), request: rememberRequest(request, elder.elderId, nowSeconds) });
  if (outcome.written) return 'registered' as const;
  if (outcome.failed.includes('request')) return 'duplicate-request' as const;
  // Someone registered under the same name and birth date since the duplicate check: look again.
  return 'registered-meanwhile' as const;
}

/**
 * Moves an elder to another community (and its centre): the profile, the elder's account and the
 * county's name entry change together with the audit event, conditioned on the profile being the one
 * read. Orders and standing orders follow through the change stream (canteen's elder-changed consumer).
 */
export async function moveElderAtomically(elder: ElderItem, to: { communityId: string; centreId: string; countyId: string }, by: Actor, at: string) {
  const outcome = await writeTogether({
    elder: ({ Elder: elders }) =>
      elders
        .patch({ elderId: elder.elderId })
        .set({ communityId: to.communityId, centreId: to.centreId, updatedAt: at })
        .where((attr, op) => op.eq(attr.updatedAt, elder.updatedAt))
        .commit(),
    user: ({ User: users }) => users.patch({ userId: elder.elderId }).set({ communityId: to.communityId, centreId: to.centreId }).commit(),
    identity: ({ ElderIdentity: identities }) =>
      identities.upsert({ countyId: to.countyId, name: elder.name, birthDate: elder.birthDate, elderId: elder.elderId, communityId: to.communityId }).commit(),
    audit: recordAudit({
      subject: subjectOf('elder', elder.elderId),
      concerns: elder.elderId,
      action: 'elder.move',
      by,
      at,
      changes: [{ field: 'communityId', before: elder.communityId, after: to.communityId }],
    }),
  });
  return outcome.written ? ('moved' as const) : ('stale' as const);
}

/** Sets whether the elder is on the register, with its audit event; conditioned like a move. */
export async function setElderStatusAtomically(elder: ElderItem, status: ElderItem['status'], note: string, by: Actor, at: string) {
  const wasOff = (elder.status ?? 'active') !== 'active' && elder.statusChangedAt;
  const outcome = await writeTogether({
    // The retention job's queue follows the register: an elder who left is in it from the moment they left.
    stillLeft: wasOff ? ({ ElderLeft: left }) => left.delete({ queue: LEFT_QUEUE, leftAt: elder.statusChangedAt!, elderId: elder.elderId }).commit() : undefined,
    left: status !== 'active' ? ({ ElderLeft: left }) => left.put({ queue: LEFT_QUEUE, leftAt: at, elderId: elder.elderId }).commit() : undefined,
    elder: ({ Elder: elders }) =>
      elders
        .patch({ elderId: elder.elderId })
        .set({ status, statusChangedAt: at, updatedAt: at })
        .where((attr, op) => op.eq(attr.updatedAt, elder.updatedAt))
        .commit(),
    audit: recordAudit({
      subject: subjectOf('elder', elder.elderId),
      concerns: elder.elderId,
      action: 'elder.status',
      by,
      at,
      changes: [{ field: 'status', before: elder.status ?? 'active', after: status }, ...(note ? [{ field: 'note', after: note }] : [])],
    }),
  });
  return outcome.written ? ('set' as const) : ('stale' as const);
}

/**
 * The profile of an elder a worker registers, by form or spreadsheet row: the category entered is the one
 * the worker saw proof of, so it is recorded as requested and verified, by them.
 */
export function registeredElder(
  record: ElderRecordInput,
  place: { elderId: string; communityId: string; centreId: string },
  by: Actor,
  at: string,
): ElderItem {
  return {
    ...place,
    name: record.name,
    sex: record.sex,
    birthDate: record.birthDate,
    phone: record.phone,
    address: record.address,
    livingSituation: record.livingSituation,
    ability: record.ability,
    subsidyCategoryRequested: record.subsidyCategory,
    subsidyCategoryVerified: record.subsidyCategory,
    ...(record.subsidyProofNote ? { subsidyProofNote: record.subsidyProofNote } : {}),
    verifiedByUserId: by.userId,
    verifiedByName: by.name,
    verifiedAt: at,
    mobilityLimited: record.mobilityLimited,
    dietary: record.dietary,
    emergencyContacts: record.emergencyContacts,
    status: 'active',
    createdAt: at,
    updatedAt: at,
  };
}

/** Elders who left the register before a moment, oldest first: the retention job's queue. */
export async function eldersLeftBefore(before: string) {
  const { data } = await ElderLeft.query.byTime({ queue: LEFT_QUEUE }).lt({ leftAt: before }).go({ pages: 'all' });
  return data;
}

/** Takes an elder off the retention job's queue (done, or back on the register). */
export async function dropLeftEntry(elderId: string, leftAt: string): Promise<void> {
  await ElderLeft.delete({ queue: LEFT_QUEUE, leftAt, elderId }).go();
}
