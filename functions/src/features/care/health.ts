import { addDays, roleNames, type HealthRecordResponse, type MeasurementsInput, type Role } from '@yilin/contract';
import { readingFlagNames } from '@yilin/contract';
import { businessDate } from '../../platform/clock';
import type { Session } from '../../platform/session-token';
import { auditOf, subjectOf } from '../../store/audit';
import { may } from '../../access/policy';
import { loadElderFor } from '../people/elders';
import { communityName } from '../people/places';
import { elderSummaryView } from '../people/views';
import { noteHealthRead } from './booking-access';
import { bookingsOfElder, healthReadingsOf } from './data';
import { bloodPressureFlag, glucoseFlag, pulseFlag, temperatureFlag } from './rules/health';

/**
 * The elder's health record, built from what visits measured: read by the elder, bound family, the centre's
 * workers and a staff member with a visit to the elder. Each read by staff or a worker is kept, and the
 * elder and family see who looked and when, in the same answer (the chart page opens with one request).
 */

/** How far back the record goes. */
const RECORD_DAYS = 365;

/** A staff member reaches an elder's record while they have a visit to them: assigned, under way, or done today. */
async function visitingStaff(session: Session, elderId: string): Promise<string | undefined> {
  if (session.role !== 'staff') return undefined;
  const today = businessDate();
  const visits = await bookingsOfElder(elderId, addDays(today, -1), addDays(today, 14));
  const onVisit = visits.some(
    (visit) => visit.staffId === session.userId && (visit.status === 'confirmed' || visit.status === 'in_service' || (visit.status === 'completed' && visit.date === today)),
  );
  return onVisit ? session.userId : undefined;
}

const flagged = (flag: 'high' | 'low' | undefined) => (flag ? { flag, flagName: readingFlagNames[flag] } : {});

export async function healthRecord(session: Session, elderId: string): Promise<HealthRecordResponse> {
  const { elder, access, binding } = await loadElderFor(session, elderId, 'elder.readHealth', await visitingStaff(session, elderId));
  const ownSide = may('elder.readHealthReads', access);
  const [readings, community, reads] = await Promise.all([
    healthReadingsOf(elderId, addDays(businessDate(), -RECORD_DAYS)),
    communityName(elder.communityId),
    ownSide ? auditOf(subjectOf('health', elderId), { action: 'health.read', limit: 50 }) : undefined,
  ]);
  if (!ownSide) await noteHealthRead(session, elderId, '健康记录');
  const record: HealthRecordResponse = {
    elder: elderSummaryView(elder, community, binding?.relation),
    bloodPressure: [],
    glucose: [],
    pulse: [],
    temperature: [],
    weight: [],
    ...(reads ? { reads: reads.map((event) => ({ at: event.at, name: event.actorName, roleName: roleNames[event.actorRole as Role] ?? event.actorRole })) } : {}),
  };
  for (const reading of readings.sort((a, b) => a.takenAt.localeCompare(b.takenAt))) {
    const m = reading.measurements as MeasurementsInput;
    const point = { at: reading.takenAt, date: reading.date, bookingId: reading.bookingId };
    if (m.systolic !== undefined && m.diastolic !== undefined) record.bloodPressure.push({ ...point, systolic: m.systolic, diastolic: m.diastolic, ...flagged(bloodPressureFlag(m.systolic, m.diastolic)) });
    if (m.glucose !== undefined) record.glucose.push({ ...point, value: m.glucose, fasting: m.glucoseFasting ?? false, ...flagged(glucoseFlag(m.glucose, m.glucoseFasting ?? false)) });
    if (m.pulse !== undefined) record.pulse.push({ ...point, value: m.pulse, ...flagged(pulseFlag(m.pulse)) });
    if (m.temperature !== undefined) record.temperature.push({ ...point, value: m.temperature, ...flagged(temperatureFlag(m.temperature)) });
    if (m.weight !== undefined) record.weight.push({ ...point, value: m.weight });
  }
  return record;
}
