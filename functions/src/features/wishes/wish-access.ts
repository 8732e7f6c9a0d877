import { wishStatusNames, type WishResponse, type WishStatus, type WishView } from '@yilin/contract';
import { may, relationTo, type Action, type Relation } from '../../access/policy';
import { conflict, notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { auditOf } from '../../store/audit';
import { readUrl } from '../../store/files';
import { getBinding } from '../people/data/bindings';
import { getElder } from '../people/data/elders';
import { getVolunteer } from '../people/data/volunteers';
import { mayServeAsVolunteer } from '../people/rules/volunteer';
import type { BindingItem } from '../people/entities';
import { communityName } from '../people/places';
import { getWish, wishSubject } from './data';
import type { WishItem } from './entities';
import { inHand, nextWishStatus, onTheWall, type WishEvent } from './rules/wish';
import { seesInFull, wishView } from './views';

/** Who reaches a wish and how: one place for loading a wish for an action, and for answering with it. */

export const wishNotFound = () => notFound('WISH_NOT_FOUND', '没有找到这个心愿，可能已经撤回了。');

export interface WishAccess {
  wish: WishItem;
  access: Relation;
  binding?: BindingItem;
}

/** The caller's binding to an elder, if they are a relative: read once per elder however many wishes name them. */
type BindingOf = (elderId: string) => Promise<BindingItem | undefined>;

const bindingsOf = (session: Session): BindingOf => {
  const read = new Map<string, Promise<BindingItem | undefined>>();
  return (elderId) => {
    if (session.role !== 'family') return Promise.resolve(undefined);
    if (!read.has(elderId)) read.set(elderId, getBinding(elderId, session.userId));
    return read.get(elderId)!;
  };
};

/** How the caller stands to the wish: a volunteer who did not claim it sees it only while it is on the wall. */
export async function accessTo(session: Session, wish: WishItem, bindingOf: BindingOf = bindingsOf(session)): Promise<WishAccess> {
  const binding = await bindingOf(wish.elderId);
  const access = relationTo(
    session,
    { elderId: wish.elderId, communityId: wish.communityId, centreId: wish.centreId, countyId: wish.countyId, claimerId: wish.claimerId },
    binding !== undefined,
  );
  return { wish, access, binding };
}

const visible = ({ wish, access }: WishAccess) => may('wish.read', access) && (seesInFull(access) || access === 'claimer' || onTheWall(wish.status));

/** A wish the caller may do `action` on; anyone else is told it does not exist. */
export async function loadWishFor(session: Session, wishId: string, action: Action, known?: WishItem): Promise<WishAccess> {
  const wish = known ?? (await getWish(wishId));
  if (!wish) throw wishNotFound();
  const reached = await accessTo(session, wish);
  if (!visible(reached) || !may(action, reached.access)) throw wishNotFound();
  return reached;
}

const stepNames: Record<WishEvent, string> = {
  publish: '发布',
  reject: '不通过',
  withdraw: '撤回',
  claim: '认领',
  release: '放弃认领',
  expire: '放回心愿墙',
  deliver: '标记办好',
  confirm: '确认收到',
};

/** The step must be one the wish's state allows (409 otherwise, saying where the wish is now). */
export function assertStep(wish: WishItem, event: WishEvent) {
  const to = nextWishStatus(wish.status, event);
  if (!to) {
    throw conflict('TRANSITION_NOT_ALLOWED', `这个心愿现在是“${wishStatusNames[wish.status]}”，不能${stepNames[event]}了。请刷新看看。`, { status: wish.status });
  }
  return to;
}

export const wishChanged = () => conflict('WISH_CHANGED', '这个心愿刚有变动，请刷新后再试。');

/**
 * After a change that was not written because the wish moved meanwhile: if someone else made the same step at
 * the same moment (the elder and a worker both confirming), the wish is where the caller wanted it and that
 * is the answer; otherwise the caller is told it changed.
 */
export async function alreadyThere(wishId: string, status: WishStatus): Promise<void> {
  if ((await getWish(wishId))?.status !== status) throw wishChanged();
}

/** Whether a volunteer may take on wishes at all: confirmed by their community (read once per request). */
export interface Viewer {
  confirmedVolunteer: boolean;
}

export async function viewerOf(session: Session): Promise<Viewer> {
  return { confirmedVolunteer: session.role === 'volunteer' && mayServeAsVolunteer(await getVolunteer(session.userId)) };
}

/** What the caller may do with the wish now, by the policy, the state machine and (to claim) being confirmed. */
export function abilitiesOf({ wish, access }: WishAccess, viewer: Viewer): WishView['can'] {
  const allows = (action: Action, event: WishEvent) => may(action, access) && nextWishStatus(wish.status, event) !== undefined;
  return {
    withdraw: allows('elder.wish', 'withdraw'),
    review: allows('wish.review', 'publish'),
    claim: viewer.confirmedVolunteer && allows('wish.claim', 'claim'),
    release: allows('wish.release', 'release'),
    deliver: allows('wish.deliver', 'deliver'),
    confirm: allows('wish.confirm', 'confirm'),
    thank: may('wish.thank', access) && wish.status === 'realised' && !wish.thanksAt,
  };
}

export interface AnswerOptions {
  /**
   * One wish's page (the default) carries its timeline, where it is handed over and links to its photo and
   * voice note; a list carries none of them, so a list costs no read or signature per wish for them.
   */
  detail?: boolean;
  viewer?: Viewer;
}

/**
 * The wish as the caller sees it, with its timeline and, for those who hand it over, where it goes: the
 * elder's side and the community always, the claimer while the wish is in their hands.
 */
export async function wishAnswer(session: Session, reached: WishAccess, options: AnswerOptions = {}) {
  const { wish, access } = reached;
  const detail = options.detail !== false;
  const full = seesInFull(access);
  const handoverShown = detail && (full || (access === 'claimer' && inHand(wish.status)));
  const [name, events, elder, photoUrl, voiceUrl, viewer] = await Promise.all([
    communityName(wish.communityId),
    detail && full ? auditOf(wishSubject(wish.wishId), { limit: 50 }) : Promise.resolve(undefined),
    handoverShown && wish.handover === 'home' && wish.claimerId ? getElder(wish.elderId) : Promise.resolve(undefined),
    detail && (full || access === 'claimer') && wish.deliveryPhotoKey ? readUrl(wish.deliveryPhotoKey) : Promise.resolve(undefined),
    detail && full && wish.voiceKey ? readUrl(wish.voiceKey) : Promise.resolve(undefined),
    options.viewer ?? viewerOf(session),
  ]);
  const handoverDetail =
    handoverShown && wish.claimerId
      ? wish.handover === 'home' && elder
        ? { place: `送到${wish.elderDisplay}家里`, address: elder.address }
        : { place: `交到${name}服务站，由社区工作人员转交` }
      : undefined;
  const view = wishView(wish, {
    access,
    communityName: name,
    can: abilitiesOf(reached, viewer),
    events: events?.slice().reverse(),
    ...(photoUrl ? { photoUrl } : {}),
    ...(voiceUrl ? { voiceUrl } : {}),
    ...(handoverDetail ? { handoverDetail } : {}),
  });
  return full ? { ...view, ...addressAgreementShown(wish) } : view;
}

/** Who agreed to give the address for a home handover, as the elder's side and the community see it. */
function addressAgreementShown(wish: WishItem): Pick<WishView, 'addressAgreement'> {
  if (wish.handover !== 'home' || !wish.addressAgreedBy || !wish.addressAgreedAt) return {};
  return { addressAgreement: { byName: wish.addressAgreedByName ?? '', onBehalf: wish.addressAgreedBy !== wish.elderId, at: wish.addressAgreedAt } };
}

/** The answer of a step on one wish: the wish as the caller now sees it. */
export async function answerWish(session: Session, wishId: string, replayed?: true): Promise<WishResponse> {
  const reached = await loadWishFor(session, wishId, 'wish.read');
  return { wish: await wishAnswer(session, reached), ...(replayed ? { replayed } : {}) };
}

/** Wishes of a list, each as the caller sees it: the caller and their bindings read once for the whole list. */
export async function listAnswers(session: Session, wishes: WishItem[]): Promise<WishView[]> {
  const viewer = await viewerOf(session);
  const bindingOf = bindingsOf(session);
  return Promise.all(wishes.map(async (wish) => wishAnswer(session, await accessTo(session, wish, bindingOf), { detail: false, viewer })));
}
