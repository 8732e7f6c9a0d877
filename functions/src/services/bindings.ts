import { BINDING_CODE_TTL_SECONDS, redeemProblem, type CodePurpose, type RedeemProblem } from '../domain/binding-code';
import { canManageBindings } from '../domain/access';
import { bindingsOfElder, createBindingCode, getBindingCode, redeemBindingCode, removeBinding } from '../data/bindings';
import { getElder } from '../data/elders';
import { getUser } from '../data/users';
import { clock, epochSeconds } from '../lib/clock';
import { AppError, badRequest, conflict, gone, notFound } from '../lib/errors';
import type { Session } from '../lib/session-token';
import type { BindingCodeResponse, BindingView, Page, RedeemBindingResponse } from '../schemas/api';
import { communityName } from './community-names';
import { loadElderFor } from './elders';
import { elderSummaryView } from './views';

/** Draws and stores a 6-digit code for an elder, valid 24 hours: a family invitation or a claim code. */
export async function issueOneTimeCode(elderId: string, createdBy: string, purpose: CodePurpose): Promise<BindingCodeResponse> {
  const now = clock.now();
  const expiresAt = epochSeconds(now) + BINDING_CODE_TTL_SECONDS;
  const code = await createBindingCode(elderId, createdBy, now.toISOString(), epochSeconds(now), expiresAt, purpose);
  return { code, expiresAt: new Date(expiresAt * 1000).toISOString() };
}

export async function createCodeFor(session: Session, elderId: string): Promise<BindingCodeResponse> {
  const { access } = await loadElderFor(session, elderId);
  if (!canManageBindings(access)) throw notFound('ELDER_NOT_FOUND', '没有找到这位长辈的资料。');
  return issueOneTimeCode(elderId, session.userId, 'family');
}

const redeemErrors: Record<RedeemProblem, () => AppError> = {
  unknown: () => notFound('BINDING_CODE_NOT_FOUND', '邀请码不对，请核对 6 位数字后再输入。'),
  expired: () => gone('BINDING_CODE_EXPIRED', '邀请码已过期（24 小时内有效），请长辈重新生成一个。'),
  used: () => gone('BINDING_CODE_USED', '这个邀请码已经用过了，请长辈重新生成一个。'),
  'own-code': () => conflict('BINDING_CODE_OWN', '不能绑定自己。'),
  'already-bound': () => conflict('ALREADY_BOUND', '您已经绑定了这位长辈。'),
  'wrong-kind': () => badRequest('WRONG_CODE_KIND', '这是社区给长辈本人的登录码：请在首页选“我是长辈本人”再输入。'),
};

export async function redeemCode(session: Session, code: string): Promise<RedeemBindingResponse> {
  const nowSeconds = epochSeconds(clock.now());
  const found = await getBindingCode(code);
  const problem = redeemProblem(found, session.userId, nowSeconds);
  if (problem || !found) throw redeemErrors[problem ?? 'unknown']();
  const [family, elder] = await Promise.all([getUser(session.userId), getElder(found.elderId)]);
  if (!elder) throw redeemErrors.unknown();
  const outcome = await redeemBindingCode(
    code,
    { elderId: found.elderId, familyId: session.userId, familyName: family?.name ?? '家属', boundAt: clock.now().toISOString() },
    nowSeconds,
  );
  if (outcome === 'already-bound') throw redeemErrors['already-bound']();
  if (outcome === 'code-unavailable') {
    // Someone else used it, or it expired, between our read and our write.
    throw redeemErrors[redeemProblem(await getBindingCode(code), session.userId, epochSeconds(clock.now())) ?? 'used']();
  }
  return { elder: elderSummaryView(elder, await communityName(elder.communityId)) };
}

export async function listBindings(session: Session, elderId: string, cursor: string | undefined, limit: number): Promise<Page<BindingView>> {
  const { access } = await loadElderFor(session, elderId);
  if (!canManageBindings(access)) throw notFound('ELDER_NOT_FOUND', '没有找到这位长辈的资料。');
  const page = await bindingsOfElder(elderId, cursor, limit);
  return {
    items: page.items.map((binding) => ({ familyId: binding.familyId, name: binding.familyName, boundAt: binding.boundAt })),
    cursor: page.cursor ?? null,
  };
}

export async function removeBindingFor(session: Session, elderId: string, familyId: string): Promise<void> {
  const { access } = await loadElderFor(session, elderId);
  if (!canManageBindings(access)) throw notFound('ELDER_NOT_FOUND', '没有找到这位长辈的资料。');
  if (!(await removeBinding(elderId, familyId))) throw notFound('BINDING_NOT_FOUND', '没有找到这个绑定，可能已经解除了。');
}
