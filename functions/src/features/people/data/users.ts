import { ulid } from 'ulid';
import { isoNow } from '../../../platform/clock';
import type { Role } from '../../../routes';
import { User, WechatIdentity, type BindingItem, type UserItem } from '../entities';
import type { Standing } from '../rules/standing';
import { data } from '../../../entities';
import { writeTogether, type Part } from '../../../store/transactions';

export async function getUser(userId: string, { consistent = false } = {}): Promise<UserItem | undefined> {
  const { data: user } = await User.get({ userId }).go({ consistent });
  return user ?? undefined;
}

/** Which of these users exist (a closed account does not). */
export async function existingUserIds(userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const { data, unprocessed } = await User.get(userIds.map((userId) => ({ userId }))).go({ attributes: ['userId'] });
  if (unprocessed.length > 0) throw new Error(`${unprocessed.length} accounts could not be read`);
  return new Set(data.map((user) => user.userId));
}

export async function findUserByOpenid(openid: string): Promise<UserItem | undefined> {
  const { data: identity } = await WechatIdentity.get({ openid }).go();
  return identity ? getUser(identity.userId) : undefined;
}

/**
 * Creates the user and its WeChat identity in one transaction. If two sign-ins of the same new
 * person race, the identity's guard lets only one through and the other reads the winner.
 */
export async function createWechatUser(openid: string, role: Role, name: string): Promise<UserItem> {
  const now = isoNow();
  const user: UserItem = { userId: ulid(), role, name, openid, createdAt: now };
  const result = await data.transaction
    .write(({ User: users, WechatIdentity: identities }) => [
      users.create(user).commit(),
      identities.create({ openid, userId: user.userId, createdAt: now }).commit(),
    ])
    .go();
  if (result.canceled) {
    const winner = await findUserByOpenid(openid);
    if (winner) return winner;
    throw new Error('WeChat user creation was cancelled and no user exists');
  }
  return user;
}

/**
 * An elder takes over their profile with the WeChat account they just signed in with, in one
 * transaction: the claim code is used (only if unused, unexpired, a claim code and still the elder's live
 * claim code), the WeChat identity
 * now points at the elder, the elder remembers the openid, and the placeholder account made at first
 * sign-in goes. A previous WeChat account of the elder (a lost phone) no longer signs in as them.
 */
export async function claimElderAccount(code: string, newcomer: UserItem & { openid: string }, elder: UserItem, nowSeconds: number) {
  const outcome = await writeTogether({
    code: ({ BindingCode: codes }) =>
      codes
        .patch({ code })
        .set({ usedBy: newcomer.userId })
        .where((attr, op) => `${op.notExists(attr.usedBy)} AND ${op.gt(attr.expiresAt, nowSeconds)} AND ${op.eq(attr.purpose, 'claim')} AND ${op.eq(attr.elderId, elder.userId)}`)
        .commit(),
    live: ({ LiveCode: live }) =>
      live
        .delete({ elderId: elder.userId, purpose: 'claim' })
        .where((attr, op) => op.eq(attr.code, code))
        .commit(),
    identity: ({ WechatIdentity: identities }) =>
      identities
        .patch({ openid: newcomer.openid })
        .set({ userId: elder.userId })
        .where((attr, op) => op.eq(attr.userId, newcomer.userId))
        .commit(),
    elder: ({ User: users }) =>
      users
        .patch({ userId: elder.userId })
        .set({ openid: newcomer.openid })
        .where((attr, op) => op.eq(attr.role, 'elder'))
        .commit(),
    placeholder: ({ User: users }) =>
      users
        .delete({ userId: newcomer.userId })
        // Still a relative with no binding, also one made at this very moment (it counts on the account).
        .where((attr, op) => `${op.eq(attr.role, 'family')} AND (${op.notExists(attr.bindingCount)} OR ${op.eq(attr.bindingCount, 0)})`)
        .commit(),
    oldPhone: elder.openid && elder.openid !== newcomer.openid ? ({ WechatIdentity: identities }) => identities.delete({ openid: elder.openid! }).commit() : undefined,
  });
  return outcome.written ? ('claimed' as const) : ('refused' as const);
}


/** A transaction holds at most 100 items: the user and this many bindings go in each. */
const BINDINGS_PER_TRANSACTION = 98;

/**
 * Renames a user and the copies of the name their bindings (or their volunteer record) keep: the user with the first bindings in one
 * transaction (a relative has a handful), any further bindings in more. False when a binding was removed
 * meanwhile: that transaction wrote nothing, and the caller renames again against what is bound now
 * (every part sets the same name, so writing it twice does no harm).
 */
export async function renameUser(userId: string, name: string, bindings: BindingItem[], volunteer = false): Promise<boolean> {
  const rename = (binding: BindingItem): Part =>
    ({ Binding: all }) => all.patch({ elderId: binding.elderId, familyId: binding.familyId }).set({ familyName: name }).commit();
  for (let start = 0; start === 0 || start < bindings.length; start += BINDINGS_PER_TRANSACTION) {
    const outcome = await writeTogether({
      user: start === 0 ? ({ User: users }) => users.patch({ userId }).set({ name }).commit() : undefined,
      volunteer: start === 0 && volunteer ? ({ Volunteer: volunteers }) => volunteers.patch({ userId }).set({ name }).commit() : undefined,
      bindings: bindings.slice(start, start + BINDINGS_PER_TRANSACTION).map(rename),
    });
    if (!outcome.written) return false;
  }
  return true;
}


/**
 * What a session is checked against on each request (role, place, status): read from the user alone, so
 * the check every HTTP function runs loads nothing more of the people feature.
 */
export async function standingOf(userId: string, consistent: boolean): Promise<Standing | undefined> {
  const { data: user } = await User.get({ userId }).go({ consistent });
  return user ? { role: user.role, communityId: user.communityId, centreId: user.centreId, status: user.status, sessionsValidFrom: user.sessionsValidFrom } : undefined;
}
