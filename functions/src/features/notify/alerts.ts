import { ulid } from 'ulid';
import type { AlertInput, AlertLocation, AlertResponse, AlertView, AlertsResponse, ElderAlertsResponse } from '@yilin/contract';
import { may, relationTo, type Action, type Relation } from '../../access/policy';
import { clock, epochSeconds, isoNow } from '../../platform/clock';
import { config } from '../../platform/config';
import { conflict, notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { callerClaim, earlierResult } from '../../store/idempotency';
import { actorOf } from '../people/actors';
import { getBinding } from '../people/data/bindings';
import { getCommunity } from '../people/data/org';
import { getElder } from '../people/data/elders';
import { getStaffPost } from '../people/data/staff';
import { assertOnRegister, loadElderFor } from '../people/elders';
import { communityInfo, communityName } from '../people/places';
import { elderSummaryView } from '../people/views';
import { assertCommunityAccess } from '../wishes/review';
import {
  acknowledgeAlert,
  alertsOfCommunity,
  alertsOfElder,
  centrePlace,
  countyPlace,
  createAlert,
  escalatedTo,
  getAlert,
  getAlerts,
  openAlertOf,
  resolveAlert,
  setLocation,
} from './alert-store';
import type { AlertItem } from './entities';
import type { ElderItem } from '../people/entities';
import { elderSideNumbers, escalationTime, responderNumbers, responderPost } from './rules/alert';

/**
 * Emergency help (紧急求助): the elder's side raises a call and sees at once whom to phone; the community's
 * workers and the elder's family are told (the notifications consumer); a worker answers it and closes it
 * with what was done. Unanswered, the escalation job takes it to the centre and then the county (escalation.ts).
 */

const alertNotFound = () => notFound('ALERT_NOT_FOUND', '没有找到这次紧急求助。');

function alertView(alert: AlertItem, community: string): AlertView {
  return {
    alertId: alert.alertId,
    elderId: alert.elderId,
    elderName: alert.elderName,
    communityId: alert.communityId,
    communityName: community,
    elderPhone: alert.elderPhone,
    elderAddress: alert.elderAddress,
    status: alert.status,
    level: alert.level,
    raisedAt: alert.raisedAt,
    raisedByName: alert.raisedById === alert.elderId ? '本人' : alert.raisedByName,
    ...(alert.location ? { location: alert.location } : {}),
    ...(alert.escalatesAt ? { escalatesAt: alert.escalatesAt } : {}),
    ...(alert.responderName
      ? { responder: { name: alert.responderName, post: alert.responderPost ?? '', ...(alert.responderPhone ? { phone: alert.responderPhone } : {}), at: alert.respondedAt ?? alert.updatedAt } }
      : {}),
    ...(alert.resolvedByName ? { resolvedByName: alert.resolvedByName, resolvedAt: alert.resolvedAt } : {}),
    ...(alert.note ? { note: alert.note } : {}),
  };
}

const elderSide = (relation: Relation) => relation === 'self' || relation === 'family';

/** The call as `relation` sees it, with the numbers that side calls at once. */
/** `known`: the elder when the caller read them already (raising reads them for the access check). */
async function answerFor(alert: AlertItem, relation: Relation, replayed = false, known?: ElderItem): Promise<AlertResponse> {
  const [elder, community] = await Promise.all([known ?? getElder(alert.elderId), getCommunity(alert.communityId)]);
  const contacts = elder?.emergencyContacts ?? [];
  const callNumbers = elderSide(relation) ? elderSideNumbers(community?.dutyPhone, contacts) : responderNumbers(alert.elderName, alert.elderPhone, contacts);
  return { alert: alertView(alert, community?.name ?? ''), callNumbers, ...(replayed ? { replayed } : {}) };
}

/** Who the caller is to the call: the elder's side (a bound relative), a worker by place, the county admin. */
async function relationToAlert(session: Session, alert: AlertItem): Promise<Relation> {
  const binding = session.role === 'family' ? await getBinding(alert.elderId, session.userId) : undefined;
  return relationTo(session, { elderId: alert.elderId, communityId: alert.communityId, centreId: alert.centreId, countyId: alert.countyId }, binding !== undefined);
}

async function loadAlertFor(session: Session, alertId: string, action: Action) {
  const alert = await getAlert(alertId);
  if (!alert) throw alertNotFound();
  const relation = await relationToAlert(session, alert);
  if (!may(action, relation)) throw alertNotFound();
  return { alert, relation };
}

/**
 * Raises a call for the elder: one per elder at a time, so a second press (or a relative pressing at the same
 * moment) answers the call already open; a retried request answers the one it made.
 */
export async function raise(session: Session, elderId: string, input: AlertInput): Promise<AlertResponse> {
  const { elder, access, binding } = await loadElderFor(session, elderId, 'elder.raiseAlert');
  const claim = callerClaim(session.userId, input.idempotencyKey, ['alerts.raise', elderId]);
  const earlier = await earlierResult(claim);
  if (earlier) return answerFor((await getAlert(earlier))!, access, true, elder);
  assertOnRegister(elder);
  const open = await openAlertOf(elderId);
  if (open) return answerFor((await getAlert(open))!, access, true, elder);
  const [community, by] = await Promise.all([communityInfo(elder.communityId), actorOf(session, binding?.relation)]);
  const now = clock.now();
  const alert: AlertItem = {
    alertId: ulid(),
    elderId,
    elderName: elder.name,
    elderPhone: elder.phone,
    elderAddress: elder.address,
    communityId: elder.communityId,
    centreId: elder.centreId,
    countyId: community!.countyId,
    status: 'open',
    level: 'community',
    raisedById: session.userId,
    raisedByName: by.name,
    raisedAt: now.toISOString(),
    ...(input.location ? { location: input.location } : {}),
    escalatesAt: escalationTime(now, config.alertEscalationMinutes),
    updatedAt: now.toISOString(),
  };
  const outcome = await createAlert(alert, claim, epochSeconds(now), by);
  if (!outcome.written) {
    // Pressed twice at the same moment, or the same request retried: the call that won is the answer.
    const winner = outcome.failed.includes('request') ? await earlierResult(claim) : await openAlertOf(elderId);
    if (!winner) throw new Error(`An emergency call could not be written: ${outcome.failed.join(',')}`);
    return answerFor((await getAlert(winner))!, access, true, elder);
  }
  return answerFor(alert, access, false, elder);
}

export async function getAlertFor(session: Session, alertId: string): Promise<AlertResponse> {
  const { alert, relation } = await loadAlertFor(session, alertId, 'alert.read');
  return answerFor(alert, relation);
}

/** Where the elder is, sent just after the call (a phone's location takes a few seconds). */
export async function locate(session: Session, alertId: string, location: AlertLocation): Promise<AlertResponse> {
  const { alert, relation } = await loadAlertFor(session, alertId, 'elder.raiseAlert');
  if (alert.status === 'resolved') throw conflict('ALERT_CLOSED', '这次求助已经处理完了。');
  await setLocation(alert, location, isoNow());
  return answerFor((await getAlert(alertId))!, relation);
}

/** The elder's page: the call still open (who is on it), the last ones, and the numbers to call. */
export async function elderAlerts(session: Session, elderId: string): Promise<ElderAlertsResponse> {
  const { elder, access, binding } = await loadElderFor(session, elderId, 'elder.read');
  const [alerts, community] = await Promise.all([alertsOfElder(elderId, 10), getCommunity(elder.communityId)]);
  const name = community?.name ?? '';
  const open = alerts.find((alert) => alert.status !== 'resolved');
  return {
    elder: elderSummaryView(elder, name, binding?.relation),
    ...(open ? { open: alertView(open, name) } : {}),
    recent: alerts.filter((alert) => alert !== open).map((alert) => alertView(alert, name)),
    callNumbers: elderSide(access) ? elderSideNumbers(community?.dutyPhone, elder.emergencyContacts) : responderNumbers(elder.name, elder.phone, elder.emergencyContacts),
  };
}

/**
 * "I'm on it": the elder's side sees who is coming, and the call stops going up. Answered by someone else a
 * moment before, the caller sees who; a call gone up meanwhile is answered at its new level.
 */
export async function acknowledge(session: Session, alertId: string): Promise<AlertResponse> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { alert, relation } = await loadAlertFor(session, alertId, 'alert.respond');
    if (alert.status !== 'open') {
      if (alert.status === 'resolved') throw conflict('ALERT_CLOSED', `这次求助已经由${alert.resolvedByName ?? '别人'}处理完了。`);
      return answerFor(alert, relation, alert.responderId === session.userId);
    }
    const [by, post, ownCommunity] = await Promise.all([
      actorOf(session),
      session.role === 'worker' ? getStaffPost(session.userId) : Promise.resolve(undefined),
      session.communityId ? communityName(session.communityId) : Promise.resolve(''),
    ]);
    const responder = { userId: session.userId, name: by.name, post: responderPost(session.role, relation === 'community-worker', ownCommunity), phone: post?.phone };
    const outcome = await acknowledgeAlert(alert, responder, by, isoNow());
    if (outcome.written) return answerFor((await getAlert(alertId))!, relation);
  }
  throw conflict('ALERT_CLOSED', '这次求助刚刚有了变化，请刷新后再看。');
}

