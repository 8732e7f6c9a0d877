import { recordAudit, type AuditRecord } from '../../store/audit';
import { writeTogether, type Part, type Written } from '../../store/transactions';
import { HealthConsent, PrivacyAcceptance, type HealthConsentItem, type PrivacyAcceptanceItem } from './entities';

/** The data of consent: every read and write of its entities. */

export async function getAcceptance(userId: string, version: string): Promise<PrivacyAcceptanceItem | undefined> {
  const { data } = await PrivacyAcceptance.get({ userId, version }).go({ consistent: true });
  return data ?? undefined;
}

/** Every version of the notice the person accepted. */
export async function acceptancesOf(userId: string): Promise<PrivacyAcceptanceItem[]> {
  const { data } = await PrivacyAcceptance.query.byUser({ userId }).go({ pages: 'all' });
  return data;
}

/** Written once per person and version: accepting again keeps the first time (false: it was there already). */
export async function saveAcceptance(item: PrivacyAcceptanceItem): Promise<boolean> {
  const outcome = await writeTogether({ acceptance: ({ PrivacyAcceptance: acceptances }) => acceptances.create(item).commit() });
  return outcome.written;
}

export async function getHealthConsent(elderId: string): Promise<HealthConsentItem | undefined> {
  const { data } = await HealthConsent.get({ elderId }).go({ consistent: true });
  return data ?? undefined;
}

/** The consents of several elders (a staff member's day), by elder. */
export async function healthConsentsOf(elderIds: string[]): Promise<Map<string, HealthConsentItem>> {
  const unique = [...new Set(elderIds)];
  if (unique.length === 0) return new Map();
  const { data } = await HealthConsent.get(unique.map((elderId) => ({ elderId }))).go();
  return new Map(data.map((item) => [item.elderId, item]));
}

/**
 * The consent given or withdrawn, with its audit event, only if it is still as the caller read it
 * (`consent` fails when someone changed it first).
 */
export function changeHealthConsent(previous: HealthConsentItem | undefined, next: HealthConsentItem, event: AuditRecord): Promise<Written<'consent' | 'event'>> {
  return writeTogether({
    consent: ({ HealthConsent: consents }) => {
      if (!previous) return consents.create(next).commit();
      const { elderId, ...fields } = next;
      return consents
        .patch({ elderId })
        .set(fields)
        .where((attr, op) => op.eq(attr.changedAt, previous.changedAt))
        .commit();
    },
    event: recordAudit(event),
  });
}

/** A part for a transaction that keeps health data: it fails unless the elder's consent stands at that moment. */
export const healthConsentStands = (elderId: string): Part => ({ HealthConsent: consents }) =>
  consents
    .check({ elderId })
    .where((attr, op) => op.eq(attr.given, true))
    .commit();
