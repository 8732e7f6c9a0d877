import { BINDING_CODE_TTL_SECONDS, CODE_ATTEMPTS, redeemProblem, type CodePurpose, type RedeemProblem } from './rules/one-time-code';
import { giveBackAttempt, takeAttempt } from '../../store/attempts';
import { createBindingCode, getBindingCode, isLiveCode, liveCodeOf, revokeLiveCode } from './data/bindings';
import { clock, epochSeconds } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { BindingCodeResponse, LiveCodeView } from '@yilin/contract';

/**
 * One-time 6-digit codes, for both purposes: a family invitation (the elder's) and a claim code (a
 * worker's, for the elder's own WeChat). Issuing one replaces the elder's earlier code of that purpose.
 */
export async function issueOneTimeCode(elderId: string, createdBy: string, purpose: CodePurpose): Promise<BindingCodeResponse> {
  const now = clock.now();
  const expiresAt = epochSeconds(now) + BINDING_CODE_TTL_SECONDS;
  const code = await createBindingCode(elderId, createdBy, now.toISOString(), epochSeconds(now), expiresAt, purpose);
  return { code, expiresAt: new Date(expiresAt * 1000).toISOString() };
}

/** The elder's code of this purpose that still works, to show beside the button that revokes it. */
export async function liveCodeView(elderId: string, purpose: CodePurpose): Promise<LiveCodeView | null> {
  const live = await liveCodeOf(elderId, purpose, epochSeconds(clock.now()));
  return live ? { code: live.code, expiresAt: new Date(live.expiresAt * 1000).toISOString() } : null;
}

/** Revoking is idempotent: a code already gone, used or replaced stays gone. */
export async function revokeOneTimeCode(elderId: string, purpose: CodePurpose): Promise<void> {
  await revokeLiveCode(elderId, purpose);
}

/**
 * Why a code just refused by its transaction cannot be used, read again: it was used, expired, replaced
 * or revoked between the first read and the write.
 */
export async function codeProblemNow(code: string, userId: string, purpose: CodePurpose): Promise<RedeemProblem> {
  const found = await getBindingCode(code);
  const live = found ? await isLiveCode(found.elderId, purpose, code) : false;
  return redeemProblem(found, userId, epochSeconds(clock.now()), purpose, live) ?? 'used';
}

const CODE_ACTION = 'one-time-code';

export const tooManyAttempts = (retryAfterSeconds: number) =>
  new AppError(429, 'TOO_MANY_ATTEMPTS', `输错的次数太多了，为了长辈的安全，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试。`, {
    retryAfterSeconds,
  });

/**
 * Runs one attempt at a code for this account. Each account has {@link CODE_ATTEMPTS} tries in a window
 * (family and claim codes together); past them it is answered 429 with when to try again. A success is
 * given back, so only failures use the tries up.
 */
export async function withCodeAttempt<T>(userId: string, attempt: () => Promise<T>): Promise<T> {
  const outcome = await takeAttempt(userId, CODE_ACTION, CODE_ATTEMPTS, epochSeconds(clock.now()));
  if (!outcome.allowed) throw tooManyAttempts(outcome.retryAfterSeconds);
  const result = await attempt();
  await giveBackAttempt(userId, CODE_ACTION);
  return result;
}
