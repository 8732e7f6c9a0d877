import { seedDemoData } from '../../src/local/bootstrap';
import { errorCode, useApi } from '../support/api';
import { bind, createElder, createUser, createWorld } from '../support/seed';
import { User } from '../../src/features/people/entities';
import { issueSessionToken } from '../../src/platform/session-token';

const api = useApi();

describe('GET /me: everything the home page needs', () => {
  test('an elder gets their own profile and community', async () => {
    const world = await createWorld();
    const response = await api.as(world.elder.elderId).get('/me');
    expect(response.status).toBe(200);
    expect(response.body.user).toEqual({
      userId: world.elder.elderId,
      role: 'elder',
      name: '王秀英',
      communityId: world.home.communityId,
      centreId: world.home.centreId,
    });
    expect(response.body.community).toEqual({ communityId: world.home.communityId, name: '学院路社区', centreName: '学院路街道综合养老服务中心' });
    expect(response.body.elder).toMatchObject({
      elderId: world.elder.elderId,
      name: '王秀英',
      birthDate: '1941-05-12',
      communityName: '学院路社区',
      subsidyCategoryVerified: null,
      emergencyContacts: [{ name: '王磊', relation: '儿子', phone: '13907340009' }],
    });
    expect(response.body.elder.age).toBeGreaterThanOrEqual(84);
    expect(response.body.boundElders).toBeUndefined();
  });

  test('a family member gets the elders bound to them, and only those', async () => {
    const world = await createWorld();
    await bind(world.elderElsewhere.elderId, world.family);
    const response = await api.as(world.family.userId).get('/me');
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ userId: world.family.userId, role: 'family', name: '王磊' });
    expect(response.body.elder).toBeUndefined();
    expect(response.body.community).toBeUndefined();
    const bound = response.body.boundElders as Array<{ elderId: string; communityName: string }>;
    expect(bound.map((elder) => elder.elderId).sort()).toEqual([world.elder.elderId, world.elderElsewhere.elderId].sort());
    expect(bound.find((elder) => elder.elderId === world.elderElsewhere.elderId)?.communityName).toBe('东风社区');
    expect(bound.map((elder) => elder.elderId)).not.toContain(world.neighbour.elderId);
  });

  test('a family member without bindings gets an empty list', async () => {
    const world = await createWorld();
    const response = await api.as(world.otherFamily.userId).get('/me');
    expect(response.status).toBe(200);
    expect(response.body.boundElders).toEqual([]);
  });

  test('bound elders are listed in Chinese name order', async () => {
    const world = await createWorld();
    const family = await createUser('family');
    // 张 (zhang), 李 (li), 王 (wang) in pinyin order: li, wang, zhang
    for (const name of ['张桂兰', '李建国', '王秀英']) {
      const elder = await createElder(world.home, { name });
      await bind(elder.elderId, family);
    }
    const response = await api.as(family.userId).get('/me');
    expect(response.body.boundElders.map((elder: { name: string }) => elder.name)).toEqual(['李建国', '王秀英', '张桂兰']);
  });

  test('a worker gets their community and centre, and no elder data', async () => {
    const world = await createWorld();
    const response = await api.as(world.worker.userId).get('/me');
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ role: 'worker', communityId: world.home.communityId, centreId: world.home.centreId });
    expect(response.body.community).toEqual({ communityId: world.home.communityId, name: '学院路社区', centreName: '学院路街道综合养老服务中心' });
    expect(response.body.elder).toBeUndefined();
    expect(response.body.boundElders).toBeUndefined();
  });

  test('a volunteer and the admin get their own identity', async () => {
    const world = await createWorld();
    const volunteer = await api.as(world.volunteer.userId).get('/me');
    const admin = await api.as(world.admin.userId).get('/me');
    expect(volunteer.status).toBe(200);
    expect(volunteer.body.user).toMatchObject({ role: 'volunteer', communityId: world.home.communityId });
    expect(admin.status).toBe(200);
    expect(admin.body.user).toMatchObject({ userId: world.admin.userId, role: 'admin', name: '周建国' });
    expect(admin.body.community).toBeUndefined();
  });

  test('a valid token for a user who no longer exists is refused with 401 SESSION_INVALID', async () => {
    const world = await createWorld();
    const { token } = await issueSessionToken({ userId: world.otherFamily.userId, role: 'family' });
    await User.delete({ userId: world.otherFamily.userId }).go();
    const response = await api.as(token).get('/me');
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('SESSION_INVALID');
  });

  test('with the demo data, Wang Lei sees his mother and father-in-law', async () => {
    await seedDemoData();
    const response = await api.as('demo-family-wanglei').get('/me');
    expect(response.body.boundElders.map((elder: { name: string }) => elder.name)).toEqual(['李建国', '王秀英']);
  });
});

describe('GET /org: the organisation a worker or the admin belongs to', () => {
  test('the admin sees the whole county; a worker sees only the branch leading to their community', async () => {
    await seedDemoData();
    const admin = await api.as('demo-admin').get('/org');
    expect(admin.status).toBe(200);
    expect(admin.body.county).toEqual({ countyId: 'demo-county', name: '示范县居家养老服务指导中心' });
    expect(admin.body.centres.flatMap((centre: { communities: unknown[] }) => centre.communities)).toHaveLength(3);

    const worker = await api.as('demo-worker-dongfeng').get('/org');
    expect(worker.status).toBe(200);
    expect(worker.body.centres).toEqual([
      { centreId: 'demo-centre-xueyuan', name: '学院路街道综合养老服务中心', communities: [{ communityId: 'demo-comm-dongfeng', name: '东风社区' }] },
    ]);
  });
});
