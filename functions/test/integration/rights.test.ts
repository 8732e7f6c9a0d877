/** @dynamodb-streams */
import { strFromU8, unzipSync } from 'fflate';
import { AUDIT_PLACED_IN, CLOSED_ACCOUNT_NAME, PRIVACY_NOTICE_VERSION, dataCopyKinds, auditChangesText } from '@yilin/contract';
import { useLocalConsumers } from '../support/consumers';
import { setClock } from '../../src/platform/clock';
import { healthReadingsOf } from '../../src/features/care/data';
import { Elder, WechatIdentity } from '../../src/features/people/entities';
import { applyRetention } from '../../src/features/rights/elder-closing';
import { MESSAGES_CONSUMER } from '../../src/features/notify/deliver';
import { DeadLetter, deadLetterExpiry } from '../../src/store/events';
import { errorCode, tokenFor, useApi } from '../support/api';
import { AuditTrailEntry, communityTrail, countyTrail } from '../../src/features/insights/audit-entities';
import { trailEntriesOf } from '../../src/features/insights/audit-index';
import type { AuditEventItem } from '../../src/store/audit';
import { MONDAY, TUESDAY, idempotencyKey, placeOrder, publishMenu, setLocalTime } from '../support/canteen-fixtures';
import { assignedVisit, completeVisit, createCareWorld, storedBookingsOfElder } from '../support/care-fixtures';
import { signedInWithWechat } from '../support/notify-fixtures';
import { storedElder, tableItems } from '../support/seed';
import { IN_WINDOW, wishBody, claimedWish, createVolunteer, expectRefusedUnchanged, grantPoints, openStoreOn, pointsOf, realisedWish, storeItem } from '../support/wish-fixtures';
import { Redemption } from '../../src/features/wishes/entities';
import { dynamoClient } from '../../src/store/client';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';

/**
 * Personal information rights through the API, with every stream consumer running as deployed: closing a
 * relative's, a volunteer's and (with a worker) an elder's account, after which a search of the whole table for
 * the person's identifiers finds only what the retention rule keeps (README, "What is kept when someone leaves");
 * an elder who left the register follows the same rule after the retention period; a copy of one's data holds
 * every kind of record the person has.
 */

const api = useApi();

const runner = useLocalConsumers();

/** Every item that mentions one of the needles, as its entity name with the item. */
async function itemsMentioning(...needles: string[]) {
  return (await tableItems())
    .filter((item) => needles.some((needle) => JSON.stringify(item).includes(needle)))
    .map((item) => ({ entity: String(item.__edb_e__), item }));
}

/** A WeChat sign-in as it is stored: the openid on the account and the identity item mapping it back. */
async function wechatUser(userId: string): Promise<string> {
  const openid = await signedInWithWechat(userId);
  await WechatIdentity.put({ openid, userId, createdAt: '2026-11-01T00:00:00.000Z' }).go();
  return openid;
}

