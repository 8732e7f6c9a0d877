/** @dynamodb-streams */
import type { AlertResponse, AlertsResponse, ElderAlertsResponse } from '@yilin/contract';
import { startStreamRunner, type LocalConsumer, type StreamRunner } from '../../src/local/stream-runner';
import { consumers, handlerModule } from '../../src/routes';
import { setClock } from '../../src/platform/clock';
import { AlertDue } from '../../src/features/notify/entities';
import { alertSubject } from '../../src/features/notify/alert-store';
import { auditOf } from '../../src/store/audit';
import { errorCode, useApi, type ApiResponse } from '../support/api';
import { idempotencyKey } from '../support/canteen-fixtures';
import { createElder, createWorld } from '../support/seed';
import {
  dueEntriesOf,
  placesOf,
  postWorker,
  siblingCommunityWorker,
  storedAlert,
  storedAlertsOfElder,
  storedMessages,
  storedOpenAlert,
} from '../support/notify-fixtures';

/**
 * Emergency help (紧急求助) through the API: the elder's side presses once (or ten times at once) and gets one
 * call with the numbers to phone; the community answers and closes it; unanswered, the escalation job, driven by
 * the injected clock, takes it to the centre and then the county. The notifications consumer runs on the stream,
 * so the people told at each level can be checked too.
 */
const api = useApi();

// The notifications consumers: emergency calls have one of their own.
const NOTIFY_CONSUMERS = ['notify-events/messages', 'notify-events/alerts'];
// Handlers load by name, as the runner's and the scheduler's do.
const loadHandler = (name: string) => require(`../../src/${handlerModule(name)}`).handler;
const escalateJob = loadHandler('notify-jobs/escalate-alerts') as () => Promise<{ escalated: number }>;

let runner: StreamRunner;
beforeAll(async () => {
  const declared = consumers.filter((consumer) => NOTIFY_CONSUMERS.includes(consumer.handler));
  runner = await startStreamRunner(
    declared.map((consumer) => ({ name: consumer.handler, entities: consumer.entities, handler: loadHandler(consumer.handler) as LocalConsumer['handler'] })),
    { pollMs: 50 },
  );
});
afterAll(async () => runner?.stop());

// The escalation job reads every call due in the table: each test starts with an empty queue, so the job's
// counts are this test's.
afterEach(async () => {
  const { data } = await AlertDue.query.byTime({ queue: 'alerts' }).go({ pages: 'all' });
  if (data.length > 0) await AlertDue.delete(data.map(({ queue, escalatesAt, alertId }) => ({ queue, escalatesAt, alertId }))).go();
});

/** 2026-11-30 10:00 in Shanghai, and minutes after it. */
const T0 = Date.parse('2026-11-30T02:00:00.000Z');
const at = (minutes: number, seconds = 0) => new Date(T0 + minutes * 60_000 + seconds * 1000).toISOString();

const DUTY_PHONE = '0734-8123456';

/**
 * The usual cast (seed.ts) with the home worker on the staff list (phone 13907342222), a worker of another
 * community of the same centre, and the community's duty line set by its worker.
 */
async function alertWorld() {
  const world = await createWorld();
  await postWorker(world.worker, world.home);
  await postWorker(world.otherWorker, world.other, '13907344444');
  const sibling = await siblingCommunityWorker(world.home);
  const duty = await api.as(world.worker.userId).put(`/communities/${world.home.communityId}/duty-phone`, { dutyPhone: DUTY_PHONE });
  expect(duty.status).toBe(200);
  expect(duty.body).toEqual({ communityId: world.home.communityId, dutyPhone: DUTY_PHONE });
  return { ...world, sibling };
}

const press = (userId: string, elderId: string, body: Record<string, unknown> = {}) =>
  api.as(userId).post<AlertResponse>(`/elders/${elderId}/alerts`, { idempotencyKey: idempotencyKey(), ...body });

async function raised(userId: string, elderId: string) {
  const response = await press(userId, elderId);
  if (response.status !== 201) throw new Error(`Raising failed: ${response.status} ${response.text}`);
  return response.body.alert;
}

