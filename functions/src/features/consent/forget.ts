import { CLOSED_ACCOUNT_NAME } from '@yilin/contract';
import { deleteEvery, ignoreMissing } from '../../store/forget';
import { acceptancesOf } from './data';
import { HealthConsent, PrivacyAcceptance } from './entities';

/** What consent forgets of a closed account, and of an elder who left (rights/ decides when). */

/** Which versions of the notice the person accepted: gone with the account. */
export async function forgetAcceptances(userId: string): Promise<void> {
  await deleteEvery(PrivacyAcceptance, (await acceptancesOf(userId)).map(({ version }) => ({ userId, version })));
}

/**
 * A relative who answered for the elder: the elder's consent stands (it is the elder's), shown as given by a
 * closed account.
 */
export async function forgetConsentGiver(elderIds: readonly string[], userId: string): Promise<void> {
  for (const elderId of elderIds) {
    await HealthConsent.patch({ elderId })
      .set({ changedByName: CLOSED_ACCOUNT_NAME })
      .where((attr, op) => op.eq(attr.changedById, userId))
      .go()
      // Someone else answered last, or nobody did: nothing of this person there.
      .catch(ignoreMissing);
  }
}

/** The elder's consent itself, when the elder's health data goes (closing, or after leaving). */
export async function forgetHealthConsent(elderId: string): Promise<void> {
  await HealthConsent.delete({ elderId }).go();
}

