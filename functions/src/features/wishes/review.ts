import { SPOKEN_WISH_TITLE, yuan, type PublishWishInput, type WishesPage, type WishResponse, type WishSettingsInput, type WishSettingsView, type WishStatus } from '@yilin/contract';
import { may, relationTo, type Action } from '../../access/policy';
import { isoNow } from '../../platform/clock';
import { badRequest, forbidden, notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import type { FieldChange } from '../../store/audit';
import { actorOf } from '../people/actors';
import { communityInfo, type CommunityInfo } from '../people/places';
import { changeWish, saveWishSettings, wishesOfCommunity, wishSettingsOf } from './data';
import { alreadyThere, answerWish, assertStep, listAnswers, loadWishFor } from './wish-access';

/** The community's side: its wishes, reviewing them, and its rules for wishes and points. */

/** A community's things (its wishes, rules, store): refused with 403, a community being no secret. */
export async function assertCommunityAccess(session: Session, communityId: string, action: Action): Promise<CommunityInfo> {
  const community = await communityInfo(communityId);
  if (!community) throw notFound('COMMUNITY_NOT_FOUND', '没有找到这个社区。');
  if (!may(action, relationTo(session, { communityId, centreId: community.centreId, countyId: community.countyId }, false))) {
    throw forbidden('NOT_YOUR_COMMUNITY', session.role === 'admin' ? '您只能查看本县的社区。' : '您只能查看和处理本社区的事务。');
  }
  return community;
}

export async function communityWishes(session: Session, communityId: string, status: WishStatus | undefined, cursor: string | undefined): Promise<WishesPage> {
  await assertCommunityAccess(session, communityId, 'community.readWishes');
  // Those waiting for review, the longest waiting first; every other list the newest first.
  const page = await wishesOfCommunity(communityId, status, cursor, 20, status === 'pending' ? 'asc' : 'desc');
  return { items: await listAnswers(session, page.items), cursor: page.cursor };
}

/**
 * Publishing puts the wish on the wall. The worker may change it first (a name or a door number in its
 * words, its category, its value): the wish as posted is kept, and the elder's side sees before and after.
 */
export async function publish(session: Session, wishId: string, input: PublishWishInput): Promise<WishResponse> {
  const { wish } = await loadWishFor(session, wishId, 'wish.review');
  const next = { title: input.title ?? wish.title, story: input.story ?? wish.story, category: input.category ?? wish.category, valueFen: input.valueFen ?? wish.valueFen };
  const edits = (['title', 'story', 'category', 'valueFen'] as const).filter((field) => next[field] !== wish[field]);
  if (wish.status === 'published' && edits.length === 0) return answerWish(session, wishId);
  const to = assertStep(wish, 'publish');
  if (wish.voiceKey && next.title === SPOKEN_WISH_TITLE) {
    throw badRequest('INVALID_INPUT', '这是长辈录的语音心愿：请先听一听，把标题写成长辈说的心愿，再发布。', { field: 'title' });
  }
  if (next.valueFen !== wish.valueFen) {
    const { valueCapFen } = await wishSettingsOf(wish.communityId);
    if (next.valueFen > valueCapFen) throw badRequest('WISH_VALUE_TOO_HIGH', `心愿的估计价值最多 ${yuan(valueCapFen)}。`, { field: 'valueFen' });
  }
  const changes: FieldChange[] = [{ field: 'status', before: wish.status, after: to }, ...edits.map((field) => ({ field, before: String(wish[field]), after: String(next[field]) }))];
  const asPosted = edits.length ? { postedTitle: wish.title, postedStory: wish.story, postedCategory: wish.category, postedValueFen: wish.valueFen } : {};
  const at = isoNow();
  const outcome = await changeWish(wish, to, { action: 'wish.published', by: await actorOf(session), at, changes }, { set: { ...next, ...asPosted, publishedAt: at } });
  if (!outcome.written) await alreadyThere(wishId, to);
  return answerWish(session, wishId);
}

export async function reject(session: Session, wishId: string, reason: string): Promise<WishResponse> {
  const { wish } = await loadWishFor(session, wishId, 'wish.review');
  if (wish.status === 'rejected' && wish.rejectReason === reason) return answerWish(session, wishId);
  const to = assertStep(wish, 'reject');
  const outcome = await changeWish(
    wish,
    to,
    { action: 'wish.rejected', by: await actorOf(session), at: isoNow(), changes: [{ field: 'status', before: wish.status, after: to }, { field: 'rejectReason', after: reason }] },
    { set: { rejectReason: reason } },
  );
  if (!outcome.written) await alreadyThere(wishId, to);
  return answerWish(session, wishId);
}

export async function wishSettings(session: Session, communityId: string): Promise<WishSettingsView> {
  await assertCommunityAccess(session, communityId, 'community.readWishes');
  return { communityId, ...(await wishSettingsOf(communityId)) };
}

export async function setWishSettings(session: Session, communityId: string, input: WishSettingsInput): Promise<WishSettingsView> {
  await assertCommunityAccess(session, communityId, 'community.runWishes');
  await saveWishSettings(communityId, input, await actorOf(session), isoNow());
  return { communityId, ...input };
}
