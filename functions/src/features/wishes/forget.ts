import { businessDateOf, CLOSED_ACCOUNT_NAME } from '@yilin/contract';
import { LedgerBalance, LedgerEntry, entriesOf } from '../../store/ledger';
import { deleteFiles, filesConfigured } from '../../store/files';
import { deleteEvery, eachOf, ignoreMissing } from '../../store/forget';
import { changeWish, getRedemptions, pointsAccount, redemptionOfRef, stockAccount, wishesOfClaimer, wishesOfElder } from './data';
import { inHand } from './rules/wish';
import { MonthlyScore, Redemption, Wish, WishClaim, type RedemptionItem } from './entities';
import type { Actor } from '../../store/audit';

/**
 * What must be settled before an account closes, because someone else is part of it: wishes being brought (a
 * volunteer's, or an elder's) and gifts waiting at the station.
 */
export async function openItemsOf(person: { claimerId?: string; elderId?: string; holderId: string }) {
  const [wishes, redemptions] = await Promise.all([
    person.claimerId ? wishesOfClaimer(person.claimerId) : person.elderId ? wishesOfElder(person.elderId) : Promise.resolve([]),
    redemptionsPaidBy(person.holderId),
  ]);
  return { wishesInHand: wishes.filter((wish) => inHand(wish.status)), redemptionsWaiting: redemptions.filter((redemption) => redemption.status === 'waiting') };
}

/**
 * The holder's redemptions, found through their points ledger, which is read consistently: the holder's index
 * may not show yet a redemption made a moment before a closing looks (a global index is never read consistently).
 */
async function redemptionsPaidBy(holderId: string): Promise<RedemptionItem[]> {
  return redemptionsIn(await entriesOf(pointsAccount(holderId)));
}

/** The redemptions a points ledger paid for. */
const redemptionsIn = (entries: ReadonlyArray<{ ref?: string }>) => getRedemptions([...new Set(entries.flatMap((entry) => redemptionOfRef(entry.ref) ?? []))]);

/** What wishes and points forget of a closed account, and of an elder who closed theirs. */

/**
 * Points are the person's own: the balance and its ledger go with the account (points not spent lapse). The
 * redemptions stay (the store's stock, the county's points figures), and so does the monthly leaderboard's
 * count and the store's stock ledger, shown as a closed account; an elder's redemptions keep the elder's name,
 * which the register keeps.
 */
export async function forgetHolder(holderId: string, options: { renameIn?: string; name?: string }): Promise<void> {
  const account = pointsAccount(holderId);
  const entries = await entriesOf(account);
  if (options.renameIn && options.name) {
    const { name } = options;
    const communityId = options.renameIn;
    const months = [...new Set(entries.map((entry) => businessDateOf(Date.parse(entry.at)).slice(0, 7)))];
    await eachOf(months, (month) =>
      MonthlyScore.patch({ communityId, month, holderId }).set({ name: CLOSED_ACCOUNT_NAME, partyMember: false }).go().catch(ignoreMissing),
    );
    const redemptions = await redemptionsIn(entries);
    await eachOf(
      redemptions.filter((redemption) => redemption.holderName !== CLOSED_ACCOUNT_NAME),
      (redemption) => Redemption.patch({ redemptionId: redemption.redemptionId }).set({ holderName: CLOSED_ACCOUNT_NAME }).go(),
    );
    // The store's stock ledger says whose redemption took or gave back each piece: it says so of a closed account.
    for (const itemId of new Set(redemptions.map((redemption) => redemption.itemId))) {
      const stock = await entriesOf(stockAccount(itemId));
      // The store writes `<name>兑换` (store.ts): that whole reason, nothing else that happens to contain the name.
      const theirs = stock.filter((entry) => entry.reason === `${name}兑换` && redemptions.some((redemption) => redemptionOfRef(entry.ref) === redemption.redemptionId));
      await eachOf(theirs, (entry) => LedgerEntry.patch({ account: entry.account, entryId: entry.entryId }).set({ reason: `${CLOSED_ACCOUNT_NAME}兑换` }).go());
    }
  }
  await deleteEvery(LedgerEntry, entries.map(({ entryId }) => ({ account, entryId })));
  await LedgerBalance.delete({ account }).go();
}

/** Wishes a volunteer fulfilled are the elders' records: they stay, with the volunteer shown as a closed account. */
export async function forgetClaimer(userId: string): Promise<void> {
  const wishes = await wishesOfClaimer(userId);
  await eachOf(
    wishes.filter((wish) => wish.claimerName !== CLOSED_ACCOUNT_NAME),
    // Not a step of the wish: its version stays, so nobody's decision on it is made stale.
    (wish) => Wish.patch({ wishId: wish.wishId }).set({ claimerName: CLOSED_ACCOUNT_NAME, claimerPartyMember: false }).go(),
  );
  const { data: links } = await WishClaim.query.byClaimer({ claimerId: userId }).go({ pages: 'all', attributes: ['claimerId', 'wishId'] });
  await deleteEvery(WishClaim, links.map(({ wishId }) => ({ claimerId: userId, wishId })));
}

/**
 * What a relative did on the elder's wishes stays, signed by a closed account: the thank-you they sent, the
 * elder's agreement to share her address that they gave for her.
 */
export async function forgetRelativeOnWishes(elderIds: readonly string[], relative: { userId: string; name: string }): Promise<void> {
  const theirs = (name: string | undefined) => name === relative.name || name?.startsWith(`${relative.name}（`);
  const wishes = (await Promise.all(elderIds.map(wishesOfElder))).flat();
  await eachOf(
    wishes.filter((wish) => theirs(wish.thanksByName) || (wish.addressAgreedBy === relative.userId && wish.addressAgreedByName !== CLOSED_ACCOUNT_NAME)),
    (wish) =>
      Wish.patch({ wishId: wish.wishId })
        .set({
          ...(theirs(wish.thanksByName) ? { thanksByName: CLOSED_ACCOUNT_NAME } : {}),
          ...(wish.addressAgreedBy === relative.userId ? { addressAgreedByName: CLOSED_ACCOUNT_NAME } : {}),
        })
        .go(),
  );
}

/** An elder who closes: wishes nobody took yet come off the wall (withdrawn, with their event). */
export async function withdrawOpenWishes(elderId: string, by: Actor, at: string): Promise<void> {
  const open = (await wishesOfElder(elderId)).filter((wish) => wish.status === 'pending' || wish.status === 'published');
  await eachOf(open, (wish) => changeWish(wish, 'withdrawn', { action: 'wish.withdrawn', by, at, changes: [{ field: 'status', before: wish.status, after: 'withdrawn' }] }), 1);
}

/**
 * The elder's voice notes and the photos of wishes handed over hold their voice and their home: the files go,
 * then the wishes' keys to them. In that order, so that a step cut off half-way leaves the key to find the file
 * by when it is run again, never a file nothing points to. A spoken wish keeps its title and loses its note.
 */
export async function forgetElderFiles(elderId: string): Promise<void> {
  // A function without the files bucket cannot delete them: the keys stay, so the files can still be found.
  if (!filesConfigured()) return;
  const withFiles = (await wishesOfElder(elderId)).filter((wish) => wish.voiceKey || wish.deliveryPhotoKey);
  await deleteFiles(withFiles.flatMap((wish) => [wish.voiceKey, wish.deliveryPhotoKey].filter((key) => key !== undefined)));
  // Not a step of the wish: its version stays (its length goes with the voice note).
  await eachOf(withFiles, (wish) => Wish.patch({ wishId: wish.wishId }).remove(['voiceKey', 'voiceSeconds', 'deliveryPhotoKey']).go());
}
