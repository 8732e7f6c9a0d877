import { rebuildAuditTrails } from '../../src/features/insights/audit-index';
import { rebuildFigures } from '../../src/features/insights/recount';
import { seedDemoData } from '../../src/local/bootstrap';
import { ensureDemoHistory } from '../../src/local/demo-insights';
import { setClock } from '../../src/platform/clock';
import { useApi } from '../support/api';

/**
 * The demo's dashboards, as `npm start` leaves them: half a year of lunches and visits counted into the
 * figures after the seed, and two elders living alone nobody has seen lately.
 */
const api = useApi();
const TODAY = '2026-12-02T02:00:00.000Z';

beforeAll(async () => {
  setClock(TODAY);
  await seedDemoData();
  await ensureDemoHistory();
  await rebuildFigures();
  await rebuildAuditTrails();
});
beforeEach(() => setClock(TODAY));

async function as(userId: string) {
  const signedIn = await api.anonymous.post('/auth/demo', { userId });
  expect(signedIn.status).toBe(200);
  return api.as(signedIn.body.token);
}

test('the county sees months of meals and visits, centre by centre, and the report agrees with the statements', async () => {
  const admin = await as('demo-admin');
  const { body: dashboard } = await admin.get('/counties/demo-county/dashboard?month=2026-11');
  expect(dashboard.trend.filter((month: { meals: number }) => month.meals > 0).length).toBeGreaterThanOrEqual(6);
  expect(dashboard.parts.filter((part: { figures: { meals: number } }) => part.figures.meals > 0).length).toBeGreaterThanOrEqual(2);
  expect(dashboard.monthFigures.visits).toBeGreaterThan(0);
  expect(dashboard.monthFigures.wishesRealised + dashboard.wishes.realised).toBeGreaterThan(0);
  const { body: report } = await admin.get('/counties/demo-county/settlements/2026-11');
  for (const row of report.rows) {
    const { body: statement } = await admin.get(`/centres/${row.centreId}/statements/2026-11`);
    expect({ meals: row.meals, paidFen: row.mealPaidFen, subsidyFen: row.mealSubsidyFen }).toEqual(statement.totals);
  }
  expect(report.totals.meals).toBeGreaterThan(0);
});

test('the community worker has 张桂兰 to knock on (her last lunch ten days ago, her wish a week ago), and sees the register in figures', async () => {
  const worker = await as('demo-worker-xueyuan');
  const { body } = await worker.get('/communities/demo-comm-xueyuan/dashboard');
  expect(body.toKnock.map((row: { name: string }) => row.name)).toEqual(['张桂兰']);
  expect(body.toKnock[0].quietDays).toBeGreaterThanOrEqual(7);
  expect(body.elders.total).toBeGreaterThan(0);
  expect(body.elders.livingAlone).toBeGreaterThan(0);
});

test('the county’s audit trail holds what the seed did, and 王秀英’s family sees what others did with her records', async () => {
  const admin = await as('demo-admin');
  const trail = await admin.get('/counties/demo-county/audit');
  expect(trail.status).toBe(200);
  expect(trail.body.entries.length).toBeGreaterThanOrEqual(10);
  const family = await as('demo-family-wanglei');
  const log = await family.get('/elders/demo-elder-wang/access-log');
  expect(log.status).toBe(200);
  expect(log.body.entries.length).toBeGreaterThan(0);
  expect(log.body.entries.every((entry: { concernsId: string }) => entry.concernsId === 'demo-elder-wang')).toBe(true);
});