describe('a relative closes their account', () => {
  test('account, WeChat identity, bindings, messages and acceptances go; orders, consent, calls and the trail stay without their name', async () => {
    setLocalTime(MONDAY, '08:00');
    const world = await createCareWorld(api);
    const { elderId } = world.elder;
    const familyId = world.family.userId;
    const family = api.as(familyId);
    const openid = await wechatUser(familyId);
    const familyToken = await tokenFor(familyId);
    const asClosed = (method: string, path: string, body?: unknown) =>
      fetch(`${api.url}${path}`, { method, headers: { authorization: `Bearer ${familyToken}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    // A name found nowhere else, so the search is exact.
    expect((await family.put('/me/name', { name: '王小磊' })).status).toBe(200);
    await family.post('/me/consents/privacy', { version: PRIVACY_NOTICE_VERSION });
    await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch');
    const order = await placeOrder(api, familyId, elderId, TUESDAY, 'lunch');
    expect((await family.put(`/elders/${elderId}/health-consent`, { given: false })).status).toBe(200);
    expect((await family.put(`/elders/${elderId}/health-consent`, { given: true })).status).toBe(200);
    expect((await family.post(`/elders/${elderId}/alerts`, { idempotencyKey: idempotencyKey() })).status).toBe(201);
    expect((await api.as(world.worker.userId).post(`/orders/${order.orderId}/status`, { status: 'confirmed' })).status).toBe(200);
    // A wish brought home, with the elder's agreement given by the relative for her.
    expect((await family.post(`/elders/${elderId}/wishes`, wishBody({ handover: 'home', addressAgreed: true }))).status).toBe(201);
    // A message WeChat refused, filed for the community's list as the notifications consumer files it.
    await DeadLetter.put({ consumer: MESSAGES_CONSUMER, eventId: `${familyId}#2026-11-16T00:00:00.000Z#orderConfirmed#x`, reason: '43101', attempts: 1, record: JSON.stringify({ userId: familyId }), at: '2026-11-16T00:00:00.000Z', expiresAt: deadLetterExpiry('2026-11-16T00:00:00.000Z') }).go();
    await runner.idle();
    expect((await itemsMentioning(familyId)).some(({ entity }) => entity === 'message')).toBe(true);

    const closed = await family.post('/me/close', { confirm: true });
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).toEqual(expect.any(String));
    await runner.idle();

    // The token acts no more; the elder's family list no longer names them; the order and the consent stand.
    const after = await asClosed('GET', '/me');
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('ACCOUNT_CLOSED');
    const bindings = await api.as(elderId).get(`/elders/${elderId}/bindings`);
    expect(bindings.body.items.map((binding: { familyName: string }) => binding.familyName)).not.toContain('王小磊');
    expect((await api.as(world.worker.userId).get(`/orders/${order.orderId}`)).status).toBe(200);
    expect((await api.as(elderId).get(`/elders/${elderId}/health-consent`)).body).toMatchObject({ given: true, changedByName: CLOSED_ACCOUNT_NAME });

    // A closed account's note (closedAccount) holds the id alone, for a week: an old token is told it was closed.
    const kept = new Set(['order', 'healthConsent', 'alert', 'wish', 'auditEvent', 'auditTrailEntry', 'idempotency', 'handledEvent', 'closedAccount']);
    const hits = await itemsMentioning(familyId, openid, '王小磊');
    expect(hits.filter(({ entity }) => !kept.has(entity) && entity !== 'message')).toEqual([]);
    // The WeChat identity is nowhere.
    expect(hits.filter(({ item }) => JSON.stringify(item).includes(openid))).toEqual([]);
    // The name stays only in messages other people received (they expire with their messages, 183 days).
    const named = hits.filter(({ item }) => JSON.stringify(item).includes('王小磊'));
    expect(named.filter(({ entity, item }) => entity !== 'message' || item.userId === familyId || typeof item.expiresAt !== 'number')).toEqual([]);
    // The person's own messages are gone; kept retry records hold an id and expire within 7 days.
    expect(hits.filter(({ entity, item }) => entity === 'message' && item.userId === familyId)).toEqual([]);
    for (const { item } of hits.filter(({ entity }) => entity === 'idempotency')) expect(item.expiresAt as number).toBeLessThanOrEqual(Date.now() / 1000 + 7 * 86_400);
    // The trail keeps what they did, as a closed account.
    const trail = hits.filter(({ entity, item }) => (entity === 'auditEvent' || entity === 'auditTrailEntry') && item.actorId === familyId);
    expect(trail.length).toBeGreaterThan(3);
    expect(trail.every(({ item }) => item.actorName === CLOSED_ACCOUNT_NAME)).toBe(true);

    // Signing in with the same WeChat again starts a new account (the old one is not found).
    expect((await WechatIdentity.get({ openid }).go()).data).toBeNull();
    // Closing again with the old token is refused as a signed-out session, and writes nothing.
    expect((await asClosed('POST', '/me/close', { confirm: true })).status).toBe(401);
  });

  test('closing needs the confirmation; an elder is sent to the community and a worker to the admin, and nothing is written', async () => {
    const world = await createCareWorld(api);
    await runner.idle();
    const before = await tableItems();
    const unconfirmed = await api.as(world.family.userId).post('/me/close', {});
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error.message).toContain('confirm');
    const elder = await api.as(world.elder.elderId).post('/me/close', { confirm: true });
    expect(elder.status).toBe(409);
    expect(errorCode(elder)).toBe('CLOSE_ELDER_WITH_WORKER');
    expect(elder.body.error.message).toContain('社区');
    const worker = await api.as(world.worker.userId).post('/me/close', { confirm: true });
    expect(errorCode(worker)).toBe('CLOSE_WORK_ACCOUNT');
    await runner.idle();
    expect((await tableItems()).filter((item) => !['attemptWindow', 'handledEvent'].includes(String(item.__edb_e__)))).toEqual(
      before.filter((item) => !['attemptWindow', 'handledEvent'].includes(String(item.__edb_e__))),
    );
  });
});

describe('a volunteer closes their account', () => {
  test('a gift waiting that the holder index does not show yet still stops the closing (the ledger finds it)', async () => {
    setClock(IN_WINDOW);
    const world = await createCareWorld(api);
    const volunteer = await createVolunteer(world.home, { name: '周小舟' });
    await grantPoints(api, world.worker.userId, volunteer.userId, 20);
    await openStoreOn(api, world.worker.userId, world.home.communityId, IN_WINDOW.slice(0, 10));
    const item = await storeItem(api, world.worker.userId, world.home.communityId, { pricePoints: 5 });
    const redeemed = await api.as(volunteer.userId).post(`/points/${volunteer.userId}/redemptions`, { itemId: item.itemId, idempotencyKey: idempotencyKey() });
    expect(redeemed.status).toBe(201);
    // As in the cloud a moment after the redemption: its global index has not caught up.
    const { Key } = Redemption.get({ redemptionId: redeemed.body.redemption.redemptionId }).params() as { Key: Record<string, unknown> };
    await dynamoClient.send(new UpdateCommand({ TableName: process.env.TABLE_NAME, Key, UpdateExpression: 'REMOVE gsi2pk, gsi2sk' }));
    const refused = await api.as(volunteer.userId).post('/me/close', { confirm: true });
    expect([refused.status, errorCode(refused)]).toEqual([409, 'CLOSE_OPEN_REDEMPTIONS']);
  });

  test('a wish still in hand must be finished or given back first (409, nothing written)', async () => {
    setClock(IN_WINDOW);
    const world = await createCareWorld(api);
    const volunteer = await createVolunteer(world.home, { name: '赵一鸣' });
    await claimedWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    await runner.idle();
    const before = await tableItems();
    const refused = await api.as(volunteer.userId).post('/me/close', { confirm: true });
    await expectRefusedUnchanged(refused, 409, 'CLOSE_OPEN_WISHES', before);
    expect(refused.body.error.message).toContain('放弃认领');
  });

  test('points lapse and the sign-up goes; the realised wish, the redemption and the leaderboard keep a closed account', async () => {
    setClock(IN_WINDOW);
    const world = await createCareWorld(api);
    const volunteer = await createVolunteer(world.home, { name: '钱多多', phone: '13912345678' });
    const openid = await wechatUser(volunteer.userId);
    const wish = await realisedWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    await openStoreOn(api, world.worker.userId, world.home.communityId, IN_WINDOW.slice(0, 10));
    const item = await storeItem(api, world.worker.userId, world.home.communityId, { pricePoints: 5 });
    const redeemed = await api.as(volunteer.userId).post(`/points/${volunteer.userId}/redemptions`, { itemId: item.itemId, idempotencyKey: idempotencyKey() });
    expect(redeemed.status).toBe(201);
    expect((await api.as(world.worker.userId).post(`/redemptions/${redeemed.body.redemption.redemptionId}/hand-over`)).status).toBe(200);
    expect(await pointsOf(volunteer.userId)).toBe(5);
    await runner.idle();

    expect((await api.as(volunteer.userId).post('/me/close', { confirm: true })).status).toBe(200);
    await runner.idle();

    const kept = new Set(['wish', 'redemption', 'monthlyScore', 'auditEvent', 'auditTrailEntry', 'idempotency', 'handledEvent', 'closedAccount']);
    const hits = await itemsMentioning(volunteer.userId, openid, '钱多多', '13912345678');
    expect(hits.filter(({ entity }) => !kept.has(entity) && entity !== 'message')).toEqual([]);
    expect(hits.filter(({ item }) => JSON.stringify(item).includes(openid) || JSON.stringify(item).includes('13912345678'))).toEqual([]);
    const named = hits.filter(({ item }) => JSON.stringify(item).includes('钱多多'));
    expect(named.filter(({ entity, item }) => entity !== 'message' || item.userId === volunteer.userId)).toEqual([]);
    expect(await pointsOf(volunteer.userId)).toBe(0);
    // The elder's wish still says it was realised, by a closed account.
    const seen = await api.as(world.elder.elderId).get(`/wishes/${wish.wishId}`);
    expect(seen.body.wish).toMatchObject({ status: 'realised' });
    expect(JSON.stringify(seen.body)).toContain(CLOSED_ACCOUNT_NAME);
    // The community's trail and the county's show that one of theirs closed the account, as a closed account.
    for (const trail of [communityTrail(world.home.communityId), countyTrail(world.home.countyId)]) {
      const { data: entries } = await AuditTrailEntry.query.byTrail({ trail }).go({ pages: 'all' });
      const closings = entries.filter((entry) => entry.action === 'account.closed');
      expect(closings.map((entry) => [entry.concerns, entry.concernsName])).toEqual([[volunteer.userId, CLOSED_ACCOUNT_NAME]]);
      // Where they belonged is for filing the event, not for reading: no id is shown.
      expect(auditChangesText(closings[0]!.changes, 'account.closed')).toBe('');
    }
  });
});

test('a closing indexed when nothing else knows the person any more still reaches their community’s and county’s trails', async () => {
  const world = await createCareWorld(api);
  // A person this container never placed: the closing event itself says where they belonged.
  const event = {
    eventId: '01JCLOSING0000000000000000',
    subject: 'user#gone-volunteer',
    concerns: 'gone-volunteer',
    action: 'account.closed',
    actorId: 'gone-volunteer',
    actorName: CLOSED_ACCOUNT_NAME,
    actorRole: 'volunteer',
    at: '2026-01-05T02:00:00.000Z',
    changes: [{ field: AUDIT_PLACED_IN, before: world.home.communityId }],
  } as unknown as AuditEventItem;
  const trails = (await trailEntriesOf(event)).map((entry) => [entry.trail, entry.concernsName]);
  expect(trails).toEqual([
    [communityTrail(world.home.communityId), CLOSED_ACCOUNT_NAME],
    [countyTrail(world.home.countyId), CLOSED_ACCOUNT_NAME],
    ['actor#gone-volunteer', CLOSED_ACCOUNT_NAME],
  ]);
});

describe("an elder's closing, done with the community's worker", () => {
  test('the elder leaves the register for good; orders and visits stay without phone or address; readings, sign-in and family go', async () => {
    setLocalTime(MONDAY, '08:00');
    const world = await createCareWorld(api);
    const { elderId } = world.elder;
    // Details found nowhere else in this file's table, so the search is exact.
    await Elder.patch({ elderId }).set({ phone: '13800001111', address: '注销测试路 1 号', emergencyContacts: [{ name: '王磊', relation: '儿子', phone: '13900002222' }] }).go();
    const openid = await wechatUser(elderId);
    const elderToken = await tokenFor(elderId);
    await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch');
    const order = await placeOrder(api, elderId, elderId, TUESDAY, 'lunch');
    const bookingId = await assignedVisit(api, world, { serviceId: world.checkup.serviceId, staffId: world.nurse.userId });
    setLocalTime(TUESDAY, '09:05');
    await api.as(world.nurse.userId).post(`/bookings/${bookingId}/check-in`);
    await api.as(world.nurse.userId).put(`/bookings/${bookingId}/record`, { notes: '精神不错', checklistDone: [], measurements: { systolic: 138, diastolic: 86 } });
    await completeVisit(api, bookingId, world.nurse.userId);
    expect(await healthReadingsOf(elderId, '2026-01-01')).toHaveLength(1);
    await runner.idle();

    const wrongNote = await api.as(world.worker.userId).post(`/elders/${elderId}/close`, { note: '' });
    expect(wrongNote.status).toBe(400);
    expect(wrongNote.body.error.message).toContain('说明');
    expect((await api.as(world.otherWorker.userId).post(`/elders/${elderId}/close`, { note: '本人申请' })).status).toBe(404);
    expect((await api.as(world.family.userId).post(`/elders/${elderId}/close`, { note: '本人申请' })).status).toBe(403);

    const closed = await api.as(world.worker.userId).post(`/elders/${elderId}/close`, { note: '本人到社区申请注销' });
    expect(closed.status).toBe(200);
    expect(closed.body.elder).toMatchObject({ status: 'closed', phone: '', address: '', emergencyContacts: [], contactsErasedAt: expect.any(String) });
    // Asked again (a retried request): answered the same, nothing more to do.
    expect((await api.as(world.worker.userId).post(`/elders/${elderId}/close`, { note: '本人到社区申请注销' })).body.elder.status).toBe('closed');
    await runner.idle();

    expect((await fetch(`${api.url}/me`, { headers: { authorization: `Bearer ${elderToken}` } })).status).toBe(401);
    expect((await api.as(world.family.userId).get(`/elders/${elderId}`)).status).toBe(404);
    expect(await healthReadingsOf(elderId, '2026-01-01')).toEqual([]);
    const [booking] = await storedBookingsOfElder(elderId);
    expect(booking).toMatchObject({ status: 'completed', elderPhone: '', address: '', priceFen: expect.any(Number) });
    expect(booking!.record).toMatchObject({ notes: '精神不错' });
    expect(booking!.record!.measurements).toBeUndefined();
    expect((await api.as(world.worker.userId).get(`/orders/${order.orderId}`)).body.order).toMatchObject({ elderName: '王秀英' });
    // Nothing reaches the elder any more: phone, address, the emergency contact's phone, the WeChat sign-in.
    expect(await itemsMentioning(openid, '13800001111', '注销测试路', '13900002222')).toEqual([]);
    // Off the register for good, and no contact details come back.
    const restore = await api.as(world.worker.userId).put(`/elders/${elderId}/status`, { status: 'active', note: '' });
    expect(errorCode(restore)).toBe('ELDER_CLOSED');
    const contact = await api.as(world.worker.userId).patch(`/elders/${elderId}/contact`, { phone: '13800001111' });
    expect(contact.status).toBe(409);
    expect(errorCode(contact)).toBe('ELDER_CLOSED');
    expect((await storedElder(elderId))?.phone).toBe('');
  });

  test('a wish a volunteer is bringing is settled first (409, nothing written)', async () => {
    setClock(IN_WINDOW);
    const world = await createCareWorld(api);
    const volunteer = await createVolunteer(world.home, { name: '周到' });
    await claimedWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    await runner.idle();
    const before = await tableItems();
    const refused = await api.as(world.worker.userId).post(`/elders/${world.elder.elderId}/close`, { note: '女儿来办理' });
    await expectRefusedUnchanged(refused, 409, 'CLOSE_OPEN_WISHES', before);
    expect(refused.body.error.message).toContain('王秀英还有 1 个心愿正由志愿者办理');
  });
});

describe('an elder who died or moved away', () => {
  test(`keeps contact details for the retention period, then loses them as at a closing; one back on the register keeps them`, async () => {
    setLocalTime(MONDAY, '08:00');
    const world = await createCareWorld(api);
    const worker = api.as(world.worker.userId);
    expect((await worker.put(`/elders/${world.elder.elderId}/status`, { status: 'deceased', note: '女儿来说的' })).status).toBe(200);
    expect((await worker.put(`/elders/${world.neighbour.elderId}/status`, { status: 'movedAway', note: '' })).status).toBe(200);
    setLocalTime(MONDAY, '09:00');
    expect((await worker.put(`/elders/${world.neighbour.elderId}/status`, { status: 'active', note: '又回来了' })).status).toBe(200);

    setLocalTime('2027-02-13', '08:00'); // 89 days later
    expect(await applyRetention()).toEqual({ erased: 0, changedMeanwhile: 0, skipped: 0, failed: 0 });
    expect((await storedElder(world.elder.elderId))?.phone).toBe('13807340001');

    setLocalTime('2027-02-15', '08:00'); // 91 days later
    expect(await applyRetention()).toEqual({ erased: 1, changedMeanwhile: 0, skipped: 0, failed: 0 });
    expect(await storedElder(world.elder.elderId)).toMatchObject({ status: 'deceased', phone: '', address: '', emergencyContacts: [], contactsErasedAt: expect.any(String) });
    expect((await storedElder(world.neighbour.elderId))?.phone).toBe('13807340002');
    // Twice changes nothing.
    expect(await applyRetention()).toEqual({ erased: 0, changedMeanwhile: 0, skipped: 0, failed: 0 });
    await runner.idle();
  });
});

describe('a copy of one’s data', () => {
  test('a relative’s copy holds their account and every kind of record of the bound elder, as a page and as a workbook', async () => {
    setLocalTime(MONDAY, '08:00');
    const world = await createCareWorld(api);
    const { elderId } = world.elder;
    const family = api.as(world.family.userId);
    await family.post('/me/consents/privacy', { version: PRIVACY_NOTICE_VERSION });
    await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch');
    await placeOrder(api, world.family.userId, elderId, TUESDAY, 'lunch');
    const bookingId = await assignedVisit(api, world, { serviceId: world.checkup.serviceId, staffId: world.nurse.userId });
    setLocalTime(TUESDAY, '09:05');
    await api.as(world.nurse.userId).post(`/bookings/${bookingId}/check-in`);
    await api.as(world.nurse.userId).put(`/bookings/${bookingId}/record`, { notes: '精神不错', checklistDone: [], measurements: { systolic: 152, diastolic: 95 } });
    await api.as(world.nurse.userId).get(`/elders/${elderId}/health`);
    await family.post(`/elders/${elderId}/alerts`, { idempotencyKey: idempotencyKey() });
    expect((await family.post(`/elders/${elderId}/wishes`, wishBody({ title: '想要一副老花镜' }))).status).toBe(201);
    await runner.idle();

    const copy = await family.get('/me/data');
    expect(copy.status).toBe(200);
    expect(copy.body.name).toBe('王磊');
    const byKind = new Map<string, { rows: string[][] }>(copy.body.sections.map((section: { kind: string; rows: string[][] }) => [section.kind, section]));
    for (const kind of ['profile', 'consents', 'bindings', 'elder', 'orders', 'bookings', 'records', 'healthReads', 'wishes', 'alerts', 'messages']) {
      expect({ kind, rows: byKind.get(kind)?.rows.length ?? 0 }).toEqual({ kind, rows: expect.any(Number) });
      expect({ kind, empty: (byKind.get(kind)?.rows.length ?? 0) === 0 }).toEqual({ kind, empty: false });
    }
    expect(copy.body.sections.every((section: { kind: string }) => (dataCopyKinds as readonly string[]).includes(section.kind))).toBe(true);
    const text = JSON.stringify(copy.body);
    for (const expected of ['13807340001', '学院路 12 号 3 栋 101', '血压 152/95 mmHg 偏高', '李芳', '想要一副老花镜', PRIVACY_NOTICE_VERSION]) expect(text).toContain(expected);

    const workbook = await fetch(`${api.url}/me/data/xlsx`, { headers: { authorization: `Bearer ${await tokenFor(world.family.userId)}` } });
    expect(workbook.status).toBe(200);
    expect(workbook.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(workbook.headers.get('content-disposition') ?? '')?.[1] ?? '')).toMatch(/^我的数据-王磊-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const files = unzipSync(new Uint8Array(await workbook.arrayBuffer()));
    const sheetNames = [...strFromU8(files['xl/workbook.xml']!).matchAll(/<sheet\b[^>]*\bname="([^"]+)"/g)].map(([, name]) => name);
    expect(sheetNames).toEqual(copy.body.sections.map((section: { title: string }) => section.title));
    expect(strFromU8(files['xl/sharedStrings.xml']!)).toContain('血压 152/95 mmHg 偏高');
  });

  test('a volunteer’s copy holds their sign-up, wishes taken on, points and redemptions; another person’s data is not in it', async () => {
    setClock(IN_WINDOW);
    const world = await createCareWorld(api);
    const volunteer = await createVolunteer(world.home, { name: '孙小美', phone: '13911112222' });
    await realisedWish(api, world.worker.userId, volunteer.userId, world.elder.elderId);
    await runner.idle();
    const copy = await api.as(volunteer.userId).get('/me/data');
    const kinds = copy.body.sections.filter((section: { rows: string[][] }) => section.rows.length > 0).map((section: { kind: string }) => section.kind);
    expect(kinds).toEqual(expect.arrayContaining(['profile', 'claimedWishes', 'points']));
    const text = JSON.stringify(copy.body);
    expect(text).toContain('13911112222');
    // The wish shows the elder as the wall does; the elder's phone and address are not the volunteer's data.
    expect(text).not.toContain('13807340001');
    expect(text).not.toContain('王秀英');
  });

  test('a staff member’s copy holds their post as the centre keeps it: number, skills, phone, photo or none', async () => {
    const world = await createCareWorld(api);
    const copy = await api.as(world.cleaner.userId).get('/me/data');
    expect(copy.status).toBe(200);
    const profile = new Map(copy.body.sections.find((section: { kind: string }) => section.kind === 'profile').rows as Array<[string, string]>);
    expect(Object.fromEntries(['工号', '技能', '手机号', '照片', '岗位状态'].map((line) => [line, profile.get(line)]))).toEqual({
      工号: 'A012',
      技能: '保洁、助浴',
      手机号: '13907341111',
      照片: '没有',
      岗位状态: '在岗',
    });
  });
});
