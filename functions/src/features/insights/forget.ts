import { CLOSED_ACCOUNT_NAME } from '@yilin/contract';
import { AuditEvent } from '../../store/audit';
import { eachOf, ignoreMissing } from '../../store/forget';
import { AuditTrailEntry, actorTrail, communityTrail, countyTrail, type AuditTrailEntryItem } from './audit-entities';

/**
 * The audit trail keeps what a closed account did (the law asks for it), under the name 已注销用户: the event
 * and its copies in the trails. The person's own trail (`actor#<id>`) says which events those are.
 */

const trailsOf = (copy: AuditTrailEntryItem) => [
  actorTrail(copy.actorId),
  ...(copy.communityId ? [communityTrail(copy.communityId)] : []),
  ...(copy.countyId ? [countyTrail(copy.countyId)] : []),
];

/** A value that is the person's name, alone or with their relation (王磊（儿子）), as a closed account's; any other as it is. */
const renamed = (value: string, name: string) =>
  value === name ? CLOSED_ACCOUNT_NAME : value.startsWith(`${name}（`) ? `${CLOSED_ACCOUNT_NAME}${value.slice(name.length)}` : value;

/** What an event changed, with the person's name (a relative agreeing for the elder) said as a closed account. */
const withoutName = (changes: AuditTrailEntryItem['changes'], name: string) =>
  changes.map((change) => ({
    field: change.field,
    ...(change.before !== undefined ? { before: renamed(change.before, name) } : {}),
    ...(change.after !== undefined ? { after: renamed(change.after, name) } : {}),
  }));

async function renameCopies(copy: AuditTrailEntryItem, set: Partial<Pick<AuditTrailEntryItem, 'actorName' | 'concernsName' | 'changes'>>): Promise<void> {
  await Promise.all(
    trailsOf(copy).map((trail) =>
      AuditTrailEntry.patch({ trail, eventId: copy.eventId })
        .set(set)
        .go()
        // A trail the copy never reached (the consumer indexed it elsewhere): nothing to rename there.
        .catch(ignoreMissing),
    ),
  );
}

/** The copies of everything the person did (their own trail): read once by a closing, for each use. */
export async function actorTrailOf(userId: string): Promise<AuditTrailEntryItem[]> {
  const { data } = await AuditTrailEntry.query.byTrail({ trail: actorTrail(userId) }).go({ pages: 'all' });
  return data;
}

/** Everything the person did (`done`: their trail), and what was done about them (a volunteer confirmed), as a closed account. */
export async function forgetActor(person: { userId: string; name: string }, place: { communityId?: string; countyId?: string }, done: AuditTrailEntryItem[]): Promise<void> {
  const { userId, name } = person;
  await eachOf(
    done.filter((copy) => copy.actorName !== CLOSED_ACCOUNT_NAME || JSON.stringify(copy.changes).includes(name)),
    async (copy) => {
      const set = { actorName: CLOSED_ACCOUNT_NAME, changes: withoutName(copy.changes, name) };
      await AuditEvent.patch({ subject: copy.subject, eventId: copy.eventId }).set(set).go().catch(ignoreMissing);
      await renameCopies(copy, set);
    },
  );
  const { data: about } = await AuditEvent.query.byConcern({ concerns: userId }).go({ pages: 'all' });
  await eachOf(about, (event) =>
    renameCopies(
      { ...event, trail: '', concernsName: '', communityId: place.communityId, countyId: place.countyId } as AuditTrailEntryItem,
      { concernsName: CLOSED_ACCOUNT_NAME },
    ),
  );
}
