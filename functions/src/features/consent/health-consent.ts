import type { HealthConsentInput, HealthConsentView } from '@yilin/contract';
import { isoNow } from '../../platform/clock';
import { unavailable } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { subjectOf } from '../../store/audit';
import { actorOf } from '../people/actors';
import { loadElderFor } from '../people/elders';
import { visitingStaff } from '../care/health';
import { forgetReadings } from '../care/forget';
import { changeHealthConsent, getHealthConsent } from './data';
import type { HealthConsentItem } from './entities';

/**
 * The elder's consent to the processing of health data, apart from the privacy notice (PIPL asks for a separate
 * consent for sensitive data). The elder gives or withdraws it, or a bound relative does for them; the elder's
 * page shows who did and when. Without it, visits still happen but no measurement is kept (see measurements.ts).
 */

const viewOf = (elderId: string, item: HealthConsentItem | undefined): HealthConsentView =>
  item
    ? { elderId, given: item.given, changedAt: item.changedAt, changedByName: item.changedByName, bySelf: item.changedByRole === 'elder' }
    : { elderId, given: false };

export async function readHealthConsent(session: Session, elderId: string): Promise<HealthConsentView> {
  await loadElderFor(session, elderId, 'elder.readHealthConsent', await visitingStaff(session, elderId));
  return viewOf(elderId, await getHealthConsent(elderId));
}

/**
 * Giving or withdrawing: the same answer again changes nothing; each change keeps who, when and its audit event.
 * Withdrawing also deletes the readings already kept (PIPL: processing ends, the data goes), after the answer
 * is stored, and again on a repeated withdrawal, so one cut off half-way is finished by asking again. The
 * visits' notes and checklists stay: they record the service, not the body.
 */
export async function setHealthConsent(session: Session, elderId: string, input: HealthConsentInput): Promise<HealthConsentView> {
  const view = await answerHealthConsent(session, elderId, input);
  if (!input.given) await forgetReadings(elderId);
  return view;
}

async function answerHealthConsent(session: Session, elderId: string, { given }: HealthConsentInput): Promise<HealthConsentView> {
  const { binding } = await loadElderFor(session, elderId, 'elder.setHealthConsent');
  const by = await actorOf(session, binding?.relation);
  // Someone else answered at the same moment: decide again on what is stored now.
  for (let attempt = 0; attempt < 3; attempt++) {
    const previous = await getHealthConsent(elderId);
    if (previous?.given === given) return viewOf(elderId, previous);
    const at = isoNow();
    const next: HealthConsentItem = { elderId, given, changedAt: at, changedById: by.userId, changedByName: by.name, changedByRole: by.role };
    const outcome = await changeHealthConsent(previous, next, {
      subject: subjectOf('healthConsent', elderId),
      concerns: elderId,
      action: given ? 'health.consentGiven' : 'health.consentWithdrawn',
      by,
      at,
      changes: [{ field: 'healthConsent', ...(previous ? { before: String(previous.given) } : {}), after: String(given) }],
    });
    if (outcome.written) return viewOf(elderId, next);
  }
  throw unavailable('SERVICE_BUSY', '健康数据同意没有保存成功，请稍等几秒再试一次。');
}
