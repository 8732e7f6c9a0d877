import type { DutyPhoneView } from '@yilin/contract';
import { isoNow } from '../../platform/clock';
import { notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { recordAudit, subjectOf } from '../../store/audit';
import { actorOf } from '../people/actors';
import { getCommunity, setDutyPhone } from '../people/data/org';
import { assertCommunityAccess } from '../wishes/review';

/** The community's duty line: the number an elder calling for help is shown after 120. */

export async function dutyPhoneOf(session: Session, communityId: string): Promise<DutyPhoneView> {
  await assertCommunityAccess(session, communityId, 'community.readAlerts');
  const community = await getCommunity(communityId);
  return { communityId, ...(community?.dutyPhone ? { dutyPhone: community.dutyPhone } : {}) };
}

export async function changeDutyPhone(session: Session, communityId: string, dutyPhone: string): Promise<DutyPhoneView> {
  await assertCommunityAccess(session, communityId, 'community.setDutyPhone');
  const before = (await getCommunity(communityId))?.dutyPhone;
  if (before === dutyPhone) return { communityId, dutyPhone };
  const by = await actorOf(session);
  const audit = recordAudit({ subject: subjectOf('community', communityId), concerns: communityId, action: 'community.dutyPhone', by, at: isoNow(), changes: [{ field: 'dutyPhone', before, after: dutyPhone }] });
  if (!(await setDutyPhone(communityId, dutyPhone, audit))) throw notFound('COMMUNITY_NOT_FOUND', '没有找到这个社区。');
  return { communityId, dutyPhone };
}