const openIds = (response: ApiResponse<AlertsResponse>) => response.body.open.map((alert) => alert.alertId);
const recentIds = (response: ApiResponse<AlertsResponse>) => response.body.recent.map((alert) => alert.alertId);
const myAlerts = (userId: string) => api.as(userId).get<AlertsResponse>('/me/alerts');

function expectRefused(response: ApiResponse, status: number, code: string) {
  expect({ status: response.status, code: errorCode(response) }).toEqual({ status, code });
  expect(response.body.error.message).toMatch(/[\u4e00-\u9fff]/);
}

describe('raising a call', () => {
  test('the elder presses: 201, and at once 120, the community’s duty line and the first emergency contact to call', async () => {
    const world = await alertWorld();
    expect((await api.as(world.worker.userId).get(`/communities/${world.home.communityId}/duty-phone`)).body).toEqual({ communityId: world.home.communityId, dutyPhone: DUTY_PHONE });
    setClock(at(0));
    const location = { latitude: 27.8293, longitude: 113.1512, accuracy: 35 };

    const response = await press(world.elder.elderId, world.elder.elderId, { location });

    expect(response.status).toBe(201);
    expect(response.body.replayed).toBeUndefined();
    expect(response.body.callNumbers).toEqual([
      { label: '急救电话 120', phone: '120' },
      { label: '社区值班电话', phone: DUTY_PHONE },
      { label: '紧急联系人 王磊（儿子）', phone: '13907340009' },
    ]);
    expect(response.body.alert).toMatchObject({
      elderId: world.elder.elderId,
      elderName: '王秀英',
      communityId: world.home.communityId,
      communityName: '学院路社区',
      elderPhone: '13807340001',
      elderAddress: '学院路 12 号 3 栋 101',
      status: 'open',
      level: 'community',
      raisedAt: at(0),
      raisedByName: '本人',
      location,
      escalatesAt: at(5),
    });
    expect(response.body.alert.responder).toBeUndefined();

    // Pressed again, by the elder or by a relative: the call already open, not a second one.
    const again = await press(world.elder.elderId, world.elder.elderId);
    const byFamily = await press(world.family.userId, world.elder.elderId);
    for (const answer of [again, byFamily]) {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ replayed: true, alert: { alertId: response.body.alert.alertId, status: 'open' } });
      expect(answer.body.callNumbers.map((number) => number.phone)).toEqual(['120', DUTY_PHONE, '13907340009']);
    }
    expect(await storedAlertsOfElder(world.elder.elderId)).toHaveLength(1);

    // The community's workers are told, and the family; the elder who pressed is not told what they did.
    await runner.idle();
    expect((await storedMessages(world.worker.userId)).map((message) => [message.topic, message.title])).toEqual([['alert', '紧急求助：王秀英']]);
    expect((await storedMessages(world.family.userId)).map((message) => message.title)).toEqual(['王秀英按了紧急求助']);
    expect(await storedMessages(world.elder.elderId)).toEqual([]);
    // Nobody at the centre or the county yet.
    expect(await storedMessages(world.sibling.userId)).toEqual([]);
    expect(await storedMessages(world.admin.userId)).toEqual([]);
  });

  test('the same request sent again answers the call it made', async () => {
    const world = await alertWorld();
    const key = idempotencyKey();
    const first = await api.as(world.family.userId).post<AlertResponse>(`/elders/${world.elder.elderId}/alerts`, { idempotencyKey: key });
    const retry = await api.as(world.family.userId).post<AlertResponse>(`/elders/${world.elder.elderId}/alerts`, { idempotencyKey: key });
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body).toMatchObject({ replayed: true, alert: { alertId: first.body.alert.alertId, raisedByName: '王磊' } });

    // Pressed by the relative: the elder is told, the relative is not told what they did, the worker learns who pressed.
    await runner.idle();
    expect((await storedMessages(world.elder.elderId)).map((message) => [message.title, message.body])).toEqual([['家人替您按了紧急求助', '王磊替您按了紧急求助，社区已收到，正在安排人来看您。']]);
    expect(await storedMessages(world.family.userId)).toEqual([]);
    expect((await storedMessages(world.worker.userId))[0].body).toContain('王磊替王秀英按了紧急求助');
  });

  test('ten presses at once by the elder and a relative make exactly one call', async () => {
    const world = await alertWorld();
    const presses = await Promise.all(Array.from({ length: 10 }, (_, index) => press(index % 2 === 0 ? world.elder.elderId : world.family.userId, world.elder.elderId)));

    expect(presses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const alertIds = new Set(presses.map((response) => response.body.alert.alertId));
    expect(alertIds.size).toBe(1);
    const [alertId] = alertIds;
    expect(presses.filter((response) => response.body.replayed === true)).toHaveLength(9);

    const stored = await storedAlertsOfElder(world.elder.elderId);
    expect(stored.map((alert) => alert.alertId)).toEqual([alertId]);
    expect(await storedOpenAlert(world.elder.elderId)).toMatchObject({ alertId });
    expect(await dueEntriesOf(alertId)).toHaveLength(1);
    expect(await auditOf(alertSubject(alertId), { action: 'alert.raised' })).toHaveLength(1);
  });

  test('an elder no longer on the register cannot raise a call', async () => {
    const world = await alertWorld();
    const gone = await createElder(world.home, { name: '钱桂兰', status: 'deceased' });
    expectRefused(await press(world.worker.userId, gone.elderId), 403, 'ROLE_NOT_ALLOWED');
    expectRefused(await press(gone.elderId, gone.elderId), 409, 'ELDER_NOT_ACTIVE');
  });
});

