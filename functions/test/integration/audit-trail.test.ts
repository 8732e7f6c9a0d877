/** @dynamodb-streams */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { AuditEntry, AuditPage } from '@yilin/contract';
import { handler as indexAudit } from '../../src/features/insights/handlers/insights-events/audit-indexed';
import { AuditTrailEntry, communityTrail } from '../../src/features/insights/audit-entities';
import { startStreamRunner, type StreamRunner } from '../../src/local/stream-runner';
import { addDays } from '@yilin/contract';
import { setClock } from '../../src/platform/clock';
import { routes } from '../../src/routes';
import { subjectOf, writeAudit } from '../../src/store/audit';
import { errorCode, useApi } from '../support/api';
import { createCommunity, createUser, createWorld } from '../support/seed';

/**
 * The audit trail, searchable: events are indexed by the stream consumer into the community's, county's and
 * actor's trails; the admin searches the county by person, elder and date, a worker their community, and the
 * elder and bound family see who read the elder's health record and who changed the elder's data. Nothing
 * changes an entry through the API.
 */
const api = useApi();

// The consumer as deployed, through DynamoDB Local's stream; what it was given is kept to deliver again.
const delivered: DynamoDBStreamEvent[] = [];
let runner: StreamRunner;
beforeAll(async () => {
  runner = await startStreamRunner(
    [{ name: 'insights-events/audit-indexed', entities: ['auditEvent'], handler: async (event) => (delivered.push(event), indexAudit(event)) }],
    { pollMs: 50 },
  );
});
afterAll(async () => runner?.stop());

const facts = { birthDate: '1941-05-21', subsidyCategory: 'dibao', mobilityLimited: true };

/**
 * Each world acts on days of its own, after the last world's: event ids are ULIDs made monotonic within a
 * process, so a clock set back would give an event a later id than its time.
 */
let lastDay = '2026-11-01';
function nextDays(count: number): string {
  const first = addDays(lastDay, 1);
  lastDay = addDays(lastDay, count);
  return first;
}

/** A world where the home worker verified the elder's facts one day (14:05 in Shanghai) and read their health record the next (09:30). */
async function workedWorld() {
  const world = await createWorld();
  const verifiedOn = nextDays(2);
  const readOn = addDays(verifiedOn, 1);
  const verifiedAt = `${verifiedOn}T06:05:00.000Z`;
  const readAt = `${readOn}T01:30:00.000Z`;
  setClock(verifiedAt);
  expect((await api.as(world.worker.userId).put(`/elders/${world.elder.elderId}/verification`, facts)).status).toBe(200);
  setClock(readAt);
  expect((await api.as(world.worker.userId).get(`/elders/${world.elder.elderId}/health`)).status).toBe(200);
  await runner.idle();
  return { ...world, verifiedOn, readOn, verifiedAt, readAt };
}

const actions = (page: AuditPage) => page.entries.map((entry) => entry.action);

