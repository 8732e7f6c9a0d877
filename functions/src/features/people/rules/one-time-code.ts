/** One-time codes (family invitations, claim codes, staff codes): 6 digits, valid 24 hours, used once. */
export const BINDING_CODE_TTL_SECONDS = 24 * 60 * 60;

/**
 * Wrong codes an account may enter before it has to wait: a million codes and a few live ones, so five
 * tries in fifteen minutes make a guess hopeless while a person who mistypes still gets in.
 */
export const CODE_ATTEMPTS = { limit: 5, windowSeconds: 15 * 60 } as const;

/** A code from a uniform random integer; leading zeros are kept so every code has 6 digits. */
export function bindingCodeFrom(randomInt: number): string {
  return String(Math.abs(Math.trunc(randomInt)) % 1_000_000).padStart(6, '0');
}

/**
 * Why a code cannot be used. A code of the other purpose is `unknown`: a person guessing family codes
 * must not learn that they hit an elder's claim code. `revoked`: replaced by a newer code or revoked.
 */
export type RedeemProblem = 'unknown' | 'expired' | 'used' | 'revoked' | 'already-bound' | 'own-code';

/** `staff`: the admin's code for a worker's or staff member's WeChat, keyed by their user id. */
export const codePurposes = ['family', 'claim', 'staff'] as const;
export type CodePurpose = (typeof codePurposes)[number];

export interface BindingCodeState {
  elderId: string;
  expiresAt: number;
  usedBy?: string;
  /** Codes stored before purposes existed are family invitations. */
  purpose?: CodePurpose;
}

/**
 * Why a code cannot be redeemed by this person now, if it cannot. `purpose` is what the caller is doing:
 * binding as a relative, or claiming their own elder profile. `live` is false when the elder's live code
 * of this purpose is another one (or none).
 */
export function redeemProblem(
  code: BindingCodeState | undefined,
  userId: string,
  nowEpochSeconds: number,
  purpose: CodePurpose = 'family',
  live = true,
): RedeemProblem | undefined {
  if (!code || (code.purpose ?? 'family') !== purpose) return 'unknown';
  if (code.usedBy) return 'used';
  if (code.expiresAt <= nowEpochSeconds) return 'expired';
  if (!live) return 'revoked';
  if (code.elderId === userId) return 'own-code';
  return undefined;
}
