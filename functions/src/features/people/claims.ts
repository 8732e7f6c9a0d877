import { redeemProblem, type RedeemProblem } from './rules/one-time-code';
import { eldersBoundTo, getBindingCode } from './data/bindings';
import { claimElderAccount, getUser } from './data/users';
import { carryAcceptance } from '../consent/privacy';
import { clock, epochSeconds } from '../../platform/clock';
import { AppError, conflict, gone, notFound, unauthorized } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import type { ClaimCodeResponse, SessionResponse } from '@yilin/contract';
import { sessionFor } from './auth';
import { loadElderFor } from './elders';
import { codeProblemNow, issueOneTimeCode, revokeOneTimeCode, withCodeAttempt } from './one-time-codes';

/**
 * An elder's own WeChat account. A first WeChat sign-in makes a family account; a worker who has met the
 * elder gives them a 6-digit claim code, and entering it turns that account into the elder's own.
 */
async function assertMayIssueClaimCodes(session: Session, elderId: string) {
  await loadElderFor(session, elderId, 'elder.verify');
}

export async function createClaimCode(session: Session, elderId: string): Promise<ClaimCodeResponse> {
  await assertMayIssueClaimCodes(session, elderId);
  return issueOneTimeCode(elderId, session.userId, 'claim');
}

export async function revokeClaimCode(session: Session, elderId: string): Promise<void> {
  await assertMayIssueClaimCodes(session, elderId);
  await revokeOneTimeCode(elderId, 'claim');
}

// A family invitation entered here is answered like a wrong code: nobody learns they hit another kind of code.
const claimErrors: Record<RedeemProblem, () => AppError> = {
  unknown: () => notFound('CLAIM_CODE_NOT_FOUND', '登录码不对，请核对社区工作者给您的 6 位数字。'),
  expired: () => gone('CLAIM_CODE_EXPIRED', '登录码已过期（24 小时内有效），请社区工作者重新生成一个。'),
  used: () => gone('CLAIM_CODE_USED', '这个登录码已经用过了，请社区工作者重新生成一个。'),
  revoked: () => gone('CLAIM_CODE_REVOKED', '这个登录码已经作废了，请社区工作者重新生成一个。'),
  'own-code': () => conflict('CLAIM_NOT_ALLOWED', '这个账号已经是长辈本人的账号了。'),
  'already-bound': () => conflict('CLAIM_NOT_ALLOWED', '这个账号已经绑定了长辈，不能再作为长辈本人使用。'),
};

export function claimElderProfile(session: Session, code: string): Promise<SessionResponse> {
  return withCodeAttempt(session.userId, async () => {
    const [newcomer, bindings, found] = await Promise.all([getUser(session.userId), eldersBoundTo(session.userId), getBindingCode(code)]);
    // A token of an account that no longer exists (a placeholder replaced by a claim) acts no more.
    if (!newcomer) throw unauthorized('SESSION_INVALID', '登录状态无效，请重新登录。');
    if (!newcomer.openid) throw conflict('CLAIM_NOT_ALLOWED', '请用微信登录后再输入登录码。');
    if (bindings.length > 0) throw claimErrors['already-bound']();
    const nowSeconds = epochSeconds(clock.now());
    const problem = redeemProblem(found, session.userId, nowSeconds, 'claim');
    if (problem || !found) throw claimErrors[problem ?? 'unknown']();
    const elder = await getUser(found.elderId);
    if (!elder || elder.role !== 'elder') throw claimErrors.unknown();
    const outcome = await claimElderAccount(code, { ...newcomer, openid: newcomer.openid }, elder, nowSeconds);
    if (outcome === 'refused') throw claimErrors[await codeProblemNow(code, session.userId, 'claim')]();
    await carryAcceptance(newcomer.userId, elder.userId);
    return sessionFor({ ...elder, openid: newcomer.openid });
  });
}
