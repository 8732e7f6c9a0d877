import { randomInt } from 'node:crypto';
import { bindingCodeFrom, type CodePurpose } from '../rules/one-time-code';
import type { FamilyRelation } from '@yilin/contract';
import { Binding, BindingCode, LiveCode, type BindingItem } from '../entities';
import { writeTogether } from '../../../store/transactions';
import { checkCursor, isConditionFailure, rethrowBadCursor } from '../../../store/errors';

/** A relative's binding to an elder, if they are bound. */
export async function getBinding(elderId: string, familyId: string): Promise<BindingItem | undefined> {
  const { data: binding } = await Binding.get({ elderId, familyId }).go();
  return binding ?? undefined;
}

/** Sets what a bound relative is to the elder; false when they are not (or no longer) bound. */
export async function setBindingRelation(elderId: string, familyId: string, relation: FamilyRelation): Promise<boolean> {
  try {
    await Binding.patch({ elderId, familyId }).set({ relation }).go();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function bindingsOfElder(elderId: string, cursor: string | undefined, limit: number) {
  try {
    const page = await Binding.query.byElder({ elderId }).go({ cursor: checkCursor(cursor, 'primary') ?? null, limit });
    return { items: page.data, cursor: page.cursor };
  } catch (error) {
    return rethrowBadCursor(error);
  }
}

/** Every elder a relative is bound to, all pages (a rename updates each binding's copy of the name). */
export async function allBindingsOf(familyId: string): Promise<BindingItem[]> {
  const { data: bindings } = await Binding.query.byFamily({ familyId }).go({ pages: 'all' });
  return bindings;
}

/** A family member is bound to a handful of elders; 50 is far above any real family. */
export async function eldersBoundTo(familyId: string): Promise<BindingItem[]> {
  const { data: bindings } = await Binding.query.byFamily({ familyId }).go({ limit: 50 });
  return bindings;
}

/**
 * Stores a fresh code and makes it the elder's live code of its purpose, in one transaction, so the
 * earlier code of that purpose stops working at once. A code still valid for someone else is never
 * overwritten: on a collision we draw again; an expired code that TTL has not yet removed may be reused.
 */
export async function createBindingCode(
  elderId: string,
  createdBy: string,
  createdAt: string,
  nowSeconds: number,
  expiresAt: number,
  purpose: CodePurpose = 'family',
): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = bindingCodeFrom(randomInt(0, 1_000_000));
    const outcome = await writeTogether({
      code: ({ BindingCode: codes }) =>
        codes
          .put({ code, elderId, createdBy, createdAt, expiresAt, purpose })
          .where((attr, op) => `${op.notExists(attr.code)} OR ${op.lte(attr.expiresAt, nowSeconds)}`)
          .commit(),
      live: ({ LiveCode: live }) => live.put({ elderId, purpose, code, createdBy, createdAt, expiresAt }).commit(),
    });
    if (outcome.written) return code;
  }
  throw new Error('Could not draw a free binding code');
}

export async function getBindingCode(code: string) {
  const { data: found } = await BindingCode.get({ code }).go();
  return found ?? undefined;
}

/** The elder's live code of a purpose, if one is live now. */
export async function liveCodeOf(elderId: string, purpose: CodePurpose, nowSeconds: number) {
  const { data: live } = await LiveCode.get({ elderId, purpose }).go();
  return live && live.expiresAt > nowSeconds ? live : undefined;
}

/** Whether `code` is still the elder's live code of its purpose. */
export async function isLiveCode(elderId: string, purpose: CodePurpose, code: string): Promise<boolean> {
  const { data: live } = await LiveCode.get({ elderId, purpose }).go({ consistent: true });
  return live?.code === code;
}

/** Revokes the elder's live code of a purpose; true when there was one. */
export async function revokeLiveCode(elderId: string, purpose: CodePurpose): Promise<boolean> {
  try {
    await LiveCode.delete({ elderId, purpose }).where((attr, op) => op.exists(attr.code)).go();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Marks the code used, retires it as the elder's live code and creates the binding in one transaction:
 * the code's condition (unused and unexpired) and the live code's (still this code) make it single-use
 * even when two relatives enter it at the same moment, and dead once replaced or revoked.
 */
export async function redeemBindingCode(
  code: string,
  binding: BindingItem,
  nowSeconds: number,
): Promise<'bound' | 'code-unavailable' | 'already-bound' | 'not-a-relative'> {
  const outcome = await writeTogether({
    code: ({ BindingCode: codes }) =>
      codes
        .patch({ code })
        .set({ usedBy: binding.familyId })
        .where((attr, op) => `${op.notExists(attr.usedBy)} AND ${op.gt(attr.expiresAt, nowSeconds)}`)
        .commit(),
    live: ({ LiveCode: live }) =>
      live
        .delete({ elderId: binding.elderId, purpose: 'family' })
        .where((attr, op) => op.eq(attr.code, code))
        .commit(),
    binding: ({ Binding: bindings }) => bindings.create(binding).commit(),
    // Counted on the relative's account, which must still be a relative's: an account that just became an
    // elder's, a worker's or a volunteer's takes no binding.
    family: ({ User: users }) =>
      users
        .update({ userId: binding.familyId })
        .add({ bindingCount: 1 })
        .where((attr, op) => op.eq(attr.role, 'family'))
        .commit(),
  });
  if (outcome.written) return 'bound';
  if (outcome.failed.includes('family')) return 'not-a-relative';
  return outcome.failed.includes('binding') && outcome.failed.length === 1 ? 'already-bound' : 'code-unavailable';
}

/** Removes a binding and counts it off the relative's account, together. False when it was already gone. */
export async function removeBinding(elderId: string, familyId: string): Promise<boolean> {
  const outcome = await writeTogether({
    binding: ({ Binding: bindings }) =>
      bindings
        .delete({ elderId, familyId })
        .where((attr, op) => op.exists(attr.familyId))
        .commit(),
    // Bindings made before they were counted: the count never goes below zero.
    family: ({ User: users }) =>
      users
        .update({ userId: familyId })
        .subtract({ bindingCount: 1 })
        .where((attr, op) => op.gt(attr.bindingCount, 0))
        .commit(),
  });
  if (outcome.written) return true;
  if (!outcome.failed.includes('binding')) {
    // The account had no count (bound before counting began): remove the binding alone.
    try {
      await Binding.delete({ elderId, familyId }).where((attr, op) => op.exists(attr.familyId)).go();
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
  return false;
}