describe('answering and closing a call', () => {
  test('the worker sees it first, answers it (the elder’s side sees who), and closes it with a note; the elder may call again', async () => {
    const world = await alertWorld();
    const worker = api.as(world.worker.userId);
    // An older call of the neighbour, already being handled.
    setClock(at(0));
    const older = await raised(world.neighbour.elderId, world.neighbour.elderId);
    expect((await worker.post(`/alerts/${older.alertId}/acknowledge`)).status).toBe(200);
    setClock(at(1));
    const call = await raised(world.elder.elderId, world.elder.elderId);

    const mine = await myAlerts(world.worker.userId);
    expect(mine.status).toBe(200);
    // Waiting for someone comes first, although it is newer than the one being handled.
    expect(openIds(mine)).toEqual([call.alertId, older.alertId]);
    expect(mine.body.open[0]).toMatchObject({ status: 'open', elderName: '王秀英', elderPhone: '13807340001', communityName: '学院路社区' });
    expect(openIds(await worker.get<AlertsResponse>(`/communities/${world.home.communityId}/alerts`))).toEqual([call.alertId, older.alertId]);

    setClock(at(2));
    const acknowledged = await worker.post<AlertResponse>(`/alerts/${call.alertId}/acknowledge`);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.alert).toMatchObject({ status: 'acknowledged', level: 'community', responder: { name: '刘晓燕', post: '社区工作者', phone: '13907342222', at: at(2) } });
    expect(acknowledged.body.alert.escalatesAt).toBeUndefined();
    // Whoever answers calls the elder first.
    expect(acknowledged.body.callNumbers.map((number) => number.phone)).toEqual(['13807340001', '13907340009', '120']);
    // Answered twice by the same worker (a double tap): the same answer.
    expect((await worker.post<AlertResponse>(`/alerts/${call.alertId}/acknowledge`)).body).toMatchObject({ replayed: true, alert: { status: 'acknowledged' } });

    for (const viewer of [world.elder.elderId, world.family.userId]) {
      const page = await api.as(viewer).get<ElderAlertsResponse>(`/elders/${world.elder.elderId}/alerts`);
      expect(page.status).toBe(200);
      expect(page.body.open).toMatchObject({ alertId: call.alertId, status: 'acknowledged', responder: { name: '刘晓燕', post: '社区工作者', phone: '13907342222' } });
      expect(page.body.callNumbers.map((number) => number.phone)).toEqual(['120', DUTY_PHONE, '13907340009']);
    }

    setClock(at(20));
    const note = '已上门查看，血压偏高，已陪同去社区医院';
    const resolved = await worker.post<AlertResponse>(`/alerts/${call.alertId}/resolve`, { note });
    expect(resolved.status).toBe(200);
    expect(resolved.body.alert).toMatchObject({ status: 'resolved', resolvedByName: '刘晓燕', resolvedAt: at(20), note });

    const after = await myAlerts(world.worker.userId);
    expect(openIds(after)).toEqual([older.alertId]);
    expect(recentIds(after)).toEqual([call.alertId]);
    const elderPage = await api.as(world.elder.elderId).get<ElderAlertsResponse>(`/elders/${world.elder.elderId}/alerts`);
    expect(elderPage.body.open).toBeUndefined();
    expect(elderPage.body.recent.map((alert) => [alert.alertId, alert.status, alert.note])).toEqual([[call.alertId, 'resolved', note]]);
    expect(await storedOpenAlert(world.elder.elderId)).toBeUndefined();

    setClock(at(30));
    const next = await press(world.elder.elderId, world.elder.elderId);
    expect(next.status).toBe(201);
    expect(next.body.alert.alertId).not.toBe(call.alertId);

    // The elder's side was told who is on it and what was done.
    await runner.idle();
    const told = (await storedMessages(world.family.userId)).filter((message) => message.elderId === world.elder.elderId).map((message) => message.title);
    expect(told).toEqual(expect.arrayContaining(['有人在处理紧急求助', '紧急求助已处理']));
  });

  test('the audit trail keeps who raised, answered and closed it', async () => {
    const world = await alertWorld();
    setClock(at(0));
    const call = await raised(world.family.userId, world.elder.elderId);
    setClock(at(1));
    await api.as(world.worker.userId).post(`/alerts/${call.alertId}/acknowledge`);
    setClock(at(9));
    await api.as(world.worker.userId).post(`/alerts/${call.alertId}/resolve`, { note: '误按，已电话确认平安' });

    const events = await auditOf(alertSubject(call.alertId));
    expect(events.map((event) => [event.action, event.actorName, event.at])).toEqual([
      ['alert.resolved', '刘晓燕', at(9)],
      ['alert.acknowledged', '刘晓燕', at(1)],
      ['alert.raised', '王磊', at(0)],
    ]);
    expect(events.every((event) => event.concerns === world.elder.elderId)).toBe(true);
  });
});

