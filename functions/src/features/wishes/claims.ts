import { phoneDigits, type MyWishesResponse, type PhotoUploadResponse, type WallResponse, type WishResponse, type WishTallyView, type DeliverWishInput } from '@yilin/contract';
import { may } from '../../access/policy';
import { clock, isoNow } from '../../platform/clock';
import { badRequest, conflict, notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { auditOf } from '../../store/audit';
import { checkUpload, uploadPolicy } from '../../store/files';
import { balanceOf } from '../../store/ledger';
import { getBinding } from '../people/data/bindings';
import { getElder } from '../people/data/elders';
import { centresOfCounty, communitiesOfCentre } from '../people/data/org';
import { getVolunteer, volunteerNotClosing, type VolunteerItem } from '../people/data/volunteers';
import { mayServeAsVolunteer } from '../people/rules/volunteer';
import { accountClosing } from '../people/volunteers';
import { actorOf } from '../people/actors';
import { communityName } from '../people/places';
import { changeWish, getWish, holdClaim, returnToWall, wishSubject, pointsAccount, talliesOf, wishesOfClaimer, wishesOfCommunity, wishesOfCounty, wishSettingsOf } from './data';
import type { WishItem } from './entities';
import { assertCommunityAccess } from './review';
import { inHand } from './rules/wish';
import { accessTo, alreadyThere, answerWish, assertStep, listAnswers, loadWishFor, wishAnswer, wishNotFound } from './wish-access';

/** The volunteer's side: the wall, claiming a wish, handing it over, and their own wishes. */

const RECENTLY_REALISED = 5;

/** The wall: one community's published wishes with its counts, or the county's with every community's. */
export async function wall(session: Session, communityId: string | undefined, cursor: string | undefined): Promise<WallResponse> {
  const countyId = session.countyId;
  let communities: Array<{ communityId: string; name: string }>;
  let page;
  let realised;
  if (communityId) {
    await assertCommunityAccess(session, communityId, 'community.wall');
    communities = [{ communityId, name: await communityName(communityId) }];
    [page, realised] = await Promise.all([
      wishesOfCommunity(communityId, 'published', cursor, 20),
      cursor ? undefined : wishesOfCommunity(communityId, 'realised', undefined, RECENTLY_REALISED),
    ]);
  } else {
    if (!countyId) throw badRequest('INVALID_INPUT', '请选择一个社区', { field: 'communityId' });
    const centres = await centresOfCounty(countyId);
    communities = (await Promise.all(centres.map((centre) => communitiesOfCentre(centre.centreId)))).flat().map((community) => ({ communityId: community.communityId, name: community.name }));
    [page, realised] = await Promise.all([
      wishesOfCounty(countyId, 'published', cursor, 20),
      cursor ? undefined : wishesOfCounty(countyId, 'realised', undefined, RECENTLY_REALISED),
    ]);
  }
  const tallies = await talliesOf(communities.map((community) => community.communityId));
  const tallyViews: WishTallyView[] = communities.map((community) => {
    const tally = tallies.get(community.communityId);
    return { communityId: community.communityId, communityName: community.name, collected: tally?.collected ?? 0, waiting: tally?.waiting ?? 0, inProgress: tally?.inProgress ?? 0, realised: tally?.realised ?? 0 };
  });
  return {
    tallies: tallyViews.sort((a, b) => b.collected - a.collected || a.communityName.localeCompare(b.communityName, 'zh')),
    wishes: await listAnswers(session, page.items),
    cursor: page.cursor,
    realised: await listAnswers(session, realised?.items ?? []),
  };
}

/** The elder's numbers as the register has them, the elder's own and each emergency contact's, as compared. */
const phonesOf = (elder: { phone: string; emergencyContacts: Array<{ phone: string }> }) => new Set([elder.phone, ...elder.emergencyContacts.map((contact) => contact.phone)].map(phoneDigits));

/**
 * Nobody claims their own wish or their family's: whoever posted it, a bound relative, or someone whose number
 * is the elder's or an emergency contact's (written with or without '-'). A relative's account carries no
 * number of its own: the emergency contacts are the numbers the family gave.
 */
async function assertNotFamily(wish: WishItem, volunteer: VolunteerItem) {
  const [elder, binding] = await Promise.all([getElder(wish.elderId), getBinding(wish.elderId, volunteer.userId)]);
  if (wish.postedBy === volunteer.userId || binding || (elder && phonesOf(elder).has(phoneDigits(volunteer.phone)))) {
    throw conflict('CLAIM_OWN_FAMILY', '这是您自己或家里长辈的心愿，不能由您认领。请让其他志愿者来帮忙。');
  }
}

/**
 * Claiming: exactly one volunteer wins when many tap at once (the wish moves only from the version read),
 * and the claim has the community's deadline. The one who lost is told someone else was quicker.
 */
export async function claim(session: Session, wishId: string): Promise<WishResponse> {
  const wish = await getWish(wishId);
  if (!wish) throw wishNotFound();
  const reached = await accessTo(session, wish);
  if (reached.access === 'claimer') return answerWish(session, wishId);
  if (!may('wish.claim', reached.access)) throw wishNotFound();
  if (wish.status === 'pending') throw wishNotFound();
  if (inHand(wish.status) || wish.status === 'realised') throw conflict('WISH_TAKEN', '这个心愿已经有志愿者认领了，看看心愿墙上别的心愿吧。');
  if (wish.status !== 'published') throw conflict('WISH_NOT_PUBLISHED', '这个心愿已经不在心愿墙上了。');
  const volunteer = await getVolunteer(session.userId);
  if (!volunteer || !mayServeAsVolunteer(volunteer)) throw conflict('VOLUNTEER_NOT_CONFIRMED', '社区确认您的志愿者身份以后才能认领心愿。请等社区工作者联系您。');
  await assertNotFamily(wish, volunteer);
  const to = assertStep(wish, 'claim');
  const settings = await wishSettingsOf(wish.communityId);
  const at = isoNow();
  const deadline = new Date(clock.now().getTime() + settings.claimDays * 24 * 3600 * 1000).toISOString();
  const outcome = await changeWish(
    wish,
    to,
    { action: 'wish.claimed', by: await actorOf(session), at, changes: [{ field: 'status', before: wish.status, after: to }, { field: 'claimDeadline', after: deadline }] },
    {
      set: { claimerId: volunteer.userId, claimerName: volunteer.name, claimerPartyMember: volunteer.partyMember, claimedAt: at, claimDeadline: deadline },
      parts: { link: holdClaim(volunteer.userId, wishId, at), volunteer: volunteerNotClosing(volunteer.userId, clock.now()) },
    },
  );
  if (!outcome.written) {
    const now = await getWish(wishId);
    // Sent again after it went through: answered with the wish, whatever happened since.
    if (now?.claimerId === volunteer.userId) return answerWish(session, wishId);
    if (outcome.failed.includes('volunteer')) throw accountClosing();
    throw conflict('WISH_TAKEN', '慢了一步，这个心愿刚被别的志愿者认领了。看看心愿墙上别的心愿吧。');
  }
  return answerWish(session, wishId);
}

/**
 * Back to the wall: the claimer gives it up (also after saying it was done, if it was not), or a worker takes it
 * from a claimer who went quiet. A volunteer who sends it again after it went through is answered with the wish.
 */
export async function release(session: Session, wishId: string): Promise<WishResponse> {
  const known = await getWish(wishId);
  if (known && session.role === 'volunteer' && known.claimerId !== session.userId && (await releasedBy(wishId, session.userId))) {
    return { wish: await wishAnswer(session, await accessTo(session, known)) };
  }
  const { wish } = await loadWishFor(session, wishId, 'wish.release', known);
  const to = assertStep(wish, 'release');
  const outcome = await returnToWall(wish, { action: 'wish.released', by: await actorOf(session), at: isoNow() });
  if (!outcome.written) await alreadyThere(wishId, to);
  // The volunteer no longer holds it: they see it as the wall shows it.
  return session.role === 'volunteer' ? { wish: await wishAnswer(session, await accessTo(session, (await getWish(wishId))!)) } : answerWish(session, wishId);
}

/** The caller's own release is the wish's latest. */
async function releasedBy(wishId: string, userId: string): Promise<boolean> {
  const [latest] = await auditOf(wishSubject(wishId), { action: 'wish.released', limit: 1 });
  return latest?.actorId === userId;
}

export async function deliveryPhotoUpload(session: Session, wishId: string, contentType: string): Promise<PhotoUploadResponse> {
  await loadWishFor(session, wishId, 'wish.deliver');
  const policy = await uploadPolicy(`wish-${wishId}`, 'photo', contentType);
  if (!policy) throw badRequest('INVALID_INPUT', '照片只能是 JPG、PNG 或 WebP', { field: 'contentType' });
  return policy;
}

/** The claimer says it is done, with a few words and maybe a photo; the elder's side then confirms. */
export async function deliver(session: Session, wishId: string, input: DeliverWishInput): Promise<WishResponse> {
  const { wish } = await loadWishFor(session, wishId, 'wish.deliver');
  if (wish.status === 'delivered' && wish.deliveryMessage === input.message) return answerWish(session, wishId);
  const to = assertStep(wish, 'deliver');
  if (input.photoKey && (await checkUpload(`wish-${wishId}`, 'photo', input.photoKey)) !== 'ok') {
    throw badRequest('PHOTO_INVALID', '照片没有传好，或者不是照片。请重新选一张。', { field: 'photoKey' });
  }
  const at = isoNow();
  const outcome = await changeWish(
    wish,
    to,
    { action: 'wish.delivered', by: await actorOf(session), at, changes: [{ field: 'status', before: wish.status, after: to }, { field: 'message', after: input.message }] },
    { set: { deliveredAt: at, deliveryMessage: input.message, ...(input.photoKey ? { deliveryPhotoKey: input.photoKey } : {}) } },
  );
  if (!outcome.written) await alreadyThere(wishId, to);
  return answerWish(session, wishId);
}

/** A volunteer's wishes: in hand (deadline first) and realised, with their balance. */
export async function myWishes(session: Session): Promise<MyWishesResponse> {
  const [volunteer, wishes, balance] = await Promise.all([getVolunteer(session.userId), wishesOfClaimer(session.userId), balanceOf(pointsAccount(session.userId))]);
  if (!volunteer) throw notFound('VOLUNTEER_NOT_FOUND', '没有找到您的志愿者报名，请先报名。');
  const views = await listAnswers(session, wishes);
  return {
    inHand: views.filter((wish) => inHand(wish.status)).sort((a, b) => (a.claimDeadline ?? '').localeCompare(b.claimDeadline ?? '')),
    realised: views.filter((wish) => wish.status === 'realised'),
    balance,
    confirmed: mayServeAsVolunteer(volunteer),
    partyMember: volunteer.partyMember,
  };
}

