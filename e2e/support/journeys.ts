import type { Page } from 'playwright-core';
import { ApiClient, demoPeople, goBack, routes, signInOnLoginPage, tapThrough } from './app';
import { currentScreen, waitForSettledPage } from './browser';

/** The county admin's page for one centre's meal prices (opened from 全县社区). */
const pricingRoute = 'admin/pricing/index';

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
  staff: string;
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
    // The party member with a claim in hand and a redemption waiting: every volunteer page has something to show.
    volunteer: (await demoPeople(api, 'volunteer')).find((person) => person.me.volunteer?.partyMember)?.userId ?? first('volunteer'),
    worker: first('worker'),
    staff: first('staff'),
    admin: first('admin'),
  };
}

async function tapFirst(page: Page, testIdPrefix: string, next: (typeof routes)[keyof typeof routes]): Promise<void> {
  await currentScreen(page).locator(`[data-testid^="${testIdPrefix}"]`).first().click();
  await waitForSettledPage(page, next);
}

/**
 * Taps something that changes what the page shows without leaving it (a confirm step, a form), waits
 * for `shows` (a CSS selector) to appear and for the page's API calls to answer.
 */
async function tapInPage(page: Page, selector: string, shows: string): Promise<void> {
  await currentScreen(page).locator(selector).first().click();
  await currentScreen(page).locator(shows).first().waitFor();
  await waitForSettledPage(page);
}

const testId = (id: string) => `[data-testid="${id}"]`;

/**
 * The elder orders the first lunch still open (today's before 09:30, else tomorrow's) through the
 * confirm step, then sets up a standing order, so 我的订单 shows an order with its timeline and a
 * 长期订餐 (the demo data has neither). Each run starts from fresh demo data.
 */
async function orderLunchAndStandingOrder(page: Page, visit: Visit, prefix: string): Promise<void> {
  await tapThrough(page, 'home-tile-canteen', routes.canteen);
  await visit(`${prefix}-canteen`);
  // The page opens on the day of the soonest meal still open: today's dinner once lunch has closed, so
  // the lunch is then tomorrow's, one day tab on.
  const lunch = '[data-testid^="canteen-order-"][data-testid$="-lunch"]';
  if ((await currentScreen(page).locator(lunch).count()) === 0) {
    await tapInPage(page, '[data-testid^="canteen-day-"][aria-checked="false"]', lunch);
  }
  await tapInPage(page, lunch, testId('canteen-confirm'));
  await visit(`${prefix}-canteen-confirm`);
  await tapInPage(page, testId('canteen-confirm-submit'), testId('canteen-placed'));
  await visit(`${prefix}-canteen-placed`);
  await tapThrough(page, 'canteen-to-orders', routes.orders);
  await tapInPage(page, testId('standing-add'), testId('standing-form'));
  await visit(`${prefix}-standing-form`);
  await tapInPage(page, testId('standing-save'), '[data-testid^="standing-row-"]');
  await visit(`${prefix}-orders`);
}

/** Moves the worker's board to the first lunch from today on that has orders (the elder's journey placed one). */
async function boardWithOrders(page: Page): Promise<void> {
  const board = currentScreen(page);
  const reload = async (control: string) => {
    await board.getByTestId(control).click();
    await page.waitForTimeout(100);
    await waitForSettledPage(page, routes.board);
  };
  if ((await board.getByTestId('board-meal-lunch').getAttribute('aria-checked')) !== 'true') await reload('board-meal-lunch');
  for (let day = 0; day < 2; day += 1) {
    if ((await board.locator('[data-testid^="board-row-"]').count()) > 0) return;
    await reload('board-next-day');
  }
}

/**
 * The elder books the 上门健康检查 in three taps (the soonest open day is chosen for them: a window, then
 * 确认预约), landing on the booking; then their list of bookings.
 */
async function bookCheckup(page: Page, visit: Visit, prefix: string): Promise<void> {
  await tapThrough(page, 'home-tile-services', routes.services);
  await visit(`${prefix}-services`);
  await tapThrough(page, 'services-book-demo-svc-checkup', routes.book);
  await visit(`${prefix}-book`);
  await tapInPage(page, '[data-testid^="book-window-"][role="radio"]', testId('book-submit'));
  await visit(`${prefix}-book-confirm`);
  await tapThrough(page, 'book-submit', routes.booking);
  await visit(`${prefix}-booking-requested`);
  await tapThrough(page, 'booking-to-bookings', routes.bookings);
  await visit(`${prefix}-bookings`);
}

