import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Dashboard, SettlementReport } from '@yilin/contract';
import { ApiClient, routes, signInOnLoginPage, tap, textOf } from '../support/app';
import { currentScreen, openPhone, waitForSettledPage, type PhoneSession } from '../support/browser';
import { useStackAndBrowser } from '../support/stack';

/**
 * Supervision from the county's desk: the admin opens the county's figures, sees the centres side by side,
 * switches to one centre, and downloads the month's settlement report; a community worker's dashboard
 * shows who lives alone and has not been seen for a week. The demo carries half a year of meals and visits.
 */
const admin = 'demo-admin';
const worker = 'demo-worker-xueyuan';

const env = useStackAndBrowser();
const phones: PhoneSession[] = [];

async function phoneOf(userId: string): Promise<Page> {
  const phone = await openPhone(env.browser, env.stack.webUrl);
  phones.push(phone);
  await signInOnLoginPage(phone.page, userId);
  return phone.page;
}

afterAll(async () => {
  for (const phone of phones) await phone.context.close().catch(() => undefined);
});

test('the admin opens the county dashboard, switches to a centre, and downloads the month’s report', async () => {
  const api = await new ApiClient(env.stack.webUrl).as(admin);
  const county = await api.call<Dashboard>('GET', '/counties/demo-county/dashboard');
  // The demo's centres, each with half a year of lunches (this month may have none yet on its first day).
  expect(county.parts.length).toBeGreaterThanOrEqual(2);
  expect(county.trend.filter((month) => month.meals > 0).length).toBeGreaterThanOrEqual(5);
  const centre = county.parts[0];

  const desk = await phoneOf(admin);
  await tap(desk, 'home-tile-county-dashboard', routes.adminDashboard);
  await currentScreen(desk).getByTestId('dashboard-headline').waitFor();
  expect(await textOf(desk, 'dashboard-place-name')).toContain(county.place.name);
  await currentScreen(desk).getByTestId(`dashboard-part-${centre.place.id}`).first().waitFor();

  // One centre of the county: its own figures, its communities side by side.
  await tap(desk, `dashboard-part-${centre.place.id}`);
  await currentScreen(desk).getByTestId('dashboard-place-name').filter({ hasText: centre.place.name }).waitFor();
  const own = await api.call<Dashboard>('GET', `/centres/${centre.place.id}/dashboard`);
  expect(own.parts.length).toBeGreaterThan(0);
  await currentScreen(desk).getByTestId(`dashboard-part-${own.parts[0].place.id}`).first().waitFor();
  await tap(desk, 'dashboard-back');
  await currentScreen(desk).getByTestId('dashboard-place-name').filter({ hasText: county.place.name }).waitFor();

  // The month's settlement report: on the page as it prints, and as a CSV file.
  await desk.goBack();
  await waitForSettledPage(desk, routes.home);
  await tap(desk, 'home-tile-report', routes.adminReport);
  await currentScreen(desk).getByTestId('report-totals').waitFor();
  // The report opens on the last month, the one ended and settled.
  const lastMonth = county.trend[county.trend.length - 2].month;
  const report = await api.call<SettlementReport>('GET', `/counties/demo-county/settlements/${lastMonth}`);
  expect(report.totals.meals).toBeGreaterThan(0);
  expect(await textOf(desk, 'report-title')).toContain(report.title.split(' ')[0]);
  const [download] = await Promise.all([desk.waitForEvent('download'), tap(desk, 'report-download-csv')]);
  const csv = readFileSync((await download.path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toMatch(/^服务中心,助餐次数/);
  expect(lines.find((line) => line.startsWith('合计'))).toMatch(new RegExp(`^合计,${report.totals.meals},`));
});

test('a community worker’s dashboard leads with the numbers and lists who lives alone unseen for a week', async () => {
  const office = await phoneOf(worker);
  await tap(office, 'home-tile-dashboard', routes.workerDashboard);
  await currentScreen(office).getByTestId('dashboard-headline').waitFor();
  await tap(office, 'dashboard-now-knock');
  await currentScreen(office).getByTestId('dashboard-to-knock').filter({ hasText: '张桂兰' }).waitFor();
});
