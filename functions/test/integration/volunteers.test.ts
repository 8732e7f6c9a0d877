import { useApi, errorCode, tokenFor } from '../support/api';
import { createCommunity, createUser, createWorld, tableItems } from '../support/seed';
import { auditOf } from '../../src/store/audit';
import { getVolunteer } from '../../src/features/people/data/volunteers';
import { getUser } from '../../src/features/people/data/users';
import { setClock } from '../../src/platform/clock';

/**
 * Volunteers sign themselves up and wait; a worker of their community confirms them and marks party
 * members (党员), each change with its audit event; nobody else's worker can.
 */
const api = useApi();
const NOW = '2030-03-04T00:30:00.000Z';
beforeEach(() => setClock(NOW));

const form = (communityId: string, overrides: Record<string, unknown> = {}) => ({ name: '李志愿', communityId, phone: '13912345678', ...overrides });

async function signedUp(world: Awaited<ReturnType<typeof createWorld>>) {
  const newcomer = await createUser('family', { name: '微信用户' });
  const answer = await api.as(newcomer.userId).post('/volunteers', form(world.home.communityId));
  expect(answer.status).toBe(200);
  return { userId: newcomer.userId, session: answer.body };
}

test('a new account signs up as a volunteer of a community: a new session with the volunteer role, waiting for the community', async () => {
  const world = await createWorld();
  const newcomer = await createUser('family', { name: '微信用户' });
  const choices = await api.as(newcomer.userId).get('/communities');
  expect(choices.status).toBe(200);
  const centres = choices.body.counties.find((county: { countyId: string }) => county.countyId === world.home.countyId).centres;
  expect(centres.flatMap((centre: { communities: Array<{ name: string }> }) => centre.communities.map((community) => community.name)).sort()).toEqual(['东风社区', '学院路社区']);

  const answer = await api.as(newcomer.userId).post('/volunteers', form(world.home.communityId, { name: ' 李志愿 ', phone: ' 13912345678 ' }));
  expect(answer.status).toBe(200);
  expect(answer.body.user).toMatchObject({ userId: newcomer.userId, role: 'volunteer', name: '李志愿', communityId: world.home.communityId, centreId: world.home.centreId });
  const me = await api.as(answer.body.token).get('/me');
  expect(me.body.volunteer).toMatchObject({ name: '李志愿', phone: '13912345678', status: 'pending', partyMember: false, communityName: '学院路社区' });
  expect(me.body.volunteer.confirmedBy).toBeUndefined();
  expect(me.body.community.name).toBe('学院路社区');
});

test('a retried sign-up is answered with the session again and changes nothing; another community is refused', async () => {
  const world = await createWorld();
  const newcomer = await createUser('family', { name: '微信用户' });
  const familyToken = await tokenFor(newcomer.userId);
  expect((await api.as(familyToken).post('/volunteers', form(world.home.communityId))).status).toBe(200);
  const before = await tableItems();
  const retry = await api.as(familyToken).post('/volunteers', form(world.home.communityId));
  expect([retry.status, retry.body.user.role]).toEqual([200, 'volunteer']);
  const elsewhere = await api.as(familyToken).post('/volunteers', form(world.other.communityId));
  expect([elsewhere.status, errorCode(elsewhere)]).toEqual([409, 'ALREADY_VOLUNTEER']);
  expect(elsewhere.body.error.message).toContain('学院路社区');
  expect(await tableItems()).toEqual(before);
});

test('a relative with bound elders, an unknown community and a bad phone are refused, and nothing is written', async () => {
  const world = await createWorld();
  const fresh = await createUser('family', { name: '微信用户' });
  const before = await tableItems();

  const relative = await api.as(world.family.userId).post('/volunteers', form(world.home.communityId));
  expect([relative.status, errorCode(relative)]).toEqual([409, 'VOLUNTEER_NOT_ALLOWED']);
  expect(relative.body.error.message).toContain('绑定了长辈');

  const unknown = await api.as(fresh.userId).post('/volunteers', form('comm-nowhere'));
  expect([unknown.status, errorCode(unknown)]).toEqual([404, 'COMMUNITY_NOT_FOUND']);

  for (const phone of ['0734-8123456', '12345678901', '1391234567']) {
    const bad = await api.as(fresh.userId).post('/volunteers', form(world.home.communityId, { phone }));
    expect([bad.status, errorCode(bad)]).toEqual([400, 'INVALID_INPUT']);
    expect(bad.body.error.details.fields[0]).toMatchObject({ field: 'phone', message: expect.stringContaining('手机号') });
  }
  const unnamed = await api.as(fresh.userId).post('/volunteers', form(world.home.communityId, { name: '微信用户' }));
  expect(unnamed.body.error.details.fields[0].field).toBe('name');
  // A worker, an elder or a volunteer cannot sign up (the route is for new accounts).
  expect((await api.as(world.worker.userId).post('/volunteers', form(world.home.communityId))).status).toBe(403);
  expect(await tableItems()).toEqual(before);
  expect((await getUser(fresh.userId))?.role).toBe('family');
});