export interface Journey {
  role: string;
  /** The demo account to sign in as; none for the signed-out journey. */
  account?: keyof Cast;
  /** Where signing in lands, if not the home page. */
  landing?: (typeof routes)[keyof typeof routes];
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
      await tapThrough(page, 'login-privacy', routes.legal);
      await visit('privacy-notice');
    },
  },
  {
    role: 'elder',
    account: 'elder',
    elderMode: true,
    async walk(page, visit) {
      await visit('elder-home');
      // Emergency help without pressing the button: the numbers to call; then her messages.
      await tapThrough(page, 'home-sos-page', routes.sos);
      await visit('elder-sos');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-messages', routes.messages);
      await visit('elder-messages');
      await goBack(page, routes.home);
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
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-account', routes.account);
      await visit('elder-account');
      // What the app holds about her, and that closing is done with the community.
      await tapThrough(page, 'account-my-data', routes.myData);
      await visit('elder-my-data');
      await goBack(page, routes.account);
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-health', routes.health);
      await visit('elder-health');
      await tapThrough(page, 'health-access-log', routes.accessLog);
      await visit('elder-access-log');
      await goBack(page, routes.health);
      await goBack(page, routes.home);
      // Her wishes: one claimed by a volunteer, one realised with her thanks; posting; her points.
      await tapThrough(page, 'home-tile-wishes', routes.wishes);
      await visit('elder-wishes');
      await tapThrough(page, 'wishes-post', routes.wishPost);
      await visit('elder-wish-post');
      await goBack(page, routes.wishes);
      await currentScreen(page).locator('.wish-card').first().click();
      await waitForSettledPage(page, routes.wish);
      await visit('elder-wish');
      await goBack(page, routes.wishes);
      await tapThrough(page, 'wishes-points', routes.points);
      await visit('elder-points');
      await goBack(page, routes.wishes);
      await goBack(page, routes.home);
      await bookCheckup(page, visit, 'elder');
      await goBack(page, routes.booking);
      await goBack(page, routes.services);
      await goBack(page, routes.home);
      await orderLunchAndStandingOrder(page, visit, 'elder');
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
      // The mother, who has today's visit and a health record.
      await tapThrough(page, 'elders-row-demo-elder-wang', routes.home);
      await tapThrough(page, 'home-tile-elder-profile', routes.profile);
      await visit('family-elder-profile');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-sos', routes.sos);
      await visit('family-sos');
      await goBack(page, routes.home);
      // A meal delivered that WeChat did not pass on: it is here all the same.
      await tapThrough(page, 'home-tile-messages', routes.messages);
      await visit('family-messages');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-bind-elder', routes.binding);
      await visit('family-binding');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-canteen', routes.canteen);
      await visit('family-canteen');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-orders', routes.orders);
      await visit('family-orders');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-health', routes.health);
      await visit('family-health');
      await goBack(page, routes.home);
      // Today's visit to the mother: who comes, with the photo, and the door code on the day.
      await tapThrough(page, 'home-tile-services', routes.services);
      await tapThrough(page, 'services-bookings', routes.bookings);
      await visit('family-bookings');
      // The assigned one: the elder's own journey may have booked another visit for today (after midnight its windows are all ahead).
      await currentScreen(page).locator('[data-testid^="bookings-row-"]', { hasText: '（今天）' }).filter({ hasText: '已安排人员' }).first().click();
      await waitForSettledPage(page, routes.booking);
      await visit('family-booking');
      await tapInPage(page, testId('booking-show-door-code'), testId('booking-door-code-digits'));
      await visit('family-door-code');
      await goBack(page, routes.bookings);
      await goBack(page, routes.services);
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-account', routes.account);
      await tapInPage(page, '[data-testid$="-edit"][data-testid^="account-relation-"]', '[data-testid$="-choices"]');
      await visit('family-account');
      // A copy of what the app holds about him and his elders; closing the account, up to its confirm step.
      await tapThrough(page, 'account-my-data', routes.myData);
      await visit('family-my-data');
      await tapThrough(page, 'my-data-close', routes.closeAccount);
      await tapInPage(page, testId('close-account-ask'), testId('close-account-confirm'));
      await visit('family-close-account');
    },
  },
  {
    role: 'family without elders',
    account: 'familyWithoutElders',
    elderMode: false,
    async walk(page, visit) {
      await visit('family-home-no-elder');
      await tapThrough(page, 'home-tile-claim', routes.claim);
      await visit('family-claim');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-volunteer-sign-up', routes.volunteerSignUp);
      await visit('volunteer-sign-up');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-staff-claim', routes.staffClaim);
      await visit('staff-claim');
    },
  },
  {
    role: 'volunteer',
    account: 'volunteer',
    elderMode: false,
    async walk(page, visit) {
      await visit('volunteer-home');
      await tapThrough(page, 'home-tile-wall', routes.wall);
      await visit('volunteer-wall');
      await tapFirst(page, 'wall-wish-', routes.volunteerWish);
      await visit('volunteer-wish');
      await goBack(page, routes.wall);
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-my-wishes', routes.myWishes);
      await visit('volunteer-my-wishes');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-points', routes.points);
      await visit('volunteer-points');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-leaderboard', routes.leaderboard);
      await visit('volunteer-leaderboard');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-account', routes.account);
      await visit('volunteer-account');
    },
  },
  {
    role: 'worker',
    account: 'worker',
    elderMode: false,
    async walk(page, visit) {
      await visit('worker-home');
      // Calls answered and open first; the duty line; what WeChat did not take.
      await tapThrough(page, 'home-tile-alerts', routes.workerAlerts);
      await visit('worker-alerts');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-community-elders', routes.workerElders);
      await visit('worker-elder-list');
      await tapFirst(page, 'worker-elder-row-', routes.workerElder);
      await visit('worker-verify');
      await tapThrough(page, 'worker-elder-edit-contact', routes.profile);
      await visit('worker-elder-profile');
      await goBack(page, routes.workerElder);
      await goBack(page, routes.workerElders);
      await tapThrough(page, 'worker-elders-register', routes.workerRegister);
      await visit('worker-register');
      await goBack(page, routes.workerElders);
      await tapThrough(page, 'worker-elders-import', routes.workerImport);
      await visit('worker-import');
      await goBack(page, routes.workerElders);
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-volunteers', routes.workerVolunteers);
      await visit('worker-volunteers');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-board', routes.board);
      await boardWithOrders(page);
      await visit('worker-board');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-menus', routes.menus);
      await visit('worker-menus');
      await tapInPage(page, '[data-testid^="menus-edit-"]', testId('menu-form'));
      await visit('worker-menu-form');
      await tapInPage(page, testId('menu-cancel'), '[data-testid^="menus-day-"]');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-statement', routes.statement);
      await visit('worker-statement');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-dispatch', routes.dispatch);
      await visit('worker-dispatch');
      await tapFirst(page, 'dispatch-row-', routes.workerBooking);
      await visit('worker-booking');
      await goBack(page, routes.dispatch);
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-care-services', routes.careServices);
      await visit('worker-care-services');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-centre-staff', routes.centreStaff);
      await visit('worker-centre-staff');
      await goBack(page, routes.home);
      // The wish waiting for review (a relative's, for 王秀英), the store with a redemption to hand over, the rules.
      await tapThrough(page, 'home-tile-worker-wishes', routes.workerWishes);
      await visit('worker-wishes');
      await tapFirst(page, 'worker-wish-', routes.workerWish);
      await visit('worker-wish-review');
      await goBack(page, routes.workerWishes);
      await tapThrough(page, 'worker-wishes-settings', routes.wishSettings);
      await visit('worker-wish-settings');
      await goBack(page, routes.workerWishes);
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-store', routes.workerStore);
      await visit('worker-store');
      await goBack(page, routes.home);
      // The dashboard with the elders to knock on opened; the community's audit trail.
      await tapThrough(page, 'home-tile-dashboard', routes.workerDashboard);
      await tapInPage(page, testId('dashboard-now-knock'), testId('dashboard-to-knock'));
      await visit('worker-dashboard');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-audit', routes.workerAudit);
      await visit('worker-audit');
    },
  },
  {
    role: 'staff',
    account: 'staff',
    landing: routes.staffDay,
    elderMode: false,
    async walk(page, visit) {
      await visit('staff-day');
      await currentScreen(page).locator('[data-testid^="visit-"][data-testid$="-open"]').first().click();
      await waitForSettledPage(page, routes.staffVisit);
      await visit('staff-visit');
    },
  },
  {
    role: 'admin',
    account: 'admin',
    elderMode: false,
    async walk(page, visit) {
      await visit('admin-home');
      await tapThrough(page, 'home-tile-alerts', routes.adminAlerts);
      await visit('admin-alerts');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-county', routes.admin);
      await visit('admin-county');
      await currentScreen(page).locator('[data-testid^="admin-pricing-"]').first().click();
      await waitForSettledPage(page, pricingRoute);
      await visit('admin-pricing');
      // An empty price is refused on the page itself (nothing is saved): the inline error is checked too.
      await currentScreen(page).getByTestId('pricing-input-age60Fen').locator('input').fill('');
      await tapInPage(page, testId('pricing-save'), testId('pricing-error'));
      await visit('admin-pricing-error');
      await goBack(page, routes.admin);
      await tapFirst(page, 'admin-community-', routes.workerElders);
      await visit('admin-community-elders');
      await tapFirst(page, 'worker-elder-row-', routes.workerElder);
      await visit('admin-elder');
      await goBack(page, routes.workerElders);
      await goBack(page, routes.admin);
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-statement', routes.statement);
      await visit('admin-statement-centres');
      await tapInPage(page, '[data-testid^="statement-centre-"]', testId('statement-totals'));
      await visit('admin-statement');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-org', routes.adminOrg);
      await visit('admin-org');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-workers', routes.adminWorkers);
      await visit('admin-workers');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-county-dashboard', routes.adminDashboard);
      await currentScreen(page).getByTestId('dashboard-headline').waitFor();
      await visit('admin-dashboard');
      await tapInPage(page, '[data-testid^="dashboard-part-"]', testId('dashboard-back'));
      await visit('admin-centre-dashboard');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-report', routes.adminReport);
      await currentScreen(page).getByTestId('report-totals').waitFor();
      await visit('admin-report');
      await goBack(page, routes.home);
      await tapThrough(page, 'home-tile-audit', routes.adminAudit);
      await visit('admin-audit');
    },
  },
];

/** Signs in as the journey's person (if any) and walks it. */
export async function walkJourney(page: Page, journey: Journey, cast: Cast, visit: Visit): Promise<void> {
  if (journey.account) await signInOnLoginPage(page, cast[journey.account], journey.landing);
  await journey.walk(page, visit);
}
