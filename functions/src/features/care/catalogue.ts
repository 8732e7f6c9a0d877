import { ulid } from 'ulid';
import type { AddServiceInput, CareSettingsInput, CareSettingsView, CatalogueResponse, SatisfactionView, ServiceInput, ServiceView } from '@yilin/contract';
import { callerKeySpace, earlierResult, fingerprintOf, type IdempotencyClaim } from '../../store/idempotency';
import { clock, epochSeconds, isoNow } from '../../platform/clock';
import { badRequest, notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { assertCentreAccess } from '../people/actors';
import { centreName } from '../people/places';
import { careSettingsOf, getService, satisfactionOf, saveCareSettings, saveService, servicesOfCentre } from './data';
import { serviceView } from './views';

/**
 * The centre's catalogue of home and medical services, and its rules for them (subsidies per category and
 * tier, until when an elder may cancel): kept by the centre's workers, read by the county.
 */

export const serviceNotFound = () => notFound('SERVICE_NOT_FOUND', '没有找到这项服务。');

const byCategoryAndName = (a: ServiceView, b: ServiceView) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name, 'zh');

export async function catalogue(session: Session, centreId: string): Promise<CatalogueResponse> {
  await assertCentreAccess(session, centreId, 'centre.read');
  const [items, settings, name] = await Promise.all([servicesOfCentre(centreId), careSettingsOf(centreId), centreName(centreId)]);
  return { centreId, centreName: name, services: items.map(serviceView).sort(byCategoryAndName), settings: { centreId, ...settings } };
}

function assertChecklist(input: ServiceInput): void {
  if (new Set(input.checklist).size !== input.checklist.length) throw badRequest('INVALID_INPUT', '服务清单里有重复的项目', { field: 'checklist' });
}

const itemOf = (session: Session, centreId: string, serviceId: string, input: ServiceInput) => {
  assertChecklist(input);
  return { centreId, serviceId, ...input, updatedBy: session.userId, updatedAt: isoNow() };
};

/** The service a request added earlier under the same key, if any. */
async function addedEarlier(claim: IdempotencyClaim, centreId: string): Promise<ServiceView | undefined> {
  const serviceId = await earlierResult(claim);
  const earlier = serviceId ? await getService(centreId, serviceId) : undefined;
  return earlier ? serviceView(earlier) : undefined;
}

/** Adds a service; a retried submission (same idempotency key) answers the one added the first time. */
export async function addService(session: Session, centreId: string, { idempotencyKey, ...input }: AddServiceInput): Promise<ServiceView> {
  await assertCentreAccess(session, centreId, 'centre.manageCare');
  const claim: IdempotencyClaim = { scope: callerKeySpace(session.userId), key: idempotencyKey, fingerprint: fingerprintOf(['care.addService', centreId, JSON.stringify(input)]) };
  const earlier = await addedEarlier(claim, centreId);
  if (earlier) return earlier;
  const item = itemOf(session, centreId, ulid(), input);
  if (!(await saveService(item, { claim, nowSeconds: epochSeconds(clock.now()) }))) return (await addedEarlier(claim, centreId))!;
  return serviceView(item);
}

/** A change applies to bookings made from now on; booked visits keep their price and window. */
export async function updateService(session: Session, centreId: string, serviceId: string, input: ServiceInput): Promise<ServiceView> {
  await assertCentreAccess(session, centreId, 'centre.manageCare');
  if (!(await getService(centreId, serviceId))) throw serviceNotFound();
  const item = itemOf(session, centreId, serviceId, input);
  await saveService(item);
  return serviceView(item);
}

export async function setCareSettings(session: Session, centreId: string, input: CareSettingsInput): Promise<CareSettingsView> {
  await assertCentreAccess(session, centreId, 'centre.manageCare');
  await saveCareSettings(centreId, input, session.userId, isoNow());
  return { centreId, ...input };
}

export async function centreSatisfaction(session: Session, centreId: string): Promise<SatisfactionView> {
  await assertCentreAccess(session, centreId, 'centre.read');
  const counts = await satisfactionOf(centreId);
  return { centreId, ...counts, rate: counts.ratings === 0 ? null : counts.satisfied / counts.ratings };
}

