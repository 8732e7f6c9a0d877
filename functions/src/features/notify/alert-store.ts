import { reach } from '../../store/keys';
import type { AlertLevel } from '@yilin/contract';
import { recordAudit, subjectOf, type Actor } from '../../store/audit';
import { rememberRequest, type IdempotencyClaim } from '../../store/idempotency';
import { writeTogether, type Part } from '../../store/transactions';
import { Alert, AlertDue, EscalatedAlert, OpenAlert, type AlertItem } from './entities';

/**
 * The writes of an emergency call, each one transaction with what must change with it: the elder's one open
 * call, the escalation queue, the places it went up to, the audit event. Each is conditional on the state it
 * was read in, so two workers answering at once, or a worker answering as the job escalates, cannot both win.
 */

export const alertSubject = (alertId: string) => subjectOf('alert', alertId);

export async function getAlert(alertId: string): Promise<AlertItem | undefined> {
  const { data } = await Alert.get({ alertId }).go({ consistent: true });
  return data ?? undefined;
}

export async function getAlerts(alertIds: string[]): Promise<AlertItem[]> {
  if (alertIds.length === 0) return [];
  const { data, unprocessed } = await Alert.get(alertIds.map((alertId) => ({ alertId }))).go();
  if (unprocessed.length > 0) throw new Error(`${unprocessed.length} emergency calls could not be read`);
  return data;
}

export async function openAlertOf(elderId: string): Promise<string | undefined> {
  const { data } = await OpenAlert.get({ elderId }).go({ consistent: true });
  return data?.alertId;
}

export async function alertsOfElder(elderId: string, limit: number | 'all'): Promise<AlertItem[]> {
  const { data } = await Alert.query.byElder({ elderId }).go({ order: 'desc', ...reach(limit) });
  return data;
}

export async function alertsOfCommunity(communityId: string, limit: number): Promise<AlertItem[]> {
  const { data } = await Alert.query.byCommunity({ communityId }).go({ order: 'desc', limit });
  return data;
}

/** The calls gone up to a centre or county and not yet dealt with. */
export async function escalatedTo(place: string): Promise<string[]> {
  const { data } = await EscalatedAlert.query.byPlace({ place }).go({ pages: 'all' });
  return data.map((pointer) => pointer.alertId);
}

export const centrePlace = (centreId: string) => `centre#${centreId}`;
export const countyPlace = (countyId: string) => `county#${countyId}`;

const dueEntry = (alert: Pick<AlertItem, 'alertId' | 'escalatesAt'>): Part => ({ AlertDue: due }) =>
  due.put({ queue: 'alerts', escalatesAt: alert.escalatesAt!, alertId: alert.alertId }).commit();
const noLongerDue = (alert: Pick<AlertItem, 'alertId' | 'escalatesAt'>): Part | undefined =>
  alert.escalatesAt ? ({ AlertDue: due }) => due.delete({ queue: 'alerts', escalatesAt: alert.escalatesAt!, alertId: alert.alertId }).commit() : undefined;

/** 'open': the elder has a call open already (a second press); 'request': the same request was retried. */
export async function createAlert(alert: AlertItem, claim: IdempotencyClaim, nowSeconds: number, by: Actor) {
  return writeTogether({
    open: ({ OpenAlert: open }) => open.create({ elderId: alert.elderId, alertId: alert.alertId }).commit(),
    alert: ({ Alert: alerts }) => alerts.create(alert).commit(),
    due: dueEntry(alert),
    request: rememberRequest(claim, alert.alertId, nowSeconds),
    audit: recordAudit({ subject: alertSubject(alert.alertId), concerns: alert.elderId, action: 'alert.raised', by, at: alert.raisedAt, changes: [{ field: 'status', after: 'open' }] }),
  });
}

export async function setLocation(alert: AlertItem, location: NonNullable<AlertItem['location']>, at: string) {
  return writeTogether({
    alert: ({ Alert: alerts }) =>
      alerts
        .patch({ alertId: alert.alertId })
        .set({ location, updatedAt: at })
        .where((attr, op) => op.ne(attr.status, 'resolved'))
        .commit(),
  });
}

export interface Responder {
  userId: string;
  name: string;
  post: string;
  phone?: string;
}

