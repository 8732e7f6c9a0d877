import { ulid } from 'ulid';
import { clock, epochSeconds, isoNow } from '../../platform/clock';
import { callerKeySpace, earlierResult, fingerprintOf, type IdempotencyClaim } from '../../store/idempotency';
import { AppError, conflict, gone, notFound, unauthorized } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { pageLimit, type AddWorkerInput, type AddWorkerResponse, type AppointedRole, type LiveCodeView, type MoveWorkerInput, type PageQueryInput, type SessionResponse, type WorkerView, type WorkersPage } from '@yilin/contract';
import { actorOf } from './actors';
import { sessionFor } from './auth';
import { eldersBoundTo, getBindingCode } from './data/bindings';
import { carryAcceptance } from '../consent/privacy';
import { addStaffAccount, claimStaffAccount, getStaffPost, moveStaffAccount, retireStaffAccount, staffPostsOfCounty, type Place, type StaffPostItem } from './data/staff';
import { getUser } from './data/users';
import { codeProblemNow, issueOneTimeCode, liveCodeView, revokeOneTimeCode, withCodeAttempt } from './one-time-codes';
import { adminCounty, centreOfCounty, communityOfCounty, fieldProblem } from './org-admin';
import { centreName, communityName } from './places';
import { redeemProblem, type RedeemProblem } from './rules/one-time-code';
import { forgetStanding } from './standing';

/**
 * Workers (of a community) and service staff (of a centre), as the county's admin appoints them: added by
 * name and phone with a one-time code that binds their WeChat, moved, retired. A move or retirement ends the
 * old rights within a minute (see standing.ts).
 */

export async function workerView(post: StaffPostItem, liveCode: LiveCodeView | null): Promise<WorkerView> {
  return {
    userId: post.userId,
    role: post.role,
    name: post.name,
    phone: post.phone,
    ...(post.communityId ? { communityId: post.communityId, communityName: await communityName(post.communityId) } : {}),
    centreId: post.centreId,
    centreName: await centreName(post.centreId),
    status: post.status,
    liveCode,
  };
}

const currentView = async (post: StaffPostItem) => workerView(post, post.status === 'retired' ? null : await liveCodeView(post.userId, 'staff'));

/** A worker or staff member of the admin's county; anyone else's is answered as unknown. */
async function postOfCounty(session: Session, userId: string): Promise<StaffPostItem> {
  const countyId = adminCounty(session);
  const post = await getStaffPost(userId);
  if (!post || post.countyId !== countyId) throw notFound('WORKER_NOT_FOUND', '没有找到这位工作人员。');
  return post;
}

const retired = () => conflict('WORKER_RETIRED', '这位工作人员已经离岗了。');

/** Where a worker (a community of the county) or staff member (a centre of the county) is placed. */
async function placeFor(session: Session, role: AppointedRole, input: { communityId?: string; centreId?: string }): Promise<Place> {
  if (role === 'worker') {
    if (!input.communityId) throw fieldProblem(400, 'INVALID_INPUT', '社区工作者要选所在社区', 'communityId');
    const community = await communityOfCounty(session, input.communityId, 'communityId');
    return { communityId: community.communityId, centreId: community.centreId };
  }
  if (!input.centreId) throw fieldProblem(400, 'INVALID_INPUT', '服务人员要选所在服务中心', 'centreId');
  return { centreId: (await centreOfCounty(session, input.centreId, 'centreId')).centreId };
}

export async function listWorkers(session: Session, query: PageQueryInput): Promise<WorkersPage> {
  const page = await staffPostsOfCounty(adminCounty(session), query.cursor, pageLimit(query, 50));
  return { items: await Promise.all(page.items.map(currentView)), cursor: page.cursor };
}

/** The account a request made earlier under the same key, with its code (a fresh one if it lapsed unused). */
async function addedEarlier(session: Session, userId: string): Promise<AddWorkerResponse> {
  const post = await getStaffPost(userId);
  if (!post) throw new Error(`Idempotency record names a missing staff account ${userId}`);
  const live = post.status === 'invited' ? ((await liveCodeView(userId, 'staff')) ?? (await issueOneTimeCode(userId, session.userId, 'staff'))) : null;
  return { worker: await workerView(post, live), code: live };
}

/** Adds the account with its first code; a retried request (same idempotency key) answers the same account. */
export async function addWorker(session: Session, input: AddWorkerInput): Promise<AddWorkerResponse> {
  const countyId = adminCounty(session);
  return appoint(session, ['staff.add', input.role, input.name, input.phone, input.communityId ?? null, input.centreId ?? null], input.idempotencyKey, async () => {
    const place = await placeFor(session, input.role, input);
    return { countyId, role: input.role, name: input.name, phone: input.phone, ...place };
  });
}

type NewPost = Pick<StaffPostItem, 'countyId' | 'role' | 'name' | 'phone' | 'centreId' | 'communityId' | 'staffNumber' | 'skills'>;

/**
 * Makes the account and post `describe` gives, with its first code, unless the same request (its
 * `request` parts and idempotency key) made one already: then that account is answered.
 */
export async function appoint(session: Session, request: unknown[], idempotencyKey: string, describe: () => Promise<NewPost>): Promise<AddWorkerResponse> {
  const claim: IdempotencyClaim = { scope: callerKeySpace(session.userId), key: idempotencyKey, fingerprint: fingerprintOf(request) };
  const earlier = await earlierResult(claim);
  if (earlier) return addedEarlier(session, earlier);
  const now = isoNow();
  const post: StaffPostItem = { userId: ulid(), ...(await describe()), status: 'invited', createdAt: now, updatedAt: now };
  if (!(await addStaffAccount(post, await actorOf(session), { claim, nowSeconds: epochSeconds(clock.now()) }))) {
    // The same request, retried at the same moment, was first: answer what it made.
    return addedEarlier(session, (await earlierResult(claim))!);
  }
  const code = await issueOneTimeCode(post.userId, session.userId, 'staff');
  return { worker: await workerView(post, code), code };
}

