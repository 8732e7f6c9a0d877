import { seedDemoData } from '../../src/local/bootstrap';
import { demoUsers } from '../../src/local/demo-data';
import { verifySessionToken } from '../../src/platform/session-token';
import { errorCode, useApi } from '../support/api';
import { tableItems } from '../support/seed';

const api = useApi();

beforeAll(async () => {
  await seedDemoData();
});
afterEach(() => {
  process.env.STAGE = 'local';
});

describe('demo sign-in on the local stage', () => {
  test('lists every demo account with role, name and description', async () => {
    const response = await api.anonymous.get('/auth/demo-accounts');
    expect(response.status).toBe(200);
    expect(response.body.accounts).toHaveLength(demoUsers.length);
    expect(response.body.accounts).toContainEqual({
      userId: 'demo-elder-wang',
      role: 'elder',
      name: '王秀英',
      description: expect.stringContaining('独居'),
    });
  });

  test('signing in as a demo worker gives a worker session of that community and centre', async () => {
    const response = await api.anonymous.post('/auth/demo', { userId: 'demo-worker-xueyuan' });
    expect(response.status).toBe(200);
    expect(response.body.user).toEqual({
      userId: 'demo-worker-xueyuan',
      role: 'worker',
      name: '刘晓燕',
      communityId: 'demo-comm-xueyuan',
      centreId: 'demo-centre-xueyuan',
    });
    await expect(verifySessionToken(response.body.token)).resolves.toMatchObject({
      userId: 'demo-worker-xueyuan',
      role: 'worker',
      communityId: 'demo-comm-xueyuan',
      centreId: 'demo-centre-xueyuan',
      countyId: 'demo-county',
      name: '刘晓燕',
    });
  });

  test('the demo token works on the API', async () => {
    const { body } = await api.anonymous.post('/auth/demo', { userId: 'demo-family-wanglei' });
    const me = await api.as(body.token).get('/me');
    expect(me.status).toBe(200);
    expect(me.body.boundElders.map((elder: { elderId: string }) => elder.elderId).sort()).toEqual(['demo-elder-li', 'demo-elder-wang']);
  });

  test('an id that is not a demo account is refused with 404 DEMO_ACCOUNT_NOT_FOUND', async () => {
    const response = await api.anonymous.post('/auth/demo', { userId: 'demo-nobody' });
    expect(response.status).toBe(404);
    expect(errorCode(response)).toBe('DEMO_ACCOUNT_NOT_FOUND');
  });

  test('seeding twice does not duplicate or change anything', async () => {
    const before = await tableItems();
    await expect(seedDemoData()).resolves.toMatchObject({ seeded: false });
    expect(await tableItems()).toEqual(before);
  });
});

describe('demo sign-in does not exist on any other stage', () => {
  test.each(['prod', 'staging'])('on %s, /auth/demo and /auth/demo-accounts answer 404 ROUTE_NOT_FOUND', async (stage) => {
    process.env.STAGE = stage;
    const accounts = await api.anonymous.get('/auth/demo-accounts');
    const demo = await api.anonymous.post('/auth/demo', { userId: 'demo-admin' });

    expect([accounts.status, demo.status]).toEqual([404, 404]);
    expect([errorCode(accounts), errorCode(demo)]).toEqual(['ROUTE_NOT_FOUND', 'ROUTE_NOT_FOUND']);
    expect(demo.text).not.toContain('token');
  });

  test('a token issued on the local stage is refused by another stage', async () => {
    const { body } = await api.anonymous.post('/auth/demo', { userId: 'demo-admin' });
    process.env.STAGE = 'prod';
    const response = await api.as(body.token).get('/me');
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('SESSION_INVALID');
  });
});