describe('escalation, driven by the injected clock', () => {
  test('unanswered for 5 minutes it goes to the centre, 5 more to the county; each step once', async () => {
    const world = await alertWorld();
    setClock(at(0));
    const call = await raised(world.elder.elderId, world.elder.elderId);

    setClock(at(4, 59));
    expect(await escalateJob()).toEqual({ escalated: 0 });
    expect(openIds(await myAlerts(world.sibling.userId))).toEqual([]);

    setClock(at(5));
    expect(await escalateJob()).toEqual({ escalated: 1 });
    const atCentre = await storedAlert(call.alertId);
    expect(atCentre).toMatchObject({ status: 'open', level: 'centre', escalatedAt: at(5), escalatesAt: at(10) });
    expect(await placesOf(atCentre!)).toEqual([`centre#${world.home.centreId}`]);
    // A worker of another community of the same centre now has it on their list; the county not yet.
    const sibling = await myAlerts(world.sibling.userId);
    expect(openIds(sibling)).toEqual([call.alertId]);
    expect(sibling.body.open[0]).toMatchObject({ level: 'centre', communityName: '学院路社区' });
    expect(openIds(await myAlerts(world.admin.userId))).toEqual([]);
    // Another centre's worker never sees it.
    expect(openIds(await myAlerts(world.otherWorker.userId))).toEqual([]);

    // The job run again (a retried schedule) at the same minute changes nothing.
    expect(await escalateJob()).toEqual({ escalated: 0 });
    expect(await storedAlert(call.alertId)).toEqual(atCentre);

    setClock(at(10));
    expect(await escalateJob()).toEqual({ escalated: 1 });
    const atCounty = await storedAlert(call.alertId);
    expect(atCounty).toMatchObject({ status: 'open', level: 'county', escalatedAt: at(10) });
    expect(atCounty?.escalatesAt).toBeUndefined();
    expect(await dueEntriesOf(call.alertId)).toEqual([]);
    expect((await placesOf(atCounty!)).sort()).toEqual([`centre#${world.home.centreId}`, `county#${world.home.countyId}`]);
    const admin = await myAlerts(world.admin.userId);
    expect(openIds(admin)).toEqual([call.alertId]);
    expect(admin.body.open[0]).toMatchObject({ level: 'county', elderName: '王秀英' });

    // Nothing above the county: later runs change nothing.
    setClock(at(60));
    expect(await escalateJob()).toEqual({ escalated: 0 });
    expect(await storedAlert(call.alertId)).toEqual(atCounty);

    // Each level was told once: the community at first, the centre's workers at 5, the county's admins at 10.
    await runner.idle();
    const titles = async (userId: string) => (await storedMessages(userId)).map((message) => message.title);
    expect(await titles(world.worker.userId)).toEqual(['紧急求助：王秀英', '紧急求助没人响应：王秀英']);
    expect(await titles(world.sibling.userId)).toEqual(['紧急求助没人响应：王秀英']);
    expect(await titles(world.admin.userId)).toEqual(['紧急求助没人响应：王秀英']);
    expect((await storedMessages(world.admin.userId))[0]).toMatchObject({ page: `/admin/alerts/index?alertId=${call.alertId}` });
    expect((await storedMessages(world.admin.userId))[0].body).toContain('县级平台');
    expect((await storedMessages(world.sibling.userId))[0]).toMatchObject({ page: `/worker/alerts/index?alertId=${call.alertId}` });

    // The centre's worker answers it, from where they are.
    setClock(at(11));
    const answered = await api.as(world.sibling.userId).post<AlertResponse>(`/alerts/${call.alertId}/acknowledge`);
    expect(answered.status).toBe(200);
    expect(answered.body.alert).toMatchObject({ status: 'acknowledged', level: 'county', responder: { name: '孙海燕', post: '桃花社区工作者', phone: '13907343333' } });
    // Still on the county's list, being handled, until it is closed.
    expect((await myAlerts(world.admin.userId)).body.open).toEqual([expect.objectContaining({ alertId: call.alertId, status: 'acknowledged' })]);
    expect((await api.as(world.admin.userId).post(`/alerts/${call.alertId}/resolve`, { note: '服务中心已处理' })).status).toBe(200);
    expect(openIds(await myAlerts(world.admin.userId))).toEqual([]);
    expect(openIds(await myAlerts(world.sibling.userId))).toEqual([]);
    expect(await placesOf(atCounty!)).toEqual([]);
  });

  test('an answered call never goes up', async () => {
    const world = await alertWorld();
    setClock(at(0));
    const call = await raised(world.elder.elderId, world.elder.elderId);
    setClock(at(1));
    expect((await api.as(world.worker.userId).post(`/alerts/${call.alertId}/acknowledge`)).status).toBe(200);
    expect(await dueEntriesOf(call.alertId)).toEqual([]);

    for (const minutes of [5, 10, 60]) {
      setClock(at(minutes));
      expect(await escalateJob()).toEqual({ escalated: 0 });
    }
    expect(await storedAlert(call.alertId)).toMatchObject({ status: 'acknowledged', level: 'community' });
    expect(await placesOf({ alertId: call.alertId, centreId: world.home.centreId, countyId: world.home.countyId })).toEqual([]);
    expect(openIds(await myAlerts(world.sibling.userId))).toEqual([]);
  });

  test('a worker answering while the job runs: one of them wins, and the call ends answered, consistently', async () => {
    const world = await alertWorld();
    const elders = [world.elder, world.neighbour, ...(await Promise.all([1, 2, 3, 4].map((n) => createElder(world.home, { name: `长辈${n}` }))))];
    setClock(at(0));
    const calls = await Promise.all(elders.map((elder) => raised(elder.elderId, elder.elderId)));

    setClock(at(5));
    const [job, ...answers] = await Promise.all([escalateJob(), ...calls.map((call) => api.as(world.worker.userId).post<AlertResponse>(`/alerts/${call.alertId}/acknowledge`))]);

    expect(answers.map((answer) => answer.status)).toEqual(calls.map(() => 200));
    let wentUp = 0;
    for (const call of calls) {
      const stored = (await storedAlert(call.alertId))!;
      expect(stored).toMatchObject({ status: 'acknowledged', responderName: '刘晓燕', responderPost: '社区工作者' });
      expect(stored.escalatesAt).toBeUndefined();
      expect(await dueEntriesOf(call.alertId)).toEqual([]);
      // Either the job went first (the call reached the centre, then was answered there) or the worker did.
      const places = await placesOf(stored);
      if (stored.level === 'centre') {
        wentUp += 1;
        expect(places).toEqual([`centre#${world.home.centreId}`]);
        expect(stored.escalatedAt).toBe(at(5));
      } else {
        expect(stored.level).toBe('community');
        expect(places).toEqual([]);
        expect(stored.escalatedAt).toBeUndefined();
      }
      expect(await auditOf(alertSubject(call.alertId), { action: 'alert.acknowledged' })).toHaveLength(1);
    }
    expect(job).toEqual({ escalated: wentUp });
    // Nothing left for a later run.
    setClock(at(30));
    expect(await escalateJob()).toEqual({ escalated: 0 });
  });
});