/** Closed with what was done; open or answered, by anyone who may answer it. */
export async function resolve(session: Session, alertId: string, note: string): Promise<AlertResponse> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { alert, relation } = await loadAlertFor(session, alertId, 'alert.respond');
    if (alert.status === 'resolved') {
      if (alert.resolvedById === session.userId && alert.note === note) return answerFor(alert, relation, true);
      throw conflict('ALERT_CLOSED', `这次求助已经由${alert.resolvedByName ?? '别人'}处理完了。`);
    }
    const outcome = await resolveAlert(alert, note, await actorOf(session), isoNow());
    if (outcome.written) return answerFor((await getAlert(alertId))!, relation);
  }
  throw conflict('ALERT_CLOSED', '这次求助刚刚有了变化，请刷新后再看。');
}

async function listed(alerts: AlertItem[]): Promise<AlertsResponse> {
  const names = new Map<string, string>();
  for (const communityId of new Set(alerts.map((alert) => alert.communityId))) names.set(communityId, await communityName(communityId));
  const view = (alert: AlertItem) => alertView(alert, names.get(alert.communityId) ?? '');
  // Waiting for someone first, the longest waiting first; then those being handled; then the last ones closed.
  const rank = (alert: AlertItem) => (alert.status === 'open' ? 0 : 1);
  const open = alerts.filter((alert) => alert.status !== 'resolved').sort((a, b) => rank(a) - rank(b) || a.raisedAt.localeCompare(b.raisedAt));
  const recent = alerts.filter((alert) => alert.status === 'resolved').sort((a, b) => b.raisedAt.localeCompare(a.raisedAt)).slice(0, 10);
  return { open: open.map(view), recent: recent.map(view) };
}

/** A worker's calls: their community's, and those gone up to their centre; an admin's: those gone up to the county. */
export async function myAlerts(session: Session): Promise<AlertsResponse> {
  if (session.role === 'admin') return listed(await getAlerts(await escalatedTo(countyPlace(session.countyId ?? ''))));
  const [own, escalated] = await Promise.all([
    session.communityId ? alertsOfCommunity(session.communityId, 30) : Promise.resolve([]),
    session.centreId ? escalatedTo(centrePlace(session.centreId)) : Promise.resolve([]),
  ]);
  const others = await getAlerts(escalated.filter((alertId) => !own.some((alert) => alert.alertId === alertId)));
  return listed([...own, ...others]);
}

export async function communityAlerts(session: Session, communityId: string): Promise<AlertsResponse> {
  await assertCommunityAccess(session, communityId, 'community.readAlerts');
  return listed(await alertsOfCommunity(communityId, 30));
}
