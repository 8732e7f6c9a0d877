import { redeemProblem, type RedeemProblem } from './rules/one-time-code';
import { bindingsOfElder, getBindingCode, redeemBindingCode, removeBinding, setBindingRelation } from './data/bindings';
import { getElder } from './data/elders';
import { getUser } from './data/users';
import { clock, epochSeconds } from '../../platform/clock';
import { AppError, conflict, gone, notFound, unauthorized } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import type { BindingCodeResponse, BindingsPage, FamilyRelation, RedeemBindingInput, RedeemBindingResponse } from '@yilin/contract';
import { communityName } from './places';
import { elderNotFound, loadElderFor } from './elders';
import { codeProblemNow, issueOneTimeCode, liveCodeView, revokeOneTimeCode, withCodeAttempt } from './one-time-codes';
import { bindingView, elderSummaryView } from './views';

async function assertManagesBindings(session: Session, elderId: string) {
  await loadElderFor(session, elderId, 'elder.manageBindings');
}

export async function createCodeFor(session: Session, elderId: string): Promise<BindingCodeResponse> {
  await assertManagesBindings(session, elderId);
  return issueOneTimeCode(elderId, session.userId, 'family');
}

export async function revokeCodeFor(session: Session, elderId: string): Promise<void> {
  await assertManagesBindings(session, elderId);
  await revokeOneTimeCode(elderId, 'family');
}

// A claim code entered here is answered like a wrong code: nobody learns they hit another kind of code.
const redeemErrors: Record<RedeemProblem, () => AppError> = {
  unknown: () => notFound('BINDING_CODE_NOT_FOUND', '邀请码不对，请核对长辈给您的 6 位数字后再输入。'),
  expired: () => gone('BINDING_CODE_EXPIRED', '邀请码已过期（24 小时内有效），请长辈重新生成一个。'),
  used: () => gone('BINDING_CODE_USED', '这个邀请码已经用过了，请长辈重新生成一个。'),
  revoked: () => gone('BINDING_CODE_REVOKED', '这个邀请码已经作废了，请长辈把最新的邀请码告诉您。'),
  'own-code': () => conflict('BINDING_CODE_OWN', '不能绑定自己。'),
  'already-bound': () => conflict('ALREADY_BOUND', '您已经绑定了这位长辈。'),
};

export function redeemCode(session: Session, { code, relation }: RedeemBindingInput): Promise<RedeemBindingResponse> {
  return withCodeAttempt(session.userId, async () => {
    const nowSeconds = epochSeconds(clock.now());
    const [family, found] = await Promise.all([getUser(session.userId), getBindingCode(code)]);
    // A token of an account that no longer exists (a placeholder replaced by a claim) acts no more.
    if (!family) throw unauthorized('SESSION_INVALID', '登录状态无效，请重新登录。');
    const problem = redeemProblem(found, session.userId, nowSeconds);
    if (problem || !found) throw redeemErrors[problem ?? 'unknown']();
    const elder = await getElder(found.elderId);
    if (!elder) throw redeemErrors.unknown();
    const outcome = await redeemBindingCode(
      code,
      { elderId: found.elderId, familyId: session.userId, familyName: family.name, relation, boundAt: clock.now().toISOString() },
      nowSeconds,
    );
    if (outcome === 'already-bound') throw redeemErrors['already-bound']();
    // The account became an elder's, a worker's or a volunteer's a moment ago: its session is no longer one.
    if (outcome === 'not-a-relative') throw unauthorized('SESSION_INVALID', '登录状态无效，请重新登录。');
    // Used, expired, replaced or revoked between our read and our write.
    if (outcome === 'code-unavailable') throw redeemErrors[await codeProblemNow(code, session.userId, 'family')]();
    return { elder: elderSummaryView(elder, await communityName(elder.communityId), relation) };
  });
}

/** A relative corrects what they are to the elder (a mistaken tap when binding). */
export async function setRelationFor(session: Session, elderId: string, relation: FamilyRelation): Promise<RedeemBindingResponse> {
  const { elder } = await loadElderFor(session, elderId);
  if (!(await setBindingRelation(elderId, session.userId, relation))) throw elderNotFound();
  return { elder: elderSummaryView(elder, await communityName(elder.communityId), relation) };
}

export async function listBindings(session: Session, elderId: string, cursor: string | undefined, limit: number): Promise<BindingsPage> {
  await assertManagesBindings(session, elderId);
  const [page, liveCode] = await Promise.all([
    bindingsOfElder(elderId, cursor, limit),
    cursor === undefined ? liveCodeView(elderId, 'family') : Promise.resolve(undefined),
  ]);
  return {
    items: page.items.map(bindingView),
    cursor: page.cursor ?? null,
    ...(liveCode !== undefined ? { liveCode } : {}),
  };
}

export async function removeBindingFor(session: Session, elderId: string, familyId: string): Promise<void> {
  await assertManagesBindings(session, elderId);
  if (!(await removeBinding(elderId, familyId))) throw notFound('BINDING_NOT_FOUND', '没有找到这个绑定，可能已经解除了。');
}