describe('who may do what', () => {
  test('a relative not bound to the elder, and another centre’s worker, are told the call does not exist', async () => {
    const world = await alertWorld();
    const call = await raised(world.elder.elderId, world.elder.elderId);
    const stranger = api.as(world.otherFamily.userId);

    expectRefused(await stranger.get(`/alerts/${call.alertId}`), 404, 'ALERT_NOT_FOUND');
    expect((await stranger.get(`/elders/${world.elder.elderId}/alerts`)).status).toBe(404);
    expect((await stranger.post(`/elders/${world.elder.elderId}/alerts`, { idempotencyKey: idempotencyKey() })).status).toBe(404);
    expectRefused(await stranger.post(`/alerts/${call.alertId}/location`, { latitude: 27.8, longitude: 113.1 }), 404, 'ALERT_NOT_FOUND');

    const foreign = api.as(world.otherWorker.userId);
    expectRefused(await foreign.get(`/alerts/${call.alertId}`), 404, 'ALERT_NOT_FOUND');
    expectRefused(await foreign.post(`/alerts/${call.alertId}/acknowledge`), 404, 'ALERT_NOT_FOUND');
    expectRefused(await foreign.get(`/communities/${world.home.communityId}/alerts`), 403, 'NOT_YOUR_COMMUNITY');
    expectRefused(await foreign.put(`/communities/${world.home.communityId}/duty-phone`, { dutyPhone: '0734-8000000' }), 403, 'NOT_YOUR_COMMUNITY');
    // The duty line: set by the community's own worker (or the county), as a number that can be called.
    expectRefused(await api.as(world.sibling.userId).put(`/communities/${world.home.communityId}/duty-phone`, { dutyPhone: '0734-8000000' }), 403, 'NOT_YOUR_COMMUNITY');
    expectRefused(await api.as(world.worker.userId).put(`/communities/${world.home.communityId}/duty-phone`, { dutyPhone: '12345' }), 400, 'INVALID_INPUT');
    expectRefused(await api.as(world.family.userId).get(`/communities/${world.home.communityId}/duty-phone`), 403, 'ROLE_NOT_ALLOWED');
    expect((await api.as(world.worker.userId).get(`/communities/${world.home.communityId}/duty-phone`)).body.dutyPhone).toBe(DUTY_PHONE);
    // Only the elder's side presses; only workers and admins answer.
    expectRefused(await api.as(world.elder.elderId).post(`/alerts/${call.alertId}/acknowledge`), 403, 'ROLE_NOT_ALLOWED');

    // The bound relative, the centre's other worker and the county's admin may read it.
    for (const reader of [world.family.userId, world.sibling.userId, world.admin.userId]) expect((await api.as(reader).get(`/alerts/${call.alertId}`)).status).toBe(200);
    expect((await storedAlert(call.alertId))?.status).toBe('open');
  });

  test('a closed call cannot be answered or closed again; closing needs a note', async () => {
    const world = await alertWorld();
    const call = await raised(world.elder.elderId, world.elder.elderId);
    const worker = api.as(world.worker.userId);

    const empty = await worker.post(`/alerts/${call.alertId}/resolve`, { note: '   ' });
    expectRefused(empty, 400, 'INVALID_INPUT');
    expect(empty.body.error.message).toContain('处理情况');
    expectRefused(await worker.post(`/alerts/${call.alertId}/resolve`, {}), 400, 'INVALID_INPUT');
    expect((await storedAlert(call.alertId))?.status).toBe('open');

    expect((await worker.post(`/alerts/${call.alertId}/resolve`, { note: '已处理' })).status).toBe(200);
    // The same worker's request sent again: the same answer.
    expect((await worker.post<AlertResponse>(`/alerts/${call.alertId}/resolve`, { note: '已处理' })).body).toMatchObject({ replayed: true, alert: { status: 'resolved' } });
    expectRefused(await worker.post(`/alerts/${call.alertId}/resolve`, { note: '再写一次' }), 409, 'ALERT_CLOSED');
    expectRefused(await worker.post(`/alerts/${call.alertId}/acknowledge`), 409, 'ALERT_CLOSED');
    expectRefused(await api.as(world.sibling.userId).post(`/alerts/${call.alertId}/resolve`, { note: '已处理' }), 409, 'ALERT_CLOSED');
    expectRefused(await api.as(world.elder.elderId).post(`/alerts/${call.alertId}/location`, { latitude: 27.8, longitude: 113.1 }), 409, 'ALERT_CLOSED');
    expect(await auditOf(alertSubject(call.alertId), { action: 'alert.resolved' })).toHaveLength(1);
  });

  test('the location: sent for one’s own call only, with coordinates that exist', async () => {
    const world = await alertWorld();
    const call = await raised(world.elder.elderId, world.elder.elderId);
    const neighbours = await raised(world.neighbour.elderId, world.neighbour.elderId);

    const located = await api.as(world.family.userId).post<AlertResponse>(`/alerts/${call.alertId}/location`, { latitude: 27.8293, longitude: 113.1512, accuracy: 20 });
    expect(located.status).toBe(200);
    expect(located.body.alert.location).toEqual({ latitude: 27.8293, longitude: 113.1512, accuracy: 20 });

    // Another elder's call, by that other elder or by a relative of someone else.
    expectRefused(await api.as(world.neighbour.elderId).post(`/alerts/${call.alertId}/location`, { latitude: 27.8, longitude: 113.1 }), 404, 'ALERT_NOT_FOUND');
    expectRefused(await api.as(world.family.userId).post(`/alerts/${neighbours.alertId}/location`, { latitude: 27.8, longitude: 113.1 }), 404, 'ALERT_NOT_FOUND');

    for (const body of [{ latitude: 91, longitude: 113.1 }, { latitude: 27.8, longitude: -181 }, { latitude: '27.8', longitude: 113.1 }, { latitude: 27.8 }, { latitude: 27.8, longitude: 113.1, accuracy: -1 }]) {
      expectRefused(await api.as(world.elder.elderId).post(`/alerts/${call.alertId}/location`, body), 400, 'INVALID_INPUT');
    }
    expect((await storedAlert(call.alertId))?.location).toEqual({ latitude: 27.8293, longitude: 113.1512, accuracy: 20 });
  });
});
