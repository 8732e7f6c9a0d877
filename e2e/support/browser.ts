import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** The system Chromium; playwright's own browser downloads are not used. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A common phone (iPhone 12–15 class): the size most elders' and families' phones render at. */
export const phone = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
} as const;

/**
 * Launches headless Chromium. Playwright gives every launch a fresh temporary profile (user-data-dir)
 * and removes it on close, so no cookies or storage leak between runs.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install it with a CJK font: apt-get install -y chromium fonts-noto-cjk ` +
        '(or point CHROMIUM_PATH at a Chromium binary).',
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PhoneSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far: a healthy page has none. */
  errors: string[];
}

interface ApiActivity {
  inFlight: number;
  lastChange: number;
}

/** API calls under way per page, so a test can wait for a page's data instead of sleeping. */
const apiActivity = new WeakMap<Page, ApiActivity>();

function trackApiCalls(page: Page): void {
  const activity: ApiActivity = { inFlight: 0, lastChange: Date.now() };
  apiActivity.set(page, activity);
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (request) => {
    if (!isApi(request.url())) return;
    activity.inFlight += 1;
    activity.lastChange = Date.now();
  });
  const finished = (request: { url(): string }) => {
    if (!isApi(request.url())) return;
    activity.inFlight -= 1;
    activity.lastChange = Date.now();
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
}

/**
 * A new phone-sized session (own storage, so one signed-in person per session) that can reach only the
 * local stack (its servers on loopback): any other host is refused, so a test never depends on the internet.
 */
export async function openPhone(browser: Browser, baseUrl: string): Promise<PhoneSession> {
  const context = await browser.newContext({ ...phone, baseURL: baseUrl });
  // The stack's own servers listen on loopback: the app, and the files server its photo links point at.
  const loopback = new Set([new URL(baseUrl).hostname, '127.0.0.1', 'localhost']);
  await context.route(
    (url) => !loopback.has(url.hostname) && url.protocol.startsWith('http'),
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  trackApiCalls(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { context, page, errors };
}

async function waitForQuietApi(page: Page, quietMs = 250, timeoutMs = 15000): Promise<void> {
  const activity = apiActivity.get(page);
  if (!activity) return;
  const deadline = Date.now() + timeoutMs;
  while (activity.inFlight > 0 || Date.now() - activity.lastChange < quietMs) {
    if (Date.now() > deadline) throw new Error(`API calls still running after ${timeoutMs} ms`);
    await page.waitForTimeout(50);
  }
}

/** The page Taro's router is showing now; pages further down the stack stay in the DOM, hidden. */
export function currentScreen(page: Page): Locator {
  return page.locator('.taro_page:not(.taro_page_shade)');
}

/**
 * Waits until Taro's H5 router has finished sliding a page in (exactly one page is not shaded, and it
 * is shown and stationed), its API calls have answered and no loading indicator is left. Returns the
 * page's route, e.g. `pages/login/index`.
 */
export async function waitForSettledPage(page: Page, route?: string): Promise<string> {
  const handle = await page.waitForFunction(
    (expected) => {
      const visible = Array.from(document.querySelectorAll('.taro_page')).filter((el) => !el.classList.contains('taro_page_shade'));
      if (visible.length !== 1) return false;
      const [current] = visible;
      if (!current.classList.contains('taro_page_show') || !current.classList.contains('taro_page_stationed')) return false;
      const id = current.id.replace(/^\//, '').replace(/\?.*$/, '');
      if (expected && id !== expected.replace(/^\//, '')) return false;
      return id;
    },
    route,
    { timeout: 15000 },
  );
  const id = (await handle.jsonValue()) as string;
  await waitForQuietApi(page);
  await currentScreen(page).locator('.loading').first().waitFor({ state: 'detached', timeout: 15000 });
  return id;
}
