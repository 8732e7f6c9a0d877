/** Family binding invitations: 6 digits, valid 24 hours, used once. */
export const BINDING_CODE_TTL_SECONDS = 24 * 60 * 60;

/** A code from a uniform random integer; leading zeros are kept so every code has 6 digits. */
export function bindingCodeFrom(randomInt: number): string {
  return String(Math.abs(Math.trunc(randomInt)) % 1_000_000).padStart(6, '0');
}

export type RedeemProblem = 'unknown' | 'expired' | 'used' | 'already-bound' | 'own-code';

export interface BindingCodeState {
  elderId: string;
  expiresAt: number;
  usedBy?: string;
}

/** Why a code cannot be redeemed by this family member now, if it cannot. */
export function redeemProblem(code: BindingCodeState | undefined, familyId: string, nowEpochSeconds: number): RedeemProblem | undefined {
  if (!code) return 'unknown';
  if (code.usedBy) return 'used';
  if (code.expiresAt <= nowEpochSeconds) return 'expired';
  if (code.elderId === familyId) return 'own-code';
  return undefined;
}
