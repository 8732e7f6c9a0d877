import { addDays, roleNames, type HealthRecordResponse, type MeasurementsInput, type Role } from '@yilin/contract';
import { businessDate } from '../../platform/clock';
import type { Session } from '../../platform/session-token';
import { auditOf, subjectOf } from '../../store/audit';
import { may } from '../../access/policy';
import { loadElderFor } from '../people/elders';
import { communityName } from '../people/places';
import { elderSummaryView } from '../people/views';
import { noteHealthRead } from './booking-access';
import { bookingsOfElder, healthReadingsOf } from './data';
import { readingPoints } from './rules/health';
import { looksAreKept, onVisitToday } from './rules/visibility';

/**
 * The elder's health record, built from what visits measured: read by the elder, bound family, the centre's
 * workers and a staff member with a visit to the elder. Each read by staff or a worker is kept, and the
 * elder and family see who looked and when, in the same answer (the chart page opens with one request).
 */

/** How far back the record goes. */
const RECORD_DAYS = 365;

/** The staff member, when they are on a visit to the elder today (rules/visibility.ts). */
export async function visitingStaff(session: Session, elderId: string): Promise<string | undefined> {
  if (session.role !== 'staff') return undefined;
  const today = businessDate();
  return onVisitToday(await bookingsOfElder(elderId, today, today), session.userId, today) ? session.userId : undefined;
}

export async function healthRecord(session: Session, elderId: string): Promise<HealthRecordResponse> {
  const { elder, access, binding } = await loadElderFor(session, elderId, 'elder.readHealth', await visitingStaff(session, elderId));
  const ownSide = may('elder.readHealthReads', access);
  const [readings, community, reads] = await Promise.all([
    healthReadingsOf(elderId, addDays(businessDate(), -RECORD_DAYS)),
    communityName(elder.communityId),
    ownSide ? auditOf(subjectOf('health', elderId), { action: 'health.read', limit: 50 }) : undefined,
  ]);
  if (looksAreKept(access)) await noteHealthRead(session, elderId, '健康记录');
  const summary = elderSummaryView(elder, community, binding?.relation);
  const record: HealthRecordResponse = {
    // A staff member needs the elder's name and age, not their subsidy category.
    elder: access === 'assigned-staff' ? { ...summary, subsidyCategoryVerified: null } : summary,
    bloodPressure: [],
    glucose: [],
    pulse: [],
    temperature: [],
    weight: [],
    ...(reads ? { reads: reads.map((event) => ({ at: event.at, name: event.actorName, roleName: roleNames[event.actorRole as Role] ?? event.actorRole })) } : {}),
  };
  for (const reading of readings.sort((a, b) => a.takenAt.localeCompare(b.takenAt))) {
    const points = readingPoints(reading.measurements as MeasurementsInput);
    const at = { at: reading.takenAt, date: reading.date, bookingId: reading.bookingId };
    if (points.bloodPressure) record.bloodPressure.push({ ...at, ...points.bloodPressure });
    if (points.glucose) record.glucose.push({ ...at, ...points.glucose });
    if (points.pulse) record.pulse.push({ ...at, ...points.pulse });
    if (points.temperature) record.temperature.push({ ...at, ...points.temperature });
    if (points.weight) record.weight.push({ ...at, ...points.weight });
  }
  return record;
}
