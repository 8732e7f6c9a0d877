import { CLOSED_ACCOUNT_NAME } from '@yilin/contract';
import { isConditionFailure } from '../../store/errors';
import { deleteEvery } from '../../store/forget';
import { HealthConsent, PrivacyAcceptance } from './entities';

/** What consent forgets of a closed account, and of an elder who left (rights/ decides when). */

/** Which versions of the notice the person accepted: gone with the account. */
export async function forgetAcceptances(userId: string): Promise<void> {
  const { data } = await PrivacyAcceptance.query.byUser({ userId }).go({ pages: 'all', attributes: ['userId', 'version'] });
  await deleteEvery(PrivacyAcceptance, data.map(({ version }) => ({ userId, version })));
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
      .catch((err: unknown) => {
        // Someone else answered last, or nobody did: nothing of this person there.
        if (!isConditionFailure(err)) throw err;
      });
  }
}

/** The elder's consent itself, when the elder's health data goes (closing, or after leaving). */
export async function forgetHealthConsent(elderId: string): Promise<void> {
  await HealthConsent.delete({ elderId }).go();
}

