import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../local/stack';
import { currentScreen, launchBrowser, openPhone } from './support/browser';
import { chooseCast, journeys, walkJourney } from './support/journeys';
import { startTestStack } from './support/stack';

/**
 * `npm run screenshots`: pictures of the main pages for each role, phone-sized, from a fresh stack with
 * demo data, into docs/screenshots/ (for the README and reviews). The pages are reached by tapping
 * through the same journeys the browser tests walk.
 */
const wanted = [
  'login',
  'elder-home',
  'elder-profile',
  'elder-binding-code',
  'family-home',
  'family-elder-switcher',
  'worker-elder-list',
  'worker-verify',
  'admin-county',
  'elder-canteen',
  'elder-canteen-confirm',
  'elder-orders',
  'worker-board',
  'worker-menus',
  'worker-statement',
  'family-account',
  'privacy-notice',
  'worker-register',
  'worker-import',
  'admin-workers',
  'volunteer-home',
  'elder-services',
  'elder-book-confirm',
  'family-booking',
  'family-door-code',
  'family-health',
  'worker-dispatch',
  'worker-booking',
  'worker-care-services',
  'worker-centre-staff',
  'staff-day',
  'staff-visit',
  'elder-wishes',
  'elder-wish-post',
  'elder-wish',
  'volunteer-wall',
  'volunteer-wish',
  'volunteer-my-wishes',
  'volunteer-points',
  'volunteer-leaderboard',
  'worker-wish-review',
  'worker-store',
  'worker-dashboard',
  'worker-audit',
  'admin-dashboard',
  'admin-centre-dashboard',
  'admin-report',
  'admin-audit',
  'elder-access-log',
  'elder-sos',
  'family-messages',
  'worker-alerts',
  'family-my-data',
  'family-close-account',
  'elder-my-data',
];

/** Pages whose subject sits below the fold (or above, after a form at the bottom): scroll it into view first. */
const subjectOf: Record<string, string> = {
  'worker-verify': 'verify-form',
  'elder-canteen-confirm': 'canteen-confirm-price',
  'elder-orders': 'orders-title',
};

async function main(): Promise<void> {
  const folder = join(repoRoot, 'docs/screenshots');
  mkdirSync(folder, { recursive: true });
  const stack = await startTestStack();
  const browser = await launchBrowser();
  const taken: string[] = [];
  try {
    const cast = await chooseCast(stack.webUrl);
    for (const journey of journeys) {
      const { context, page } = await openPhone(browser, stack.webUrl);
      try {
        await walkJourney(page, journey, cast, async (name) => {
          if (!wanted.includes(name)) return;
          if (subjectOf[name]) await currentScreen(page).getByTestId(subjectOf[name]).scrollIntoViewIfNeeded();
          const file = join(folder, `${String(wanted.indexOf(name) + 1).padStart(2, '0')}-${name}.png`);
          await page.screenshot({ path: file, animations: 'disabled' });
          taken.push(relative(repoRoot, file));
        });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
  const missing = wanted.filter((name) => !taken.some((file) => file.endsWith(`-${name}.png`)));
  console.log(taken.sort().join('\n'));
  if (missing.length) throw new Error(`No journey reached: ${missing.join(', ')}`);
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
