import { PRIVACY_NOTICE_VERSION, type PrivacyAcceptanceInput, type PrivacyNoticeView } from '@yilin/contract';
import { isoNow } from '../../platform/clock';
import { conflict } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { getAcceptance, saveAcceptance } from './data';
import { isNoticeInForce } from './rules';

/**
 * The privacy notice and user agreement: each person's acceptance of the version in force, kept with its time.
 * A new version (a new `PRIVACY_NOTICE_VERSION`) finds no acceptance, so the app asks again.
 */

export async function privacyNoticeOf(userId: string): Promise<PrivacyNoticeView> {
  const acceptance = await getAcceptance(userId, PRIVACY_NOTICE_VERSION);
  return { version: PRIVACY_NOTICE_VERSION, accepted: acceptance !== undefined, ...(acceptance ? { acceptedAt: acceptance.acceptedAt } : {}) };
}

/** Accepting the version in force; accepting it again changes nothing and answers the same. */
export async function acceptPrivacyNotice(session: Session, { version }: PrivacyAcceptanceInput): Promise<PrivacyNoticeView> {
  if (!isNoticeInForce(version)) {
    throw conflict('PRIVACY_VERSION_OUTDATED', `隐私保护指引和用户协议已经更新（新版本 ${PRIVACY_NOTICE_VERSION}），请重新打开小程序，看过新版本后再同意。`, {
      version: PRIVACY_NOTICE_VERSION,
    });
  }
  await saveAcceptance({ userId: session.userId, version, acceptedAt: isoNow() });
  return privacyNoticeOf(session.userId);
}

/**
 * The person signed in with a new WeChat account takes over another one (an elder's profile, a work account):
 * the notice they accepted a moment ago comes with them, rather than being asked again.
 */
export async function carryAcceptance(fromUserId: string, toUserId: string): Promise<void> {
  const accepted = await getAcceptance(fromUserId, PRIVACY_NOTICE_VERSION);
  if (accepted) await saveAcceptance({ ...accepted, userId: toUserId });
}
