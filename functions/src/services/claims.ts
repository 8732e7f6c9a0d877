import { redeemProblem, type RedeemProblem } from '../domain/binding-code';
import { canVerify } from '../domain/access';
import { eldersBoundTo, getBindingCode } from '../data/bindings';
import { claimElderAccount, getUser } from '../data/users';
import { clock, epochSeconds } from '../lib/clock';
import { AppError, badRequest, conflict, gone, notFound } from '../lib/errors';
import type { Session } from '../lib/session-token';
import type { ClaimCodeResponse, SessionResponse } from '../schemas/api';
import { sessionFor } from './auth';
import { issueOneTimeCode } from './bindings';
import { loadElderFor } from './elders';

/**
 * An elder's own WeChat account. A first WeChat sign-in makes a family account; a worker who has met the
 * elder gives them a 6-digit claim code, and entering it turns that account into the elder's own.
 */
export async function createClaimCode(session: Session, elderId: string): Promise<ClaimCodeResponse> {
  const { access } = await loadElderFor(session, elderId);
  if (!canVerify(access)) throw notFound('ELDER_NOT_FOUND', '没有找到这位长辈的资料。');
  return issueOneTimeCode(elderId, session.userId, 'claim');
}

const claimErrors: Record<RedeemProblem, () => AppError> = {
  unknown: () => notFound('CLAIM_CODE_NOT_FOUND', '登录码不对，请核对社区给您的 6 位数字。'),
  expired: () => gone('CLAIM_CODE_EXPIRED', '登录码已过期（24 小时内有效），请社区工作者重新生成一个。'),
  used: () => gone('CLAIM_CODE_USED', '这个登录码已经用过了，请社区工作者重新生成一个。'),
  'wrong-kind': () => badRequest('WRONG_CODE_KIND', '这是长辈给家人的邀请码：请在首页选“我是家属”再输入。'),
  'own-code': () => conflict('CLAIM_NOT_ALLOWED', '这个账号已经是长辈本人的账号了。'),
  'already-bound': () => conflict('CLAIM_NOT_ALLOWED', '这个账号已经绑定了长辈，不能再作为长辈本人使用。'),
};

export async function claimElderProfile(session: Session, code: string): Promise<SessionResponse> {
  const [newcomer, bindings, found] = await Promise.all([getUser(session.userId), eldersBoundTo(session.userId), getBindingCode(code)]);
  if (!newcomer?.openid) throw conflict('CLAIM_NOT_ALLOWED', '请用微信登录后再输入登录码。');
  if (bindings.length > 0) throw claimErrors['already-bound']();
  const nowSeconds = epochSeconds(clock.now());
  const problem = redeemProblem(found, session.userId, nowSeconds, 'claim');
  if (problem || !found) throw claimErrors[problem ?? 'unknown']();
  const elder = await getUser(found.elderId);
  if (!elder || elder.role !== 'elder') throw claimErrors.unknown();
  const outcome = await claimElderAccount(code, { ...newcomer, openid: newcomer.openid }, elder, nowSeconds);
  if (outcome === 'refused') {
    throw claimErrors[redeemProblem(await getBindingCode(code), session.userId, epochSeconds(clock.now()), 'claim') ?? 'used']();
  }
  return sessionFor({ ...elder, openid: newcomer.openid });
}