/** Someone is on it: the call stops going up. Only while nobody else answered it. */
export async function acknowledgeAlert(alert: AlertItem, responder: Responder, by: Actor, at: string) {
  return writeTogether({
    alert: ({ Alert: alerts }) =>
      alerts
        .patch({ alertId: alert.alertId })
        .set({ status: 'acknowledged', responderId: responder.userId, responderName: responder.name, responderPost: responder.post, ...(responder.phone ? { responderPhone: responder.phone } : {}), respondedAt: at, updatedAt: at })
        .remove(['escalatesAt'])
        .where((attr, op) => `${op.eq(attr.status, 'open')} AND ${op.eq(attr.level, alert.level)}`)
        .commit(),
    due: noLongerDue(alert),
    audit: recordAudit({ subject: alertSubject(alert.alertId), concerns: alert.elderId, action: 'alert.acknowledged', by, at, changes: [{ field: 'status', before: 'open', after: 'acknowledged' }] }),
  });
}

/** Dealt with, with what was done: off every list of open calls; the elder may call again. */
export async function resolveAlert(alert: AlertItem, note: string, by: Actor, at: string) {
  return writeTogether({
    alert: ({ Alert: alerts }) =>
      alerts
        .patch({ alertId: alert.alertId })
        .set({ status: 'resolved', resolvedById: by.userId, resolvedByName: by.name, resolvedAt: at, note, updatedAt: at })
        .remove(['escalatesAt'])
        .where((attr, op) => `${op.eq(attr.status, alert.status)} AND ${op.eq(attr.level, alert.level)}`)
        .commit(),
    due: noLongerDue(alert),
    open: ({ OpenAlert: open }) =>
      open
        .delete({ elderId: alert.elderId })
        .where((attr, op) => op.eq(attr.alertId, alert.alertId))
        .commit(),
    places: [centrePlace(alert.centreId), countyPlace(alert.countyId)].map((place) => ({ EscalatedAlert: pointers }: Parameters<Part>[0]) =>
      pointers.delete({ place, alertId: alert.alertId }).commit(),
    ),
    audit: recordAudit({ subject: alertSubject(alert.alertId), concerns: alert.elderId, action: 'alert.resolved', by, at, changes: [{ field: 'status', before: alert.status, after: 'resolved' }, { field: 'note', after: note }] }),
  });
}

/** Nobody answered in time: the call goes up to `to`, and is due again later unless `to` is the top. */
export async function escalateAlert(alert: AlertItem, to: AlertLevel, escalatesAt: string | undefined, at: string) {
  const place = to === 'centre' ? centrePlace(alert.centreId) : countyPlace(alert.countyId);
  const patched = { alertId: alert.alertId, escalatesAt };
  return writeTogether({
    alert: ({ Alert: alerts }) => {
      const update = alerts.patch({ alertId: alert.alertId }).set({ level: to, escalatedAt: at, updatedAt: at, ...(escalatesAt ? { escalatesAt } : {}) });
      return (escalatesAt ? update : update.remove(['escalatesAt'])).where((attr, op) => `${op.eq(attr.status, 'open')} AND ${op.eq(attr.level, alert.level)}`).commit();
    },
    due: noLongerDue(alert),
    next: escalatesAt ? dueEntry(patched) : undefined,
    place: ({ EscalatedAlert: pointers }) => pointers.put({ place, alertId: alert.alertId }).commit(),
  });
}

/** A due entry left by a call answered meanwhile (its transaction removed the one it read). */
export async function dropDue(alertId: string, escalatesAt: string): Promise<void> {
  await AlertDue.delete({ queue: 'alerts', escalatesAt, alertId }).go();
}

/**
 * The calls due by `now`, those due at `now` itself included. The sort key goes on past the time
 * (`…#alertid_<id>`), so `lte` on the time alone compares against a prefix of the key and leaves out a call
 * due at exactly `now`: it asks for everything before the next millisecond instead.
 */
export async function dueAlerts(now: string) {
  const justAfter = new Date(Date.parse(now) + 1).toISOString();
  const { data } = await AlertDue.query.byTime({ queue: 'alerts' }).lt({ escalatesAt: justAfter }).go({ pages: 'all' });
  return data;
}
