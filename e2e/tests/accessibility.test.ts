import type { Browser } from 'playwright-core';
import { seriousAccessibilityViolations, type AccessibilityViolation } from '../support/accessibility';
import { launchBrowser, openPhone } from '../support/browser';
import { chooseCast, journeys, walkJourney, type Cast } from '../support/journeys';
import { startTestStack, type LocalStack } from '../support/stack';

let stack: LocalStack;
let browser: Browser;
let cast: Cast;

beforeAll(async () => {
  stack = await startTestStack();
  browser = await launchBrowser();
  cast = await chooseCast(stack.webUrl);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe.each(journeys.map((journey) => [journey.role, journey] as const))('%s', (_role, journey) => {
  test('every page it reaches has no serious or critical axe-core violation', async () => {
    const { context, page, errors } = await openPhone(browser, stack.webUrl);
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
