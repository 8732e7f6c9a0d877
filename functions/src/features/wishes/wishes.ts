import { ulid } from 'ulid';
import { yuan, type ElderWishesResponse, type PhotoUploadResponse, type WishInput, type WishResponse } from '@yilin/contract';
import { businessDate, clock, epochSeconds, isoNow } from '../../platform/clock';
import { badRequest, conflict } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { checkUpload, uploadPolicy } from '../../store/files';
import { move } from '../../store/ledger';
import { callerClaim, earlierResult } from '../../store/idempotency';
import { getVolunteer } from '../people/data/volunteers';
import { actorOf } from '../people/actors';
import { assertOnRegister, loadElderFor } from '../people/elders';
import { communityInfo, communityName } from '../people/places';
import { elderSummaryView } from '../people/views';
import { annotateWish, changeWish, getWish, pointsAccount, postWish, scorePart, wishesOfElder, wishSettingsOf, wishSubject } from './data';
import type { WishItem } from './entities';
import { addressAgreementOf } from './rules/address';
import { elderDisplayOf } from './rules/wish';
import { alreadyThere, answerWish, assertStep, listAnswers, loadWishFor, wishChanged } from './wish-access';

/** The elder's side of a wish: posting it, seeing it through, confirming it came, saying thank you. */

export async function elderWishes(session: Session, elderId: string): Promise<ElderWishesResponse> {
  const { elder, binding } = await loadElderFor(session, elderId, 'elder.read');
  const [wishes, settings, name] = await Promise.all([wishesOfElder(elderId), wishSettingsOf(elder.communityId), communityName(elder.communityId)]);
  return {
    elder: elderSummaryView(elder, name, binding?.relation),
    wishes: await listAnswers(session, wishes),
    settings: { communityId: elder.communityId, ...settings },
  };
}

const claimOf = (session: Session, elderId: string, input: WishInput) =>
  callerClaim(session.userId, input.idempotencyKey, [
    'wishes.post',
    elderId,
    input.title,
    input.story,
    input.category,
    input.valueFen,
    input.handover,
    input.addressAgreed ?? false,
    input.voiceKey ?? '',
  ]);

/** An elder's community is always on the register: a wish without its county would never reach the county's wall. */
function countyOf(community: { countyId: string } | undefined): string {
  if (!community) throw new Error('An elder on the register belongs to no known community');
  return community.countyId;
}

/** A new wish waits for the community's review; a retried submission posts it once. */
export async function post(session: Session, elderId: string, input: WishInput): Promise<WishResponse> {
  const { elder, binding, access } = await loadElderFor(session, elderId, 'elder.wish');
  const claim = claimOf(session, elderId, input);
  const earlier = await earlierResult(claim);
  if (earlier) return answerWish(session, earlier, true);
  assertOnRegister(elder);
  const [settings, community, by] = await Promise.all([wishSettingsOf(elder.communityId), communityInfo(elder.communityId), actorOf(session, binding?.relation)]);
  if (input.valueFen > settings.valueCapFen) {
    throw badRequest('WISH_VALUE_TOO_HIGH', `心愿的估计价值最多 ${yuan(settings.valueCapFen)}，请改小一点，或者和社区商量。`, { field: 'valueFen' });
  }
  const agreement = addressAgreementOf(input.handover, access === 'self', input.addressAgreed);
  if (agreement === 'missing') {
    const message = `送到家里会把${elder.name}家的地址告诉认领的志愿者，要${elder.name}本人同意：问过本人后请勾选“${elder.name}本人同意把地址告诉认领的志愿者”，或者改成“送到社区服务站”。`;
    throw badRequest('ADDRESS_AGREEMENT_MISSING', message, { fields: [{ field: 'addressAgreed', message }] });
  }
  if (input.voiceKey && (await checkUpload(voiceOwner(elderId), 'voice', input.voiceKey)) !== 'ok') {
    throw badRequest('VOICE_INVALID', '语音没有传好，请再录一次。', { field: 'voiceKey' });
  }
  const now = isoNow();
  const wish: WishItem = {
    wishId: ulid(),
    elderId,
    elderName: elder.name,
    elderDisplay: elderDisplayOf(elder.name, elder.sex),
    communityId: elder.communityId,
    centreId: elder.centreId,
    countyId: countyOf(community),
    status: 'pending',
    title: input.title,
    story: input.story,
    category: input.category,
    valueFen: input.valueFen,
    handover: input.handover,
    ...(agreement === 'not-needed' ? {} : { addressAgreedBy: session.userId, addressAgreedByName: by.name, addressAgreedAt: now }),
    ...(input.voiceKey ? { voiceKey: input.voiceKey, voiceSeconds: input.voiceSeconds } : {}),
    postedBy: session.userId,
    postedAt: now,
    version: 1,
    updatedAt: now,
  };
  const event = {
    subject: wishSubject(wish.wishId),
    concerns: elderId,
    action: 'wish.posted',
    by,
    at: now,
    changes: [
      { field: 'status', after: 'pending' },
      { field: 'title', after: input.title },
      ...(agreement === 'not-needed' ? [] : [{ field: 'addressAgreedBy', after: by.name }]),
    ],
  };
  const outcome = await postWish(wish, claim, epochSeconds(clock.now()), event);
  if (!outcome.written) {
    if (outcome.failed.includes('request')) return answerWish(session, (await earlierResult(claim))!, true);
    throw new Error(`A new wish could not be written: ${outcome.failed.join(',')}`);
  }
  return answerWish(session, wish.wishId);
}