export async function moveWorker(session: Session, userId: string, input: MoveWorkerInput): Promise<WorkerView> {
  const post = await postOfCounty(session, userId);
  if (post.status === 'retired') throw retired();
  const to = await placeFor(session, post.role, input);
  if ((to.communityId ?? to.centreId) === (post.communityId ?? post.centreId)) throw conflict('SAME_PLACE', '已经在这里工作了，请选另一个地方。');
  if (!(await moveStaffAccount(post, to, await actorOf(session), isoNow()))) {
    if ((await getStaffPost(userId))?.status === 'retired') throw retired();
    throw conflict('PROFILE_CHANGED', '这位工作人员的岗位刚刚被改过，请刷新后再试。');
  }
  forgetStanding(userId);
  return currentView({ ...post, ...to });
}

/**
 * Retiring twice answers the retired account: a retried request is done, not an error. A write refused
 * because the account changed meanwhile (its WeChat claimed from a new phone) is tried again on what is
 * stored now; it never answers 已离岗 for an account still at work.
 */
export async function retireWorker(session: Session, userId: string): Promise<WorkerView> {
  return retire(session, userId, () => postOfCounty(session, userId));
}

/** Retires the post `load` finds (and the caller may reach), trying again on what is stored if it changed meanwhile. */
export async function retire(session: Session, userId: string, load: () => Promise<StaffPostItem>): Promise<WorkerView> {
  const by = await actorOf(session);
  for (let attempt = 0; attempt < 3; attempt++) {
    const post = await load();
    const user = await getUser(userId);
    if (!user) throw notFound('WORKER_NOT_FOUND', '没有找到这位工作人员。');
    if (post.status === 'retired' && user.status === 'retired') return workerView(post, null);
    if (await retireStaffAccount(user, post, by, isoNow())) {
      forgetStanding(userId);
      return workerView({ ...post, status: 'retired' }, null);
    }
  }
  throw conflict('PROFILE_CHANGED', '这位工作人员的账号刚刚有变动，请刷新后再试。');
}

/** A new code for the worker's WeChat (a new phone, or the first code lost); it replaces any earlier one. */
export async function createWorkerCode(session: Session, userId: string): Promise<WorkerView> {
  const post = await postOfCounty(session, userId);
  if (post.status === 'retired') throw retired();
  return workerView(post, await issueOneTimeCode(userId, session.userId, 'staff'));
}

export async function revokeWorkerCode(session: Session, userId: string): Promise<void> {
  await postOfCounty(session, userId);
  await revokeOneTimeCode(userId, 'staff');
}

// Another kind of code entered here is answered like a wrong code: nobody learns they hit an elder's code.
const staffCodeErrors: Record<RedeemProblem, () => AppError> = {
  unknown: () => notFound('STAFF_CODE_NOT_FOUND', '岗位码不对，请核对县级平台给您的 6 位数字。'),
  expired: () => gone('STAFF_CODE_EXPIRED', '岗位码已过期（24 小时内有效），请县级平台重新生成一个。'),
  used: () => gone('STAFF_CODE_USED', '这个岗位码已经用过了，请县级平台重新生成一个。'),
  revoked: () => gone('STAFF_CODE_REVOKED', '这个岗位码已经作废了，请县级平台重新生成一个。'),
  'own-code': () => conflict('STAFF_CLAIM_NOT_ALLOWED', '这个微信已经是这个岗位的账号了。'),
  'already-bound': () => conflict('STAFF_CLAIM_NOT_ALLOWED', '这个微信已经绑定了长辈，请用另一个微信号登录后再输入岗位码。'),
};

/**
 * The newcomer's fresh WeChat account (made at first sign-in) becomes the worker's or staff member's
 * account whose code they enter, with the same attempt limit as every one-time code.
 */
export function claimStaffRole(session: Session, code: string): Promise<SessionResponse> {
  return withCodeAttempt(session.userId, async () => {
    const [newcomer, bindings, found] = await Promise.all([getUser(session.userId), eldersBoundTo(session.userId), getBindingCode(code)]);
    if (!newcomer) throw unauthorized('SESSION_INVALID', '登录状态无效，请重新登录。');
    if (!newcomer.openid) throw conflict('STAFF_CLAIM_NOT_ALLOWED', '请用微信登录后再输入岗位码。');
    if (bindings.length > 0) throw staffCodeErrors['already-bound']();
    const nowSeconds = epochSeconds(clock.now());
    const problem = redeemProblem(found, session.userId, nowSeconds, 'staff');
    if (problem || !found) throw staffCodeErrors[problem ?? 'unknown']();
    const account = await getUser(found.elderId);
    if (!account || (account.role !== 'worker' && account.role !== 'staff') || account.status === 'retired') throw staffCodeErrors.unknown();
    const outcome = await claimStaffAccount(code, { ...newcomer, openid: newcomer.openid }, account, nowSeconds, isoNow());
    if (outcome === 'refused') throw staffCodeErrors[await codeProblemNow(code, session.userId, 'staff')]();
    forgetStanding(account.userId);
    await carryAcceptance(newcomer.userId, account.userId);
    return sessionFor({ ...account, openid: newcomer.openid, status: 'active' });
  });
}
