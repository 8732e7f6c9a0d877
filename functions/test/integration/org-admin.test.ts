import { useApi, errorCode } from '../support/api';
import { createCommunity, tableItems } from '../support/seed';
import { Centre, Community } from '../../src/features/people/entities';
import { setClock } from '../../src/platform/clock';
import { seedDemoData } from '../../src/local/bootstrap';
import { auditOf } from '../../src/store/audit';

/** The county's admin creates and renames service centres and communities; nothing of another county. */
const api = useApi();
const NOW = '2030-03-04T00:30:00.000Z';
const admin = () => api.as('demo-admin');

beforeAll(async () => {
  setClock(NOW);
  await seedDemoData();
});
beforeEach(() => setClock(NOW));

test('the admin creates a centre and a community under it; both appear in the county at once', async () => {
  const centre = await admin().post('/centres', { name: '  新城街道综合养老服务中心 ' });
  expect(centre.status).toBe(201);
  expect(centre.body).toMatchObject({ name: '新城街道综合养老服务中心' });
  const community = await admin().post('/communities', { name: '新城社区', centreId: centre.body.centreId });
  expect(community.status).toBe(201);
  expect(community.body).toEqual({ communityId: expect.any(String), centreId: centre.body.centreId, name: '新城社区' });
  const org = (await admin().get('/org')).body;
  const listed = org.centres.find((item: { centreId: string }) => item.centreId === centre.body.centreId);
  expect(listed).toEqual({ centreId: centre.body.centreId, name: '新城街道综合养老服务中心', communities: [{ communityId: community.body.communityId, name: '新城社区' }] });
  expect((await Community.get({ communityId: community.body.communityId }).go()).data).toMatchObject({ countyId: 'demo-county' });
  expect((await auditOf(`community#${community.body.communityId}`))[0]).toMatchObject({ action: 'org.createCommunity', actorId: 'demo-admin' });
});

test('renaming a centre changes its name only: its canteen prices stay with it, and its elders see the new name', async () => {
  const pricing = { age60Fen: 1100, age70Fen: 1000, age80Fen: 900, dibaoFen: 800, tekunFen: 0, disabledFen: 0 };
  expect((await admin().put('/centres/demo-centre-guzhangping/pricing', pricing)).status).toBe(200);
  const renamed = await admin().put('/centres/demo-centre-guzhangping/name', { name: '古丈坪镇养老服务中心' });
  expect(renamed.body).toEqual({ centreId: 'demo-centre-guzhangping', name: '古丈坪镇养老服务中心' });
  expect((await admin().get('/centres/demo-centre-guzhangping/pricing')).body).toMatchObject({ custom: true, rules: { age60Fen: 1100 } });
  // The elder's home shows the new centre name (the renaming container forgets its cached copy at once).
  expect((await api.as('demo-elder-zhou').get('/me')).body.community).toMatchObject({ centreName: '古丈坪镇养老服务中心' });
  const events = await auditOf('centre#demo-centre-guzhangping', { action: 'org.renameCentre' });
  expect(events[0].changes).toEqual([{ field: 'name', before: '古丈坪镇综合养老服务中心', after: '古丈坪镇养老服务中心' }]);
});

test('renaming a community keeps its elders, centre and id; the new name shows on its elders’ pages', async () => {
  const renamed = await admin().put('/communities/demo-comm-dongfeng/name', { name: '东风新村社区' });
  expect(renamed.body).toEqual({ communityId: 'demo-comm-dongfeng', centreId: 'demo-centre-xueyuan', name: '东风新村社区' });
  const elder = (await api.as('demo-elder-zhao').get('/me')).body;
  expect(elder.community).toMatchObject({ communityId: 'demo-comm-dongfeng', name: '东风新村社区' });
  expect(elder.elder.communityName).toBe('东风新村社区');
});

describe('another county and bad input: a coded 4xx with a Chinese message per field, and nothing written', () => {
  let elsewhere: Awaited<ReturnType<typeof createCommunity>>;
  beforeAll(async () => {
    elsewhere = await createCommunity('河西社区');
  });

  test('a community under another county’s centre is refused 403 NOT_YOUR_CENTRE, naming the field', async () => {
    const before = await tableItems();
    const response = await admin().post('/communities', { name: '越界社区', centreId: elsewhere.centreId });
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({ code: 'NOT_YOUR_CENTRE', details: { fields: [{ field: 'centreId', message: expect.stringMatching(/本县/) }] } });
    expect(await tableItems()).toEqual(before);
  });

  test('renaming another county’s centre is 403, its community 404 (as on every community route); names unchanged', async () => {
    const centre = await admin().put(`/centres/${elsewhere.centreId}/name`, { name: '改名' });
    expect([centre.status, errorCode(centre)]).toEqual([403, 'NOT_YOUR_CENTRE']);
    const community = await admin().put(`/communities/${elsewhere.communityId}/name`, { name: '改名' });
    expect([community.status, errorCode(community)]).toEqual([404, 'COMMUNITY_NOT_FOUND']);
    expect((await Centre.get({ centreId: elsewhere.centreId }).go()).data?.name).toBe('学院路街道综合养老服务中心');
    expect((await Community.get({ communityId: elsewhere.communityId }).go()).data?.name).toBe('河西社区');
  });

  test('an unknown centre is 404, a blank or too long name 400 naming the field; nothing written', async () => {
    const before = await tableItems();
    const unknown = await admin().post('/communities', { name: '新社区', centreId: 'no-such-centre' });
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'CENTRE_NOT_FOUND']);
    const blank = await admin().post('/centres', { name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error).toMatchObject({ code: 'INVALID_INPUT', message: '请填写服务中心名称', details: { fields: [{ field: 'name', message: '请填写服务中心名称' }] } });
    const long = await admin().put('/communities/demo-comm-xueyuan/name', { name: '社'.repeat(31) });
    expect(long.body.error).toMatchObject({ code: 'INVALID_INPUT', details: { fields: [{ field: 'name', message: '社区名称最多 30 个字' }] } });
    const noCentre = await admin().post('/communities', { name: '新社区' });
    expect(noCentre.body.error.details.fields).toEqual([{ field: 'centreId', message: '请选择社区所属的服务中心' }]);
    expect(await tableItems()).toEqual(before);
  });

  test('a worker may not create or rename places: 403 ROLE_NOT_ALLOWED', async () => {
    const response = await api.as('demo-worker-xueyuan').put('/communities/demo-comm-xueyuan/name', { name: '改名' });
    expect([response.status, errorCode(response)]).toEqual([403, 'ROLE_NOT_ALLOWED']);
  });
});
