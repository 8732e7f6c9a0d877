import { AUDIT_PLACED_IN, CLOSED_ACCOUNT_NAME } from '@yilin/contract';
import { epochSeconds } from '../../platform/clock';
import { recordAudit, subjectOf, type Actor } from '../../store/audit';
import { writeTogether, type Part } from '../../store/transactions';
import { allBindingsOf, bindingsOfElder, removeBinding, revokeLiveCode } from './data/bindings';
import { Volunteer } from './data/volunteers';
import { codePurposes } from './rules/one-time-code';
import type { ElderItem, UserItem } from './entities';

/** What people and organisation forget of a closed account, and of an elder who closed or left (rights/ decides when). */

/** The relative's bindings end: the elders' family lists no longer name them. */
export async function endBindingsOf(familyId: string): Promise<void> {
  for (const binding of await allBindingsOf(familyId)) await removeBinding(binding.elderId, familyId);
}

/** A volunteer's sign-up (phone, community, party membership): gone with the account. */
export async function forgetVolunteer(userId: string): Promise<void> {
  await Volunteer.delete({ userId }).go();
}

/** How long a closed account's tokens are told it was closed (see ClosedAccount): a week, as retry records are kept. */
const CLOSED_ACCOUNT_KEPT_SECONDS = 7 * 24 * 60 * 60;

/**
 * The last step of a closing: the account and its WeChat identity, together, with the event that says the
 * person closed it (kept, like every event, under the name a closed account has) and the week-long note that
 * it was closed (no more than the id). Signing in with that WeChat again starts afresh.
 */
export async function deleteAccount(user: UserItem, at: string): Promise<void> {
  const by: Actor = { userId: user.userId, name: CLOSED_ACCOUNT_NAME, role: user.role };
  await writeTogether({
    ...accountParts(user, at),
    // The community they belonged to goes with the event: by the time the trails are written, nothing else says it.
    audit: recordAudit({
      subject: subjectOf('user', user.userId),
      concerns: user.userId,
      action: 'account.closed',
      by,
      at,
      changes: user.communityId ? [{ field: AUDIT_PLACED_IN, before: user.communityId }] : [],
    }),
  });
}

/** An elder's own WeChat sign-in, when the worker closes the elder (the elder's closing is that event). */
export async function deleteElderSignIn(user: UserItem, at: string): Promise<void> {
  await writeTogether(accountParts(user, at));
}

/** The account and its WeChat identity, with the note that it was closed: an account is never gone without it. */
const accountParts = (user: UserItem, at: string) => ({
  user: (({ User: users }) => users.delete({ userId: user.userId }).commit()) as Part,
  closed: (({ ClosedAccount: closed }) => closed.put({ userId: user.userId, closedAt: at, expiresAt: epochSeconds(new Date(at)) + CLOSED_ACCOUNT_KEPT_SECONDS }).commit()) as Part,
  identity: user.openid ? ((({ WechatIdentity: identities }) => identities.delete({ openid: user.openid! }).commit()) as Part) : undefined,
});

/** An elder's own WeChat sign-in, their family's bindings and any live code: the elder is no longer served. */
export async function endElderAccess(elderId: string): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await bindingsOfElder(elderId, cursor, 100);
    for (const binding of page.items) await removeBinding(elderId, binding.familyId);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  for (const purpose of codePurposes) await revokeLiveCode(elderId, purpose);
}

/** What the register keeps of an elder who closed or left: who they were for the settlement, no way to reach them. */
export const erasedContacts = {
  phone: '',
  address: '',
  emergencyContacts: [] as { name: string; relation: string; phone: string }[],
  dietary: { lowSalt: false, lowSugar: false, softFood: false, allergies: '' },
};

/**
 * Clears the elder's contact details (and, when closing, takes them off the register for good), only if the
 * elder is as read, with its audit event, together. 'stale': changed meanwhile, decide again.
 */
export async function eraseElderContacts(elder: ElderItem, closing: boolean, note: string, by: Actor, at: string): Promise<'erased' | 'stale'> {
  const status = closing ? 'closed' : elder.status;
  const outcome = await writeTogether({
    elder: ({ Elder: elders }) =>
      elders
        .patch({ elderId: elder.elderId })
        .set({ ...erasedContacts, status, statusChangedAt: closing ? at : elder.statusChangedAt, contactsErasedAt: at, updatedAt: at })
        .remove(['subsidyProofNote'])
        .where((attr, op) => op.eq(attr.updatedAt, elder.updatedAt))
        .commit(),
    audit: recordAudit({
      subject: subjectOf('elder', elder.elderId),
      concerns: elder.elderId,
      action: closing ? 'elder.close' : 'elder.contactsErased',
      by,
      at,
      changes: [...(closing ? [{ field: 'status', before: elder.status ?? 'active', after: 'closed' }] : []), ...(note ? [{ field: 'note', after: note }] : [])],
    }),
  });
  return outcome.written ? 'erased' : 'stale';
}
