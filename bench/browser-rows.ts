import type { Browser, BrowserContext } from 'playwright-core';
import { currentScreen, launchBrowser, openPhone, waitForSettledPage } from '../e2e/support/browser';
import { startWebServer, type WebServer } from '../local/static-server';
import type { H5Builds } from './miniapp-size';
import { call } from './lib/http';
import { log, median, row, type Row } from './lib/report';

/**
 * Row groups 4 and 7, in headless Chromium (the e2e harness's launch flags and phone profile) on the H5
 * build served the way the local stack serves it: static files with `/api` proxied to the API server.
 */
const ELDER = 'demo-elder-wang';
/** A relative (王磊) opens the health chart as often as the elder; on a fresh phone none of his elders is chosen yet. */
const FAMILY = 'demo-family-wanglei';

async function sessionOf(apiUrl: string, userId: string): Promise<unknown> {
  const answer = await call(apiUrl, 'POST', '/auth/demo', undefined, { userId });
  if (answer.status !== 200) throw new Error(`demo sign-in answered ${answer.status}`);
  return JSON.parse(answer.body);
}

/** Signs the phone in before any page script runs, as a returning user (Taro H5 storage format). */
async function signIn(context: BrowserContext, session: unknown): Promise<void> {
  await context.addInitScript((stored) => {
    window.localStorage.setItem('yilin.session', JSON.stringify({ data: stored }));
  }, session);
}

async function withStack<T>(apiUrl: string, root: string, use: (web: WebServer, browser: Browser) => Promise<T>): Promise<T> {
  const web = await startWebServer({ root, apiUrl });
  const browser = await launchBrowser();
  try {
    return await use(web, browser);
  } finally {
    await browser.close();
    await web.close();
  }
}

const elderPages: Array<{ name: string; route: string; signedIn: boolean; as?: string }> = [
  { name: 'login', route: 'pages/login/index', signedIn: false },
  { name: 'home', route: 'pages/home/index', signedIn: true },
  { name: 'profile', route: 'pages/profile/index', signedIn: true },
  { name: 'binding', route: 'pages/binding/index', signedIn: true },
  { name: 'canteen', route: 'pages/canteen/index', signedIn: true },
  { name: 'orders', route: 'pages/orders/index', signedIn: true },
  // The health chart: the floor is 1 request, the elder's record (readings, flags, and who has looked at it).
  { name: 'health chart', route: 'pages/health/index', signedIn: true },
  { name: 'health chart', route: 'pages/health/index', signedIn: true, as: FAMILY },
];

/** Row group 4: API requests each elder-facing page makes when opened directly (a fresh phone each time). */
export async function roundTrips(apiUrl: string, h5: H5Builds): Promise<Row[]> {
  const sessions = new Map<string, unknown>();
  for (const userId of new Set(elderPages.map((target) => target.as ?? ELDER))) sessions.set(userId, await sessionOf(apiUrl, userId));
  return withStack(apiUrl, h5.app, async (web, browser) => {
    const rows: Row[] = [];
    for (const target of elderPages) {
      const { context, page } = await openPhone(browser, web.url);
      if (target.signedIn) await signIn(context, sessions.get(target.as ?? ELDER));
      const requests: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/api/')) requests.push(`${request.method()} ${url.pathname.slice(4)}`);
      });
      await page.goto(`/#/${target.route}`);
      await waitForSettledPage(page, target.route);
      await context.close();
      const who = target.as ? 'family' : 'elder';
      const r = row({ group: '4 trips', what: `${who} ${target.name} page`, measured: requests.length, floor: 1, unit: 'req', target: '1 per page', met: requests.length <= 1, note: requests.join(', ') || 'none' });
      rows.push(r);
      log(`trips: ${who} ${target.name} ${requests.length}`);
    }
    return rows;
  });
}

const RENDER_RUNS = 3;
/** Slow 4G as DevTools defines it (400 ms RTT, 1.6 Mbps down, 750 kbps up) and a 4× slower CPU. */
const slow4g = { offline: false, latency: 400, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/** Milliseconds from starting navigation (fresh phone, empty cache) until `ready` is visible. */
async function timeToUsable(browser: Browser, baseUrl: string, path: string, ready: string, session?: unknown): Promise<number> {
  const { context, page } = await openPhone(browser, baseUrl);
  try {
    if (session) await signIn(context, session);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', slow4g);
    const started = Date.now();
    await page.goto(path, { waitUntil: 'commit' });
    await currentScreen(page).locator(ready).first().waitFor({ state: 'visible', timeout: 60_000 });
    return Date.now() - started;
  } finally {
    await context.close();
  }
}

/**
 * Row group 7: first render under slow 4G and 4× CPU slowdown. "Usable" means the first thing an elder
 * can act on is visible: on home the first tile (助餐订餐), on the menu page the first meal card with its
 * price and order button; the floor is the empty Taro app's one page.
 */
export async function firstRender(apiUrl: string, h5: H5Builds): Promise<Row[]> {
  if (!h5.floor) throw new Error('The floor H5 build is missing');
  const session = await sessionOf(apiUrl, ELDER);
  const floorMs: number[] = [];
  await withStack(apiUrl, h5.floor, async (web, browser) => {
    for (let i = 0; i < RENDER_RUNS; i++) floorMs.push(await timeToUsable(browser, web.url, '/#/pages/index/index', '[data-testid="floor-ready"]'));
  });
  const targets = [
    { what: 'elder home usable (first tile)', path: '/#/pages/home/index', ready: '[data-testid="home-tile-canteen"]' },
    { what: 'menu page usable (first meal card)', path: '/#/pages/canteen/index', ready: '[data-testid^="canteen-meal-"]' },
  ];
  const rows: Row[] = [];
  await withStack(apiUrl, h5.app, async (web, browser) => {
    for (const target of targets) {
      const runs: number[] = [];
      for (let i = 0; i < RENDER_RUNS; i++) runs.push(await timeToUsable(browser, web.url, target.path, target.ready, session));
      const ms = median(runs);
      rows.push(row({ group: '7 render', what: target.what, measured: ms, floor: median(floorMs), unit: 'ms', target: '≤ 1500 ms', met: ms <= 1500, note: `runs ${runs.join(', ')} ms; floor (empty Taro app) runs ${floorMs.join(', ')} ms; slow 4G + 4× CPU, empty cache` }));
      log(`render: ${target.what} ${ms} ms`);
    }
  });
  return rows;
}

