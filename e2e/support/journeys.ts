import type { Page } from 'playwright-core';
import { ApiClient, demoPeople, goBack, routes, signInOnLoginPage, tapThrough } from './app';
import { currentScreen, waitForSettledPage } from './browser';

/**
 * Walks through every page each role can reach, by tapping the way a person would, and calls `visit`
 * on each page once it has settled. The accessibility checks, the 长辈版 checks and the screenshots
 * all walk these same journeys, so a new page added here is checked and pictured everywhere.
 */
export type Visit = (name: string) => Promise<void>;

export interface Cast {
  elder: string;
  familyWithElders: string;
  familyWithoutElders: string;
  volunteer: string;
  worker: string;
  admin: string;
}

/** Picks the demo accounts that show the most of each role's pages, from what the seeded data says. */
export async function chooseCast(webUrl: string): Promise<Cast> {
  const api = new ApiClient(webUrl);
  const families = await demoPeople(api, 'family');
  const accounts = await api.demoAccounts();
  const first = (role: string) => {
    const account = accounts.find((candidate) => candidate.role === role);
    if (!account) throw new Error(`The demo data has no ${role} account`);
    return account.userId;
  };
  const withElders = families.find((person) => (person.me.boundElders ?? []).length > 1) ?? families.find((person) => person.me.boundElders?.length);
  const withoutElders = families.find((person) => (person.me.boundElders ?? []).length === 0);
  if (!withElders || !withoutElders) throw new Error('The demo data needs a family member with elders and one without');
  return {
    elder: first('elder'),
    familyWithElders: withElders.userId,
    familyWithoutElders: withoutElders.userId,
    volunteer: first('volunteer'),
    worker: first('worker'),
    admin: first('admin'),
  };
}

async function tapFirst(page: Page, testIdPrefix: string, next: (typeof routes)[keyof typeof routes]): Promise<void> {
  await currentScreen(page).locator(`[data-testid^="${testIdPrefix}"]`).first().click();
  await waitForSettledPage(page, next);
}

export interface Journey {
  role: string;
  /** The demo account to sign in as; none for the signed-out journey. */
  account?: keyof Cast;
  /** Elder-facing pages, held to the 长辈版 minimums. */
  elderMode: boolean;
  walk(page: Page, visit: Visit): Promise<void>;
}

export const journeys: Journey[] = [
  {
    role: 'signed-out',
    elderMode: true,
    async walk(page, visit) {
      await page.goto('/');
      await waitForSettledPage(page, routes.login);
      await visit('login');
    },
  },
  {
    role: 'elder',
    account: 'elder',
    elderMode: true,
    async walk(page, visit) {
      await visit('elder-home');
      await tapThrough(page, 'home-tile-profile', routes.profile);
      await visit('elder-profile');
      await currentScreen(page).getByTestId('profile-edit').click();
      await currentScreen(page).getByTestId('profile-edit-form').waitFor();
      await visit('elder-profile-edit');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-binding', routes.binding);
      await currentScreen(page).getByTestId('binding-code-generate').click();
      await currentScreen(page).getByTestId('binding-code').waitFor();
      await visit('elder-binding-code');
    },
  },
  {
    role: 'family',
    account: 'familyWithElders',
    elderMode: false,
    async walk(page, visit) {
      await visit('family-home');
      await tapThrough(page, 'home-elder-switcher', routes.elders);
      await visit('family-elder-switcher');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-elder-profile', routes.profile);
      await visit('family-elder-profile');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-bind-elder', routes.binding);
      await visit('family-binding');
    },
  },
  {
    role: 'family without elders',
    account: 'familyWithoutElders',
    elderMode: false,
    async walk(_page, visit) {
      await visit('family-home-no-elder');
    },
  },
  {
    role: 'volunteer',
    account: 'volunteer',
    elderMode: false,
    async walk(page, visit) {
      await visit('volunteer-home');
      await tapThrough(page, 'home-tile-profile', routes.profile);
      await visit('volunteer-profile');
    },
  },
  {
    role: 'worker',
    account: 'worker',
    elderMode: false,
    async walk(page, visit) {
      await visit('worker-home');
      await tapThrough(page, 'home-tile-community-elders', routes.workerElders);
      await visit('worker-elder-list');
      await tapFirst(page, 'worker-elder-row-', routes.workerElder);
      await visit('worker-verify');
      await tapThrough(page, 'worker-elder-edit-contact', routes.profile);
      await visit('worker-elder-profile');
    },
  },
  {
    role: 'admin',
    account: 'admin',
    elderMode: false,
    async walk(page, visit) {
      await visit('admin-home');
      await tapThrough(page, 'home-tile-county', routes.admin);
      await visit('admin-county');
      await tapFirst(page, 'admin-community-', routes.workerElders);
      await visit('admin-community-elders');
      await tapFirst(page, 'worker-elder-row-', routes.workerElder);
      await visit('admin-elder');
    },
  },
];

/** Signs in as the journey's person (if any) and walks it. */
export async function walkJourney(page: Page, journey: Journey, cast: Cast, visit: Visit): Promise<void> {
  if (journey.account) await signInOnLoginPage(page, cast[journey.account]);
  await journey.walk(page, visit);
}
