import { Entity, type EntityItem } from 'electrodb';
import { appointedRoles, staffStatuses, type Role } from '@yilin/contract';
import { recordAudit, subjectOf, type Actor, type FieldChange } from '../../../store/audit';
import { checkCursor, rethrowBadCursor } from '../../../store/errors';
import { client, gsi1, gsi2, primary, service, table } from '../../../store/keys';
import { rememberRequest, type IdempotencyClaim } from '../../../store/idempotency';
import { writeTogether } from '../../../store/transactions';
import { WechatIdentity, type UserItem } from '../entities';

/**
 * A post on the county's staff list: a worker of a community or a staff member of a centre, as the admin
 * added them (name, phone, place, status). It sits beside the user item it describes and is written in the
 * same transaction whenever the user's role, place or status changes; the user item stays the authority a
 * session is checked against.
 *
 * Access patterns: a post by user id; the county's posts (gsi1), in the order they were added; a centre's
 * posts (gsi2).
 */
export const StaffPost = new Entity(
  {
    model: { entity: 'staffPost', version: '1', service },
    attributes: {
      userId: { type: 'string', required: true },
      countyId: { type: 'string', required: true },
      role: { type: appointedRoles, required: true },
      name: { type: 'string', required: true },
      phone: { type: 'string', required: true },
      /** A worker's community; absent for service staff. */
      communityId: { type: 'string' },
      centreId: { type: 'string', required: true },
      status: { type: staffStatuses, required: true },
      /** A staff member's number (工号), skills and photo, as their centre keeps them; the elder sees them at the door. */
      staffNumber: { type: 'string' },
      skills: { type: 'list', items: { type: 'string' } },
      photoKey: { type: 'string' },
      createdAt: { type: 'string', required: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: primary(['userId']),
      byCounty: gsi1(['countyId'], ['userId']),
      // A centre's workers and staff: the staff list and who can be sent on a visit.
      byCentre: gsi2(['centreId'], ['userId']),
    },
  },
  { table, client },
);

export type StaffPostItem = EntityItem<typeof StaffPost>;

export interface Place {
  communityId?: string;
  centreId: string;
}

const userSubject = (userId: string) => subjectOf('user', userId);

export async function getStaffPost(userId: string): Promise<StaffPostItem | undefined> {
  const { data } = await StaffPost.get({ userId }).go({ consistent: true });
  return data ?? undefined;
}

/** Several posts at once (the staff members a list of visits names), in one batch read. */
export async function getStaffPosts(userIds: string[]): Promise<StaffPostItem[]> {
  if (userIds.length === 0) return [];
  const { data } = await StaffPost.get(userIds.map((userId) => ({ userId }))).go();
  return data;
}

/** A centre's service staff (its workers aside), oldest first. */
export async function staffOfCentre(centreId: string): Promise<StaffPostItem[]> {
  const { data } = await StaffPost.query.byCentre({ centreId }).go({ pages: 'all' });
  return data.filter((post) => post.role === 'staff');
}

/** A page of the county's workers and staff, oldest first (user ids are ULIDs). */
export async function staffPostsOfCounty(countyId: string, cursor: string | undefined, limit: number) {
  try {
    const page = await StaffPost.query.byCounty({ countyId }).go({ cursor: checkCursor(cursor, 'gsi1') ?? null, limit });
    return { items: page.data, cursor: page.cursor };
  } catch (error) {
    return rethrowBadCursor(error);
  }
}

/**
 * The account (no WeChat yet) and its post, with the audit event and (from a request) its idempotency
 * record, in one transaction. False when the request's key was used meanwhile by the same request retried.
 */
export async function addStaffAccount(post: StaffPostItem, by: Actor, request?: { claim: IdempotencyClaim; nowSeconds: number }): Promise<boolean> {
  const outcome = await writeTogether({
    user: ({ User: users }) =>
      users
        .create({
          userId: post.userId,
          role: post.role,
          name: post.name,
          communityId: post.communityId,
          centreId: post.centreId,
          countyId: post.countyId,
          status: 'invited',
          createdAt: post.createdAt,
        })
        .commit(),
    post: ({ StaffPost: posts }) => posts.create(post).commit(),
    audit: recordAudit({
      subject: userSubject(post.userId),
      concerns: post.userId,
      action: 'staff.add',
      by,
      at: post.createdAt,
      changes: [
        { field: 'role', after: post.role },
        { field: 'place', after: post.communityId ?? post.centreId },
        { field: 'status', after: 'invited' },
      ],
    }),
    request: request ? rememberRequest(request.claim, post.userId, request.nowSeconds) : undefined,
  });
  if (!outcome.written && !outcome.failed.every((part) => part === 'request')) {
    throw new Error(`Could not add staff account ${post.userId}: ${outcome.failed.join(',')}`);
  }
  return outcome.written;
}

/**
 * Moves a worker or staff member, only if they are still where the admin saw them and not retired: the
 * user item (what sessions are checked against) and the post change together, with the audit event.
 */
export async function moveStaffAccount(post: StaffPostItem, to: Place, by: Actor, at: string): Promise<boolean> {
  const from = post.communityId ?? post.centreId;
  const outcome = await writeTogether({
    user: ({ User: users }) =>
      users
        .patch({ userId: post.userId })
        .set({ centreId: to.centreId, ...(to.communityId ? { communityId: to.communityId } : {}), sessionsValidFrom: epochSecondsOf(at) })
        .where((attr, op) => `${op.eq(attr.role, post.role as Role)} AND ${op.ne(attr.status, 'retired')}`)
        .commit(),
    post: ({ StaffPost: posts }) =>
      posts
        .patch({ userId: post.userId })
        .set({ centreId: to.centreId, ...(to.communityId ? { communityId: to.communityId } : {}), updatedAt: at })
        .where((attr, op) => `${op.eq(attr.centreId, post.centreId)} AND ${op.ne(attr.status, 'retired')}`)
        .commit(),
    audit: recordAudit({ subject: userSubject(post.userId), concerns: post.userId, action: 'staff.move', by, at, changes: [{ field: 'place', before: from, after: to.communityId ?? to.centreId }] }),
  });
  return outcome.written;
}

export interface StaffProfile {
  staffNumber: string;
  skills: string[];
  photoKey?: string;
}

/** A staff member's number, skills and photo, as their centre keeps them, with the audit event. */
export async function setStaffProfile(post: StaffPostItem, profile: StaffProfile, by: Actor, at: string): Promise<boolean> {
  const changes: FieldChange[] = [
    { field: 'staffNumber', before: post.staffNumber, after: profile.staffNumber },
    { field: 'skills', before: (post.skills ?? []).join(','), after: profile.skills.join(',') },
    ...(profile.photoKey && profile.photoKey !== post.photoKey ? [{ field: 'photo', after: 'new' }] : []),
  ];
  const outcome = await writeTogether({
    post: ({ StaffPost: posts }) =>
      posts
        .patch({ userId: post.userId })
        .set({ ...profile, updatedAt: at })
        .where((attr, op) => `${op.eq(attr.centreId, post.centreId)} AND ${op.ne(attr.status, 'retired')}`)
        .commit(),
    audit: recordAudit({ subject: userSubject(post.userId), concerns: post.userId, action: 'staff.profile', by, at, changes }),
  });
  return outcome.written;
}

/**
 * Retires a worker or staff member: the account stays (who did what keeps its name) but is marked retired,
 * which every session of it is checked against; its WeChat identity goes, so that WeChat account signs in
 * afresh as a newcomer; an unused code dies with it.
 */
export async function retireStaffAccount(user: UserItem, post: StaffPostItem, by: Actor, at: string): Promise<boolean> {
  const changes: FieldChange[] = [{ field: 'status', before: post.status, after: 'retired' }];
  // The identity goes only while it is still this account's (a stale openid names someone else's now).
  const identity = user.openid ? (await WechatIdentity.get({ openid: user.openid }).go()).data : null;
  const ownIdentity = identity?.userId === user.userId;
  const outcome = await writeTogether({
    user: ({ User: users }) =>
      users
        .patch({ userId: user.userId })
        .set({ status: 'retired' })
        .where((attr, op) => `${op.eq(attr.role, post.role as Role)} AND ${op.ne(attr.status, 'retired')}`)
        .commit(),
    post: ({ StaffPost: posts }) => posts.patch({ userId: user.userId }).set({ status: 'retired', updatedAt: at }).commit(),
    identity: ownIdentity && user.openid
      ? ({ WechatIdentity: identities }) =>
          identities
            .delete({ openid: user.openid! })
            .where((attr, op) => op.eq(attr.userId, user.userId))
            .commit()
      : undefined,
    code: ({ LiveCode: live }) => live.delete({ elderId: user.userId, purpose: 'staff' }).commit(),
    audit: recordAudit({ subject: userSubject(user.userId), concerns: user.userId, action: 'staff.retire', by, at, changes }),
  });
  return outcome.written;
}

/**
 * A newcomer takes over the worker's or staff member's account with the WeChat account they just signed in
 * with, in one transaction: the staff code is used (only if unused, unexpired, a staff code of this account
 * and still its live code), the WeChat identity now points at the account, the account remembers the
 * openid and is active, and the placeholder made at first sign-in goes. A previous WeChat account of the
 * person (a lost phone) no longer signs in as them.
 */
export async function claimStaffAccount(code: string, newcomer: UserItem & { openid: string }, account: UserItem, nowSeconds: number, at: string) {
  const outcome = await writeTogether({
    code: ({ BindingCode: codes }) =>
      codes
        .patch({ code })
        .set({ usedBy: newcomer.userId })
        .where((attr, op) => `${op.notExists(attr.usedBy)} AND ${op.gt(attr.expiresAt, nowSeconds)} AND ${op.eq(attr.purpose, 'staff')} AND ${op.eq(attr.elderId, account.userId)}`)
        .commit(),
    live: ({ LiveCode: live }) =>
      live
        .delete({ elderId: account.userId, purpose: 'staff' })
        .where((attr, op) => op.eq(attr.code, code))
        .commit(),
    identity: ({ WechatIdentity: identities }) =>
      identities
        .patch({ openid: newcomer.openid })
        .set({ userId: account.userId })
        .where((attr, op) => op.eq(attr.userId, newcomer.userId))
        .commit(),
    account: ({ User: users }) =>
      users
        .patch({ userId: account.userId })
        .set({ openid: newcomer.openid, status: 'active', sessionsValidFrom: epochSecondsOf(at) })
        .where((attr, op) => `${op.eq(attr.role, account.role)} AND ${op.ne(attr.status, 'retired')}`)
        .commit(),
    post: ({ StaffPost: posts }) => posts.patch({ userId: account.userId }).set({ status: 'active', updatedAt: at }).commit(),
    placeholder: ({ User: users }) =>
      users
        .delete({ userId: newcomer.userId })
        // Still a relative with no binding, also one made at this very moment (it counts on the account).
        .where((attr, op) => `${op.eq(attr.role, 'family')} AND (${op.notExists(attr.bindingCount)} OR ${op.eq(attr.bindingCount, 0)})`)
        .commit(),
    oldPhone:
      account.openid && account.openid !== newcomer.openid
        ? ({ WechatIdentity: identities }) => identities.delete({ openid: account.openid! }).commit()
        : undefined,
  });
  return outcome.written ? ('claimed' as const) : ('refused' as const);
}

/** The stored role, place and status a session is checked against; a consistent read when asked. */
/** Sessions issued in the same second as the change still count: the new phone's own session comes right after it. */
const epochSecondsOf = (at: string) => Math.floor(Date.parse(at) / 1000);

