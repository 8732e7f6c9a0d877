import { addDays, ELDER_CONTACT_RETENTION_DAYS, type CloseElderInput, type CloseElderResponse } from '@yilin/contract';
import { clock, isoNow } from '../../platform/clock';
import { conflict } from '../../platform/errors';
import { logger } from '../../platform/logger';
import type { Session } from '../../platform/session-token';
import type { Actor } from '../../store/audit';
import { actorOf } from '../people/actors';
import { dropLeftEntry, eldersLeftBefore, getElder } from '../people/data/elders';
import { getUser } from '../people/data/users';
import { elderDetail, loadElderFor } from '../people/elders';
import type { ElderItem } from '../people/entities';
import { deleteElderSignIn, endElderAccess, eraseElderContacts } from '../people/forget';
import { forgetOrderContacts } from '../canteen/forget';
import { forgetBookingContacts, forgetReadings } from '../care/forget';
import { forgetAcceptances, forgetHealthConsent } from '../consent/forget';
import { forgetAlertContacts, forgetRecipient } from '../notify/forget';
import { forgetElderFiles, forgetHolder, openItemsOf, withdrawOpenWishes } from '../wishes/forget';

/**
 * An elder's closing (注销), done by the community's worker with the elder (or with the family after a death):
 * the elder leaves the register for good; what the county's settlement needs stays (name, birth date, community,
 * subsidy category, orders with prices and subsidies, visits done, redemptions), everything that reaches or
 * describes the person goes (phone, address, emergency contacts, dietary needs, health readings and consent,
 * WeChat sign-in, family bindings, messages, points). An elder who died or moved away follows the same rule
 * {@link ELDER_CONTACT_RETENTION_DAYS} days after leaving (the retention job below).
 */
export async function closeElder(session: Session, elderId: string, { note }: CloseElderInput): Promise<CloseElderResponse> {
  const { elder, access } = await loadElderFor(session, elderId, 'elder.close');
  const by = await actorOf(session);
  const at = isoNow();
  // Closed already (a retried request, or one cut off half-way): finish what is left, answer as done.
  if (elder.status !== 'closed') {
    await assertNothingOpen(elder);
    const outcome = await eraseElderContacts(elder, true, note, by, at);
    if (outcome === 'stale') throw conflict('PROFILE_CHANGED', '这位长辈的资料刚被别人改过，请刷新后再试。');
  }
  await forgetElderRecords(elder, by, at);
  const closed = await getElder(elderId);
  return elderDetail(closed ?? elder, access);
}

/** A wish a volunteer is bringing, or a gift waiting at the station, is settled first: someone is on the way. */
async function assertNothingOpen(elder: ElderItem): Promise<void> {
  const { wishesInHand, redemptionsWaiting } = await openItemsOf({ elderId: elder.elderId, holderId: elder.elderId });
  if (wishesInHand.length > 0) {
    throw conflict('CLOSE_OPEN_WISHES', `${elder.name}还有 ${wishesInHand.length} 个心愿正由志愿者办理（${wishesInHand[0]!.title}）：请等它办完，或在心愿页收回认领，再注销。`);
  }
  if (redemptionsWaiting.length > 0) {
    throw conflict('CLOSE_OPEN_REDEMPTIONS', `${elder.name}还有 ${redemptionsWaiting.length} 件兑换的东西没有领取（${redemptionsWaiting[0]!.itemName}）：请先交给长辈或取消兑换，再注销。`);
  }
}

/** What every feature forgets of the elder; run after the register says so, and safe to run again. */
async function forgetElderRecords(elder: ElderItem, by: Actor, at: string): Promise<void> {
  const { elderId } = elder;
  await endElderAccess(elderId);
  const account = await getUser(elderId);
  if (account) await deleteElderSignIn(account, at);
  await Promise.all([forgetRecipient(elderId), forgetAcceptances(elderId), forgetReadings(elderId), forgetHealthConsent(elderId)]);
  await Promise.all([forgetBookingContacts(elderId), forgetOrderContacts(elderId), forgetAlertContacts(elderId)]);
  await withdrawOpenWishes(elderId, by, at);
  // After the withdrawal: a spoken wish still waiting for review must not lose its note while it can be published.
  await forgetElderFiles(elderId);
  await forgetHolder(elderId, {});
  if (elder.statusChangedAt) await dropLeftEntry(elderId, elder.statusChangedAt);
}

/** The actor of the retention job: the rule, not a person. */
const retentionRule: Actor = { userId: 'system', name: '系统（保存期满）', role: 'system' };

export interface RetentionSummary {
  erased: number;
  changedMeanwhile: number;
  /** Back on the register (or left again later) since the entry was queued. */
  skipped: number;
  failed: number;
}

/**
 * Elders who died or moved away more than {@link ELDER_CONTACT_RETENTION_DAYS} days ago lose their contact
 * details, as at a closing (they stay 已故 / 已迁走 on the register). Each only if still as read: an elder put
 * back on the register at that moment keeps everything. Safe to run twice, or twice at once.
 */
export async function applyRetention(): Promise<RetentionSummary> {
  const now = clock.now().toISOString();
  const before = `${addDays(now.slice(0, 10), -ELDER_CONTACT_RETENTION_DAYS)}${now.slice(10)}`;
  const summary: RetentionSummary = { erased: 0, changedMeanwhile: 0, skipped: 0, failed: 0 };
  for (const entry of await eldersLeftBefore(before)) {
    // One elder that cannot be done tonight does not hold up the others; the run then fails, to be retried.
    try {
      summary[await retain(entry.elderId, entry.leftAt, now)]++;
    } catch (error) {
      summary.failed++;
      logger.error('applying the retention rule to an elder failed', { elderId: entry.elderId, error: error as Error });
    }
  }
  logger.info('retention applied to elders who left', { ...summary });
  if (summary.failed > 0) throw new Error(`the retention rule failed for ${summary.failed} elders`);
  return summary;
}

async function retain(elderId: string, leftAt: string, now: string): Promise<'erased' | 'changedMeanwhile' | 'skipped'> {
  const elder = await getElder(elderId);
  if (!elder || elder.status === 'active' || elder.statusChangedAt !== leftAt) {
    // Back on the register, or left again later (a newer entry): this one is spent.
    await dropLeftEntry(elderId, leftAt);
    return 'skipped';
  }
  if (!elder.contactsErasedAt && (await eraseElderContacts(elder, false, '', retentionRule, now)) === 'stale') return 'changedMeanwhile';
  await forgetElderRecords(elder, retentionRule, now);
  return 'erased';
}
