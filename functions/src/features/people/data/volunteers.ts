import { Entity, type EntityItem } from 'electrodb';
import { volunteerStatuses } from '@yilin/contract';
import { recordAudit, subjectOf, type Actor } from '../../../store/audit';
import { checkCursor, rethrowBadCursor } from '../../../store/errors';
import { client, gsi1, primary, service, table } from '../../../store/keys';
import { writeTogether, type Part } from '../../../store/transactions';
import type { UserItem } from '../entities';

/**
 * A volunteer (志愿者): one per user, kept beside the user so the micro-wishes can ask one item whether
 * someone may serve, in which community, and whether they are a party member.
 *
 * Access patterns: a volunteer by user id; a community's volunteers, pending before confirmed and the
 * newest first in each (gsi1 sorted by status, then the user's ULID, read in descending order).
 */
export const Volunteer = new Entity(
  {
    model: { entity: 'volunteer', version: '1', service },
    attributes: {
      userId: { type: 'string', required: true },
      /** As the user calls themselves; renamed with the user. */
      name: { type: 'string', required: true },
      phone: { type: 'string', required: true },
      communityId: { type: 'string', required: true },
      centreId: { type: 'string', required: true },
      countyId: { type: 'string', required: true },
      status: { type: volunteerStatuses, required: true },
      partyMember: { type: 'boolean', required: true, default: false },
      signedUpAt: { type: 'string', required: true },
      confirmedByUserId: { type: 'string' },
      confirmedByName: { type: 'string' },
      confirmedAt: { type: 'string' },
      partyMemberMarkedByUserId: { type: 'string' },
      partyMemberMarkedByName: { type: 'string' },
      partyMemberMarkedAt: { type: 'string' },
      /** Set while the volunteer's account is being closed: from then on nothing new may be taken on. */
      closingSince: { type: 'string' },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: primary(['userId']),
      byCommunity: gsi1(['communityId'], ['status', 'userId']),
    },
  },
  { table, client },
);

export type VolunteerItem = EntityItem<typeof Volunteer>;

export async function getVolunteer(userId: string): Promise<VolunteerItem | undefined> {
  const { data } = await Volunteer.get({ userId }).go({ consistent: true });
  return data ?? undefined;
}

/** A page of a community's volunteers: `pending` sorts after `confirmed`, so descending puts it first. */
export async function volunteersOfCommunity(communityId: string, cursor: string | undefined, limit: number) {
  try {
    const page = await Volunteer.query.byCommunity({ communityId }).go({ order: 'desc', cursor: checkCursor(cursor, 'gsi1') ?? null, limit });
    return { items: page.data, cursor: page.cursor };
  } catch (error) {
    return rethrowBadCursor(error);
  }
}

/**
 * A family account becomes a volunteer, in one transaction: the user's role and community change only
 * while it is still a family account, and the volunteer is created only if there is none yet. False when
 * either condition failed (a retry that already went through, or a change meanwhile): nothing was written.
 */
export async function signUpVolunteer(user: UserItem, volunteer: VolunteerItem): Promise<boolean> {
  const outcome = await writeTogether({
    user: ({ User: users }) =>
      users
        .patch({ userId: user.userId })
        .set({ role: 'volunteer', name: volunteer.name, communityId: volunteer.communityId, centreId: volunteer.centreId, countyId: volunteer.countyId })
        // Still a relative with no binding, also one made at this very moment (it counts on the account).
        .where((attr, op) => `${op.eq(attr.role, 'family')} AND (${op.notExists(attr.bindingCount)} OR ${op.eq(attr.bindingCount, 0)})`)
        .commit(),
    volunteer: ({ Volunteer: volunteers }) => volunteers.create(volunteer).commit(),
  });
  return outcome.written;
}

interface Change {
  by: Actor;
  at: string;
}

const audit = (volunteer: VolunteerItem, action: string, change: Change, field: string, before: string, after: string) =>
  recordAudit({
    subject: subjectOf('volunteer', volunteer.userId),
    concerns: volunteer.userId,
    action,
    by: change.by,
    at: change.at,
    changes: [{ field, before, after }],
  });

/** Pending → confirmed with who and when, and its audit event; false if it was no longer pending. */
export async function confirmVolunteer(volunteer: VolunteerItem, change: Change): Promise<boolean> {
  const outcome = await writeTogether({
    volunteer: ({ Volunteer: volunteers }) =>
      volunteers
        .patch({ userId: volunteer.userId })
        .set({ status: 'confirmed', confirmedByUserId: change.by.userId, confirmedByName: change.by.name, confirmedAt: change.at, updatedAt: change.at })
        .where((attr, op) => op.eq(attr.status, 'pending'))
        .commit(),
    audit: audit(volunteer, 'volunteer.confirm', change, 'status', 'pending', 'confirmed'),
  });
  return outcome.written;
}

/** Marks or unmarks a confirmed volunteer as a party member, with its audit event; false if either changed meanwhile. */
export async function setPartyMember(volunteer: VolunteerItem, partyMember: boolean, change: Change): Promise<boolean> {
  const outcome = await writeTogether({
    volunteer: ({ Volunteer: volunteers }) =>
      volunteers
        .patch({ userId: volunteer.userId })
        .set({ partyMember, partyMemberMarkedByUserId: change.by.userId, partyMemberMarkedByName: change.by.name, partyMemberMarkedAt: change.at, updatedAt: change.at })
        .where((attr, op) => `${op.eq(attr.status, 'confirmed')} AND ${op.eq(attr.partyMember, volunteer.partyMember)}`)
        .commit(),
    audit: audit(volunteer, 'volunteer.partyMember', change, 'partyMember', String(volunteer.partyMember), String(partyMember)),
  });
  return outcome.written;
}

/** How long a closing's mark holds: a closing cut off half-way must not bar the volunteer for good. */
const CLOSING_MARK_MS = 10 * 60 * 1000;

/**
 * A part for a transaction that gives a volunteer something to carry (a claim, a redemption): it fails if, at that
 * moment, they are closing their account. Closing marks the sign-up first and only then looks for what is open,
 * so a claim or a redemption either is seen by that look or cannot be written at all.
 */
export const volunteerNotClosing = (userId: string, now: Date): Part => ({ Volunteer: volunteers }) =>
  volunteers
    .check({ userId })
    .where((attr, op) => `${op.notExists(attr.closingSince)} OR ${op.lt(attr.closingSince, new Date(now.getTime() - CLOSING_MARK_MS).toISOString())}`)
    .commit();

/**
 * Marks the sign-up of a volunteer whose account is being closed, or takes the mark off again when the closing is
 * refused (only its own mark: another closing asked at the same moment keeps its). Through a transaction, which
 * is retried when it meets a claim's check of the same item. No sign-up (a relative, or a closing asked again
 * after it went): nothing to mark.
 */
export async function markVolunteerClosing(userId: string, at: string, closing: boolean): Promise<void> {
  await writeTogether({
    mark: ({ Volunteer: volunteers }) =>
      closing
        ? volunteers.patch({ userId }).set({ closingSince: at }).commit()
        : volunteers.patch({ userId }).remove(['closingSince']).where((attr, op) => op.eq(attr.closingSince, at)).commit(),
  });
}
