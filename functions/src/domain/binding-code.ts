/** Family binding invitations: 6 digits, valid 24 hours, used once. */
export const BINDING_CODE_TTL_SECONDS = 24 * 60 * 60;

/** A code from a uniform random integer; leading zeros are kept so every code has 6 digits. */
export function bindingCodeFrom(randomInt: number): string {
  return String(Math.abs(Math.trunc(randomInt)) % 1_000_000).padStart(6, '0');
}

export type RedeemProblem = 'unknown' | 'expired' | 'used' | 'already-bound' | 'own-code' | 'wrong-kind';

export type CodePurpose = 'family' | 'claim';

export interface BindingCodeState {
  elderId: string;
  expiresAt: number;
  usedBy?: string;
  /** Codes stored before purposes existed are family invitations. */
  purpose?: CodePurpose;
}

/**
 * Why a code cannot be redeemed by this person now, if it cannot. `purpose` is what the caller is doing:
 * binding as a relative, or claiming their own elder profile.
 */
export function redeemProblem(
  code: BindingCodeState | undefined,
  userId: string,
  nowEpochSeconds: number,
  purpose: CodePurpose = 'family',
): RedeemProblem | undefined {
  if (!code) return 'unknown';
  if ((code.purpose ?? 'family') !== purpose) return 'wrong-kind';
  if (code.usedBy) return 'used';
  if (code.expiresAt <= nowEpochSeconds) return 'expired';
  if (code.elderId === userId) return 'own-code';
  return undefined;
}
