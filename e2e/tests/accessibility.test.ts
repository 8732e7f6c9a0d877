import type { Page } from 'playwright-core';
import { seriousAccessibilityViolations, type AccessibilityViolation } from '../support/accessibility';
import { routes } from '../support/app';
import { currentScreen, openPhone, waitForSettledPage } from '../support/browser';
import { chooseCast, journeys, walkJourney, type Cast } from '../support/journeys';
import { useStackAndBrowser } from '../support/stack';

const env = useStackAndBrowser();
let cast: Cast;

beforeAll(async () => {
  cast = await chooseCast(env.stack.webUrl);
});


describe.each(journeys.map((journey) => [journey.role, journey] as const))('%s', (_role, journey) => {
  test('every page it reaches has no serious or critical axe-core violation', async () => {
    const { context, page, errors } = await openPhone(env.browser, env.stack.webUrl);
    const violations: Record<string, AccessibilityViolation[]> = {};
    const visited: string[] = [];
    try {
      await walkJourney(page, journey, cast, async (name) => {
        visited.push(name);
        const found = await seriousAccessibilityViolations(page);
        if (found.length) violations[name] = found;
      });
    } finally {
      await context.close();
    }
    expect(visited.length).toBeGreaterThan(0);
    expect(violations).toEqual({});
    expect(errors).toEqual([]);
  });
});

/** Presses Tab until the element with a matching data-testid has the focus; returns how many presses it took. */
async function tabTo(page: Page, testIdPattern: RegExp, maxPresses = 40): Promise<number> {
  for (let presses = 1; presses <= maxPresses; presses += 1) {
    await page.keyboard.press('Tab');
    // A text box's focus is on the <input> inside the element that carries the test id.
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? '');
    if (testIdPattern.test(focused)) return presses;
  }
  throw new Error(`Tab never reached ${testIdPattern} in ${maxPresses} presses`);
}

const focusedAttribute = (page: Page, name: string) => page.evaluate((attribute) => document.activeElement?.getAttribute(attribute) ?? null, name);

test('with the keyboard alone an elder signs in, opens the canteen and picks how to get a meal', async () => {
  const { context, page, errors } = await openPhone(env.browser, env.stack.webUrl);
  try {
    await page.goto('/');
    await waitForSettledPage(page, routes.login);
    await tabTo(page, new RegExp(`^login-account-${cast.elder}$`));
    expect(await focusedAttribute(page, 'role')).toBe('button');
    await page.keyboard.press('Enter');
    await waitForSettledPage(page, routes.home);

    // Tab stays on the page on screen: the first stop is on the home page, not on a page underneath.
    await tabTo(page, /^home-tile-canteen$/, 3);
    await page.keyboard.press(' ');
    await waitForSettledPage(page, routes.canteen);

    // The day tabs are radios on the way; the page opened on the day of the soonest meal still open.
    await tabTo(page, /^canteen-order-/);
    await page.keyboard.press('Enter');
    await currentScreen(page).getByTestId('canteen-confirm').waitFor();

    // The ways to get the meal are radios that say which one is chosen; Space chooses another.
    const eatIn = currentScreen(page).getByTestId('canteen-fulfilment-eat_in');
    expect(await eatIn.getAttribute('role')).toBe('radio');
    expect(await eatIn.getAttribute('aria-checked')).toBe('false');
    await tabTo(page, /^canteen-fulfilment-eat_in$/);
    await page.keyboard.press(' ');
    await currentScreen(page).locator('[data-testid="canteen-fulfilment-eat_in"][aria-checked="true"]').waitFor();
    expect(await currentScreen(page).getByTestId('canteen-fulfilment-delivery').getAttribute('aria-checked')).toBe('false');

    // The note box is reached by Tab too and is announced by its label.
    await tabTo(page, /^canteen-confirm-note$/);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toContain('想对食堂说的话');
  } finally {
    await context.close();
  }
  expect(errors).toEqual([]);
});
