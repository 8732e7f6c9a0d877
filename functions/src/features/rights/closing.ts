import { ELDER_CLOSES_WITH_COMMUNITY, WORK_ACCOUNT_CLOSES_WITH_COUNTY, type CloseAccountResponse } from '@yilin/contract';
import { isoNow } from '../../platform/clock';
import { conflict } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { forgetStanding, missingAccountRefusal } from '../people/standing';
import { getUser } from '../people/data/users';
import { allBindingsOf } from '../people/data/bindings';
import { getElders } from '../people/data/elders';
import { getVolunteer, markVolunteerClosing } from '../people/data/volunteers';
import { deleteAccount, endBindingsOf, forgetVolunteer } from '../people/forget';
import type { UserItem } from '../people/entities';
import { forgetRater } from '../care/forget';
import { forgetAcceptances, forgetConsentGiver } from '../consent/forget';
import { actorTrailOf, forgetActor } from '../insights/forget';
import { forgetRaiser, forgetRecipient } from '../notify/forget';
import { forgetClaimer, forgetHolder, forgetRelativeOnWishes, openItemsOf } from '../wishes/forget';

/**
 * Closing one's own account (注销): a relative's or a volunteer's account and identity go at once, with their
 * bindings; what the county must keep of what they did stays without their name or any way to reach them
 * (README, "What is kept when someone leaves"). An elder closes with the community's worker (elder-closing.ts):
 * the subsidy records are theirs. Work accounts end by the admin's retirement.
 */
export async function closeAccount(session: Session): Promise<CloseAccountResponse> {
  // Read consistently: a closing asked again must find the account gone, not an older copy of it.
  const user = await getUser(session.userId, { consistent: true });
  if (!user) throw await missingAccountRefusal(session);
  if (user.role === 'elder') {
    throw conflict('CLOSE_ELDER_WITH_WORKER', ELDER_CLOSES_WITH_COMMUNITY);
  }
  if (user.role !== 'family' && user.role !== 'volunteer') {
    throw conflict('CLOSE_WORK_ACCOUNT', WORK_ACCOUNT_CLOSES_WITH_COUNTY);
  }
  const at = isoNow();
  // First nothing new may be taken on (volunteerNotClosing), then the look for what is still open.
  if (user.role === 'volunteer') await markVolunteerClosing(user.userId, at, true);
  try {
    await assertNothingOpen(user);
  } catch (error) {
    if (user.role === 'volunteer') await markVolunteerClosing(user.userId, at, false);
    throw error;
  }
  await forgetAccount(user, at);
  forgetStanding(user.userId);
  return { closedAt: at };
}

/** A wish in the volunteer's hands or a gift waiting at the centre is someone else's too: finish or give it back first. */
async function assertNothingOpen(user: UserItem): Promise<void> {
  const { wishesInHand, redemptionsWaiting } = await openItemsOf({ claimerId: user.userId, holderId: user.userId });
  if (wishesInHand.length > 0) {
    throw conflict('CLOSE_OPEN_WISHES', `您还有 ${wishesInHand.length} 个认领的心愿没有完成（${wishesInHand[0]!.title}）：请先送到并等长辈确认，或者放弃认领，再注销。`);
  }
  if (redemptionsWaiting.length > 0) {
    throw conflict('CLOSE_OPEN_REDEMPTIONS', `您还有 ${redemptionsWaiting.length} 件兑换的东西没有领取（${redemptionsWaiting[0]!.itemName}）：请先领取或取消兑换，再注销。`);
  }
}

/**
 * Every feature forgets what it holds of the person; the account goes last, so a closing cut off half-way is
 * finished by asking again (each step finds less to do the second time).
 */
export async function forgetAccount(user: UserItem, at: string): Promise<void> {
  const { userId } = user;
  const [bindings, volunteer, done] = await Promise.all([allBindingsOf(userId), getVolunteer(userId), actorTrailOf(userId)]);
  // The elders they look after, and those they once did (a binding since ended): their name is on those records too.
  const concerned = [...bindings.map((binding) => binding.elderId), ...done.map((copy) => copy.concerns)];
  const elderIds = (await getElders([...new Set(concerned)])).map((elder) => elder.elderId);
  await Promise.all([forgetRater(elderIds, userId), forgetRaiser(elderIds, userId), forgetConsentGiver(elderIds, userId), forgetRelativeOnWishes(elderIds, user)]);
  await forgetClaimer(userId);
  await forgetHolder(userId, { renameIn: volunteer?.communityId ?? user.communityId, name: user.name });
  await Promise.all([forgetRecipient(userId), forgetAcceptances(userId)]);
  await forgetActor(user, { communityId: volunteer?.communityId ?? user.communityId, countyId: volunteer?.countyId ?? user.countyId }, done);
  await endBindingsOf(userId);
  await forgetVolunteer(userId);
  await deleteAccount(user, at);
}
