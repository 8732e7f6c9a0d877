import { ulid } from 'ulid';
import type { FactChange } from '../rules/verification';
import type { UpdateContactInput, VerificationInput } from '../../../schemas/people';
import { Elder, VerificationChange, type ElderItem, type VerificationChangeItem } from '../entities';
import { data } from '../../../entities';
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

export async function eldersOfCommunity(communityId: string, cursor: string | undefined, limit: number) {
  try {
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
 * Writes the verified facts and one audit entry per changed field in one transaction, conditioned on
 * the profile being unchanged since it was read, so two workers verifying at once cannot interleave.
 */
export async function applyVerification(
  elder: ElderItem,
  facts: VerificationInput,
  changes: FactChange[],
  by: { userId: string; name: string },
  at: string,
): Promise<'applied' | 'stale'> {
  const result = await data.transaction
    .write(({ Elder: elders, VerificationChange: history }) => [
      elders
        .patch({ elderId: elder.elderId })
        .set({
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
      ...changes.map((change) =>
        history
          .create({
            elderId: elder.elderId,
            changeId: ulid(),
            field: change.field,
            from: change.from ?? undefined,
            to: change.to,
            byUserId: by.userId,
            byName: by.name,
            at,
          })
          .commit(),
      ),
    ])
    .go();
  return result.canceled ? 'stale' : 'applied';
}

export async function verificationHistory(elderId: string): Promise<VerificationChangeItem[]> {
  const { data: changes } = await VerificationChange.query.byElder({ elderId }).go({ order: 'desc', limit: 50 });
  return changes;
}
