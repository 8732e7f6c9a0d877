import { addDays, PRIVACY_NOTICE_VERSION } from '@yilin/contract';
import { instantOf, businessDate } from '../platform/clock';
import { AuditEvent, newEventId, subjectOf } from '../store/audit';
import { HealthConsent, PrivacyAcceptance } from '../features/consent/entities';
import { demoElders, demoServiceStaff, demoStaff } from './demo-data';

/**
 * The demo's consents, for `npm start` and the suites that run on the demo: every demo account has accepted
 * the privacy notice in force (a fresh WeChat account is asked), and 王秀英, whose checkups the demo keeps,
 * consented herself to her health data being kept, five weeks ago, before the first of them.
 */
export async function ensureDemoConsents(): Promise<void> {
  const { data: accepted } = await PrivacyAcceptance.get({ userId: 'demo-elder-wang', version: PRIVACY_NOTICE_VERSION }).go();
  if (!accepted) {
    const acceptedAt = instantOf(addDays(businessDate(), -35), '08:00').toISOString();
    const users = [...demoElders, ...demoStaff, ...demoServiceStaff].map((user) => user.userId);
    await PrivacyAcceptance.put(users.map((userId) => ({ userId, version: PRIVACY_NOTICE_VERSION, acceptedAt }))).go();
  }
  const { data: consent } = await HealthConsent.get({ elderId: 'demo-elder-wang' }).go();
  if (consent) return;
  const at = instantOf(addDays(businessDate(), -35), '08:05').toISOString();
  const by = { actorId: 'demo-elder-wang', actorName: '王秀英', actorRole: 'elder' };
  await HealthConsent.put({ elderId: 'demo-elder-wang', given: true, changedAt: at, changedById: by.actorId, changedByName: by.actorName, changedByRole: by.actorRole }).go();
  await AuditEvent.put({
    subject: subjectOf('healthConsent', 'demo-elder-wang'), eventId: newEventId(at), concerns: 'demo-elder-wang', action: 'health.consentGiven', at, ...by,
    changes: [{ field: 'healthConsent', after: 'true' }],
  }).go();
}