/** Voice notes of an elder's wishes live in the elder's own folder. */
const voiceOwner = (elderId: string) => `wish-voice-${elderId}`;

/** A form to upload one voice note for the elder's next wish, straight to the files bucket. */
export async function voiceUpload(session: Session, elderId: string, contentType: string): Promise<PhotoUploadResponse> {
  await loadElderFor(session, elderId, 'elder.wish');
  const policy = await uploadPolicy(voiceOwner(elderId), 'voice', contentType);
  if (!policy) throw badRequest('INVALID_INPUT', '语音只能是 MP3、AAC 或 M4A', { field: 'contentType' });
  return policy;
}

export const getWishFor = (session: Session, wishId: string) => answerWish(session, wishId);

/** Before anyone claims it, the elder's side (or the community) takes it back. */
export async function withdraw(session: Session, wishId: string): Promise<WishResponse> {
  const { wish, binding } = await loadWishFor(session, wishId, 'elder.wish');
  if (wish.status === 'withdrawn') return answerWish(session, wishId);
  const to = assertStep(wish, 'withdraw');
  const by = await actorOf(session, binding?.relation);
  const outcome = await changeWish(wish, to, { action: 'wish.withdrawn', by, at: isoNow(), changes: [{ field: 'status', before: wish.status, after: to }] });
  if (!outcome.written) await alreadyThere(wishId, to);
  return answerWish(session, wishId);
}

/**
 * The elder's side (or a worker who saw it) confirms it came: the wish is realised and its claimer earns
 * the community's points for it, on their ledger and the month's leaderboard, in the same transaction.
 */
export async function confirm(session: Session, wishId: string): Promise<WishResponse> {
  const { wish, binding } = await loadWishFor(session, wishId, 'wish.confirm');
  if (wish.status === 'realised') return answerWish(session, wishId);
  const to = assertStep(wish, 'confirm');
  const [settings, by, volunteer] = await Promise.all([wishSettingsOf(wish.communityId), actorOf(session, binding?.relation), getVolunteer(wish.claimerId!)]);
  const at = isoNow();
  const points = settings.pointsPerWish;
  const earning =
    points > 0 && wish.claimerId
      ? move({ account: pointsAccount(wish.claimerId), entryId: ulid(), amount: points, reason: `实现心愿“${wish.title}”`, ref: `wish#${wish.wishId}`, at })
      : undefined;
  const outcome = await changeWish(
    wish,
    to,
    { action: 'wish.realised', by, at, changes: [{ field: 'status', before: wish.status, after: to }, { field: 'points', after: String(points) }] },
    {
      set: { realisedAt: at, points },
      parts: {
        entry: earning?.entry,
        balance: earning?.balance,
        score:
          earning && volunteer
            ? scorePart({ communityId: volunteer.communityId, month: businessDate().slice(0, 7), holderId: volunteer.userId, name: volunteer.name, partyMember: volunteer.partyMember, points })
            : undefined,
      },
    },
  );
  if (!outcome.written) await alreadyThere(wishId, to);
  return answerWish(session, wishId);
}

/** Once realised, the elder's side says thank you, once: the same words again are answered as sent. */
export async function thank(session: Session, wishId: string, message: string): Promise<WishResponse> {
  const { wish, binding } = await loadWishFor(session, wishId, 'wish.thank');
  if (wish.thanksAt) {
    if (wish.thanksMessage === message) return answerWish(session, wishId);
    throw conflict('ALREADY_THANKED', '已经送过感谢了，志愿者看得到。');
  }
  if (wish.status !== 'realised') throw conflict('TRANSITION_NOT_ALLOWED', '心愿实现以后才能送感谢。');
  const by = await actorOf(session, binding?.relation);
  const at = isoNow();
  const outcome = await annotateWish(
    wish,
    { thanksMessage: message, thanksAt: at, thanksByName: by.name },
    { action: 'wish.thanked', by, at, changes: [{ field: 'thanks', after: message }] },
    'no-thanks',
  );
  if (!outcome.written) {
    // Someone thanked at this very moment (the same words are answered as sent), or the wish changed.
    const now = await getWish(wishId);
    if (now?.thanksMessage !== message) throw now?.thanksAt ? conflict('ALREADY_THANKED', '已经送过感谢了，志愿者看得到。') : wishChanged();
  }
  return answerWish(session, wishId);
}
