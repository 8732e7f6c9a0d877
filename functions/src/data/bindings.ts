import { randomInt } from 'node:crypto';
import { bindingCodeFrom } from '../domain/binding-code';
import { Binding, BindingCode, type BindingItem } from './entities';
import { data } from './service';
import { checkCursor, isConditionFailure, rethrowBadCursor } from './errors';

export async function isBound(elderId: string, familyId: string): Promise<boolean> {
  const { data: binding } = await Binding.get({ elderId, familyId }).go();
  return binding !== null;
}

export async function bindingsOfElder(elderId: string, cursor: string | undefined, limit: number) {
  try {
    const page = await Binding.query.byElder({ elderId }).go({ cursor: checkCursor(cursor, 'primary') ?? null, limit });
    return { items: page.data, cursor: page.cursor };
  } catch (error) {
    return rethrowBadCursor(error);
  }
}

/** A family member is bound to a handful of elders; 50 is far above any real family. */
export async function eldersBoundTo(familyId: string): Promise<BindingItem[]> {
  const { data: bindings } = await Binding.query.byFamily({ familyId }).go({ limit: 50 });
  return bindings;
}

/**
 * Stores a fresh code. A code still valid for someone else is never overwritten: on a collision we
 * draw again; an expired code that TTL has not yet removed may be reused.
 */
export async function createBindingCode(
  elderId: string,
  createdBy: string,
  createdAt: string,
  nowSeconds: number,
  expiresAt: number,
  purpose: 'family' | 'claim' = 'family',
): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = bindingCodeFrom(randomInt(0, 1_000_000));
    try {
      await BindingCode.put({ code, elderId, createdBy, createdAt, expiresAt, purpose })
        .where((attr, op) => `${op.notExists(attr.code)} OR ${op.lte(attr.expiresAt, nowSeconds)}`)
        .go();
      return code;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  throw new Error('Could not draw a free binding code');
}

export async function getBindingCode(code: string) {
  const { data: found } = await BindingCode.get({ code }).go();
  return found ?? undefined;
}

/**
 * Marks the code used and creates the binding in one transaction: the code's condition (unused and
 * unexpired) makes it single-use even when two relatives enter it at the same moment.
 */
export async function redeemBindingCode(
  code: string,
  binding: BindingItem,
  nowSeconds: number,
): Promise<'bound' | 'code-unavailable' | 'already-bound'> {
  const result = await data.transaction
    .write(({ BindingCode: codes, Binding: bindings }) => [
      codes
        .patch({ code })
        .set({ usedBy: binding.familyId })
        .where((attr, op) => `${op.notExists(attr.usedBy)} AND ${op.gt(attr.expiresAt, nowSeconds)}`)
        .commit(),
      bindings.create(binding).commit(),
    ])
    .go();
  if (!result.canceled) return 'bound';
  const [codeResult] = result.data as Array<{ rejected: boolean; code?: string }>;
  return codeResult?.rejected ? 'code-unavailable' : 'already-bound';
}

export async function removeBinding(elderId: string, familyId: string): Promise<boolean> {
  try {
    await Binding.delete({ elderId, familyId })
      .where((attr, op) => op.exists(attr.familyId))
      .go();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