describe('searching the trail', () => {
  test("a worker sees their community's trail, newest first, each entry in words", async () => {
    const { home, elder, worker, verifiedAt, readAt } = await workedWorld();

    const response = await api.as(worker.userId).get<AuditPage>(`/communities/${home.communityId}/audit`);

    expect(response.status).toBe(200);
    expect(actions(response.body)).toEqual(['health.read', 'elder.verify']);
    const [read, verify] = response.body.entries;
    expect(read).toMatchObject<Partial<AuditEntry>>({
      at: readAt,
      actionName: '查看了健康档案',
      actorId: worker.userId,
      actorName: '刘晓燕',
      actorRole: 'worker',
      actorRoleName: '社区工作者',
      concernsId: elder.elderId,
      concernsName: '王秀英',
    });
    expect(verify).toMatchObject({ at: verifiedAt, actionName: '核实了资料', concernsName: '王秀英' });
    expect(verify.changes).toEqual(expect.arrayContaining([{ field: 'birthDate', before: '1941-05-12', after: '1941-05-21' }, { field: 'subsidyCategory', after: 'dibao' }]));
    expect(response.body.before).toBeUndefined();
  });

  test('the admin searches the county by the person who acted, by the elder, and by China business date', async () => {
    const { home, elder, worker, otherWorker, admin, verifiedOn, readOn } = await workedWorld();
    const county = (query: string) => api.as(admin.userId).get<AuditPage>(`/counties/${home.countyId}/audit?${query}`);

    expect(actions((await county('')).body)).toEqual(expect.arrayContaining(['health.read', 'elder.verify']));
    expect(actions((await county(`actorId=${worker.userId}`)).body)).toEqual(['health.read', 'elder.verify']);
    expect(actions((await county(`actorId=${otherWorker.userId}`)).body)).toEqual([]);
    expect(actions((await county(`elderId=${elder.elderId}`)).body)).toEqual(['health.read', 'elder.verify']);
    expect(actions((await county(`elderId=${elder.elderId}&actorId=${otherWorker.userId}`)).body)).toEqual([]);
    // 09:30 in Shanghai is 01:30 UTC: the read belongs to its own day there, the verification (14:05) to the day before.
    expect(actions((await county(`from=${verifiedOn}&to=${verifiedOn}`)).body)).toEqual(['elder.verify']);
    expect(actions((await county(`from=${readOn}`)).body)).toEqual(['health.read']);
    expect(actions((await county(`to=${verifiedOn}&actorId=${worker.userId}`)).body)).toEqual(['elder.verify']);
    expect(actions((await county(`from=${readOn}&to=${readOn}&elderId=${elder.elderId}`)).body)).toEqual(['health.read']);
    expect(actions((await county(`from=${addDays(readOn, 1)}`)).body)).toEqual([]);
  });

  test('a page holds 30 entries, and `before` gives the older ones without repeating any', async () => {
    const { home, neighbour, worker } = await createWorld();
    const by = { userId: worker.userId, name: '刘晓燕', role: 'worker' };
    const day = nextDays(1);
    for (let i = 0; i < 33; i++) {
      const at = new Date(Date.parse(`${day}T02:00:00.000Z`) + i * 60_000).toISOString();
      await writeAudit({ subject: subjectOf('health', neighbour.elderId), concerns: neighbour.elderId, action: 'health.read', by, at, changes: [{ field: 'read', after: '健康记录' }] });
    }
    await runner.idle();
    const path = `/communities/${home.communityId}/audit?elderId=${neighbour.elderId}`;

    const first = (await api.as(worker.userId).get<AuditPage>(path)).body;
    const second = (await api.as(worker.userId).get<AuditPage>(`${path}&before=${first.before}`)).body;
    const trail = (await api.as(worker.userId).get<AuditPage>(`/communities/${home.communityId}/audit`)).body;
    const trailNext = (await api.as(worker.userId).get<AuditPage>(`/communities/${home.communityId}/audit?from=${day}&before=${trail.before}`)).body;

    expect(first.entries).toHaveLength(30);
    expect(second.entries).toHaveLength(3);
    expect(second.before).toBeUndefined();
    const times = [...first.entries, ...second.entries].map((entry) => entry.at);
    expect(new Set(times).size).toBe(33);
    expect(times).toEqual([...times].sort().reverse());
    expect(trail.entries.map((entry) => entry.eventId)).toEqual(first.entries.map((entry) => entry.eventId));
    expect(trailNext.entries.map((entry) => entry.eventId)).toEqual(second.entries.map((entry) => entry.eventId));
  });

  test("a centre's own things are in the county's trail, not in any community's", async () => {
    const { home, worker, admin } = await createWorld();
    const by = { userId: admin.userId, name: '周建国', role: 'admin' };
    await writeAudit({ subject: subjectOf('centre', home.centreId), concerns: home.centreId, action: 'org.renameCentre', by, at: `${nextDays(1)}T02:00:00.000Z`, changes: [{ field: 'name', before: '旧名', after: '新名' }] });
    await runner.idle();

    const county = (await api.as(admin.userId).get<AuditPage>(`/counties/${home.countyId}/audit`)).body;
    const community = (await api.as(worker.userId).get<AuditPage>(`/communities/${home.communityId}/audit`)).body;

    expect(county.entries).toEqual([expect.objectContaining({ action: 'org.renameCentre', actionName: '给服务中心改了名', concernsName: '学院路街道综合养老服务中心', actorRoleName: '县级平台' })]);
    expect(community.entries).toEqual([]);
  });

  test('dates out of order and a cursor that is not an entry are refused in words', async () => {
    const { home, admin } = await createWorld();

    const backwards = await api.as(admin.userId).get(`/counties/${home.countyId}/audit?from=2026-11-29&to=2026-11-28`);
    const badCursor = await api.as(admin.userId).get(`/counties/${home.countyId}/audit?before=not-an-entry`);

    expect([backwards.status, errorCode(backwards)]).toEqual([400, 'INVALID_INPUT']);
    expect(backwards.body.error.message).toMatch(/开始日期/);
    expect([badCursor.status, errorCode(badCursor)]).toEqual([400, 'INVALID_INPUT']);
  });
});