test('when the deployment serves one county, a community of another county is not offered and not accepted', async () => {
  const world = await createWorld();
  const elsewhere = await createCommunity('河西社区');
  const fresh = await createUser('family', { name: '微信用户' });
  process.env.COUNTY_ID = world.home.countyId;
  try {
    const choices = await api.as(fresh.userId).get('/communities');
    expect(choices.body.counties.map((county: { countyId: string }) => county.countyId)).toEqual([world.home.countyId]);
    const refused = await api.as(fresh.userId).post('/volunteers', form(elsewhere.communityId));
    expect([refused.status, errorCode(refused)]).toEqual([404, 'COMMUNITY_NOT_FOUND']);
  } finally {
    delete process.env.COUNTY_ID;
  }
  expect((await getVolunteer(fresh.userId))).toBeUndefined();
});

test('the community’s worker sees pending volunteers first, confirms one, then marks them a party member, each with its audit event', async () => {
  const world = await createWorld();
  const first = await signedUp(world);
  const second = await signedUp(world);
  await api.as(world.worker.userId).post(`/volunteers/${first.userId}/confirm`);

  const listed = await api.as(world.worker.userId).get(`/communities/${world.home.communityId}/volunteers`);
  expect(listed.status).toBe(200);
  expect(listed.body.items.map((item: { userId: string; status: string }) => [item.userId, item.status])).toEqual([
    [second.userId, 'pending'],
    [first.userId, 'confirmed'],
  ]);

  const early = await api.as(world.worker.userId).put(`/volunteers/${second.userId}/party-member`, { partyMember: true });
  expect([early.status, errorCode(early)]).toEqual([409, 'VOLUNTEER_NOT_CONFIRMED']);

  setClock('2030-03-04T02:00:00.000Z');
  const confirmed = await api.as(world.worker.userId).post(`/volunteers/${second.userId}/confirm`);
  expect(confirmed.status).toBe(200);
  expect(confirmed.body.volunteer).toMatchObject({ status: 'confirmed', confirmedBy: { userId: world.worker.userId, name: '刘晓燕', at: '2030-03-04T02:00:00.000Z' } });
  // Confirming again is answered as done, and writes no second event.
  expect((await api.as(world.worker.userId).post(`/volunteers/${second.userId}/confirm`)).body.volunteer.status).toBe('confirmed');

  const marked = await api.as(world.worker.userId).put(`/volunteers/${second.userId}/party-member`, { partyMember: true });
  expect(marked.body.volunteer).toMatchObject({ partyMember: true, partyMemberMarkedBy: { name: '刘晓燕' } });
  expect((await api.as(world.worker.userId).put(`/volunteers/${second.userId}/party-member`, { partyMember: true })).status).toBe(200);

  const events = await auditOf(`volunteer#${second.userId}`);
  expect(events.map((event) => [event.action, event.actorName, event.changes])).toEqual([
    ['volunteer.partyMember', '刘晓燕', [{ field: 'partyMember', before: 'false', after: 'true' }]],
    ['volunteer.confirm', '刘晓燕', [{ field: 'status', before: 'pending', after: 'confirmed' }]],
  ]);
  const me = await api.as(second.userId).get('/me');
  expect(me.body.volunteer).toMatchObject({ status: 'confirmed', partyMember: true });
  // The county admin reads the list too.
  expect((await api.as(world.admin.userId).get(`/communities/${world.home.communityId}/volunteers`)).status).toBe(200);
});

test('another community’s worker can neither list, confirm nor mark the volunteer, and nothing is written', async () => {
  const world = await createWorld();
  const volunteer = await signedUp(world);
  const before = await tableItems();
  const list = await api.as(world.otherWorker.userId).get(`/communities/${world.home.communityId}/volunteers`);
  expect([list.status, errorCode(list)]).toEqual([404, 'COMMUNITY_NOT_FOUND']);
  const confirm = await api.as(world.otherWorker.userId).post(`/volunteers/${volunteer.userId}/confirm`);
  expect([confirm.status, errorCode(confirm)]).toEqual([404, 'VOLUNTEER_NOT_FOUND']);
  expect(confirm.text).not.toContain('13912345678');
  const mark = await api.as(world.otherWorker.userId).put(`/volunteers/${volunteer.userId}/party-member`, { partyMember: true });
  expect([mark.status, errorCode(mark)]).toEqual([404, 'VOLUNTEER_NOT_FOUND']);
  const badBody = await api.as(world.worker.userId).put(`/volunteers/${volunteer.userId}/party-member`, { partyMember: 'yes' });
  expect([badBody.status, badBody.body.error.details.fields[0].field]).toEqual([400, 'partyMember']);
  expect(await tableItems()).toEqual(before);
});

test('a volunteer who renames themselves is renamed on the community’s list too', async () => {
  const world = await createWorld();
  const volunteer = await signedUp(world);
  expect((await api.as(volunteer.userId).put('/me/name', { name: '李小志' })).status).toBe(200);
  expect((await getVolunteer(volunteer.userId))?.name).toBe('李小志');
});