describe("the elder's access log", () => {
  test("the elder and their bound family see who read the health record and who changed the elder's data", async () => {
    const { elder, family } = await workedWorld();

    for (const caller of [elder.elderId, family.userId]) {
      const response = await api.as(caller).get<AuditPage>(`/elders/${elder.elderId}/access-log`);
      expect(response.status).toBe(200);
      expect(response.body.entries.map((entry) => [entry.actorRoleName, entry.actorName, entry.actionName])).toEqual([
        ['社区工作者', '刘晓燕', '查看了健康档案'],
        ['社区工作者', '刘晓燕', '核实了资料'],
      ]);
    }
  });

  test("what the elder did themselves is not in their log: it is others' doings they are shown", async () => {
    const { elder, readAt } = await workedWorld();
    await api.as(elder.elderId).get(`/elders/${elder.elderId}/health`);
    await writeAudit({ subject: subjectOf('elder', elder.elderId), concerns: elder.elderId, action: 'elder.verify', by: { userId: elder.elderId, name: '王秀英', role: 'elder' }, at: readAt, changes: [] });
    await runner.idle();

    const response = await api.as(elder.elderId).get<AuditPage>(`/elders/${elder.elderId}/access-log`);

    expect(response.body.entries.every((entry) => entry.actorId !== elder.elderId)).toBe(true);
    expect(response.body.entries).toHaveLength(2);
  });
});

describe('authorisation', () => {
  test("a worker of another community is refused the community's trail (403), and sees nothing of it", async () => {
    const { home, otherWorker } = await workedWorld();

    const refused = await api.as(otherWorker.userId).get(`/communities/${home.communityId}/audit`);

    expect([refused.status, errorCode(refused)]).toEqual([403, 'NOT_YOUR_COMMUNITY']);
    expect(refused.text).not.toContain('王秀英');
  });

  test("a worker filtering their community's trail by an elder of another community is told the elder does not exist", async () => {
    const { home, elderElsewhere, worker } = await workedWorld();

    const response = await api.as(worker.userId).get(`/communities/${home.communityId}/audit?elderId=${elderElsewhere.elderId}`);

    expect([response.status, errorCode(response)]).toEqual([404, 'ELDER_NOT_FOUND']);
  });

  test("an admin of another county is refused the county's trail and its communities' (403)", async () => {
    const { home } = await workedWorld();
    const elsewhere = await createCommunity('河西社区');
    const otherAdmin = await createUser('admin', { countyId: elsewhere.countyId, name: '吴国强' });

    const county = await api.as(otherAdmin.userId).get(`/counties/${home.countyId}/audit`);
    const community = await api.as(otherAdmin.userId).get(`/communities/${home.communityId}/audit`);

    expect([county.status, errorCode(county)]).toEqual([403, 'NOT_YOUR_COUNTY']);
    expect(county.body.error.message).toMatch(/本县/);
    expect([community.status, errorCode(community)]).toEqual([403, 'NOT_YOUR_COMMUNITY']);
    expect(county.text + community.text).not.toContain('王秀英');
  });

  test("a relative not bound to the elder, and another elder, are told the elder's log does not exist (404)", async () => {
    const { elder, neighbour, otherFamily } = await workedWorld();

    for (const caller of [otherFamily.userId, neighbour.elderId]) {
      const response = await api.as(caller).get(`/elders/${elder.elderId}/access-log`);
      expect([response.status, errorCode(response)]).toEqual([404, 'ELDER_NOT_FOUND']);
      expect(response.text).not.toContain('刘晓燕');
    }
  });
});

describe('the trail cannot be changed', () => {
  test('every audit route of the route table is a GET', () => {
    const auditRoutes = routes.filter((route) => /\/audit\b|\/access-log\b/.test(route.path));
    expect(auditRoutes.map((route) => route.path).sort()).toEqual(['/communities/{communityId}/audit', '/counties/{countyId}/audit', '/elders/{elderId}/access-log']);
    expect(auditRoutes.filter((route) => route.method !== 'GET')).toEqual([]);
  });

  test('asking to delete or change an entry through the API is not a route', async () => {
    const { home, elder, admin, family } = await workedWorld();

    const answers = [
      await api.as(admin.userId).delete(`/counties/${home.countyId}/audit`),
      await api.as(admin.userId).put(`/communities/${home.communityId}/audit`, { entries: [] }),
      await api.as(family.userId).post(`/elders/${elder.elderId}/access-log`, {}),
    ];

    for (const answer of answers) expect([404, 405]).toContain(answer.status);
  });

  test('a stream record delivered twice makes no second copy', async () => {
    const { home, worker } = await workedWorld();
    const trail = async () => (await AuditTrailEntry.query.byTrail({ trail: communityTrail(home.communityId) }).go({ pages: 'all' })).data;
    const before = await trail();

    for (const event of [...delivered]) expect(await indexAudit(event)).toEqual({ batchItemFailures: [] });

    expect(await trail()).toEqual(before);
    const page = (await api.as(worker.userId).get<AuditPage>(`/communities/${home.communityId}/audit`)).body;
    expect(actions(page)).toEqual(['health.read', 'elder.verify']);
  });
});
