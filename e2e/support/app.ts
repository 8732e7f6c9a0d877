import type { Page } from 'playwright-core';
import type { DemoAccount, DemoAccountsResponse, MeResponse, SessionResponse } from '@yilin/contract';
import { currentScreen, waitForSettledPage } from './browser';

/** Routes of the mini-program as its H5 build names them (see miniapp/src/app.config.ts). */
export const routes = {
  login: 'pages/login/index',
  claim: 'pages/claim/index',
  home: 'pages/home/index',
  canteen: 'pages/canteen/index',
  orders: 'pages/orders/index',
  profile: 'pages/profile/index',
  elders: 'pages/elders/index',
  binding: 'pages/binding/index',
  account: 'pages/account/index',
  legal: 'pages/legal/index',
  staffClaim: 'pages/staff-claim/index',
  workerElders: 'worker/elders/index',
  workerElder: 'worker/elder/index',
  board: 'worker/board/index',
  menus: 'worker/menus/index',
  statement: 'worker/statement/index',
  workerVolunteers: 'worker/volunteers/index',
  workerImport: 'worker/import/index',
  workerRegister: 'worker/register/index',
  volunteerSignUp: 'volunteer/sign-up/index',
  adminOrg: 'admin/org/index',
  adminWorkers: 'admin/workers/index',
  admin: 'admin/index',
  services: 'pages/services/index',
  book: 'pages/book/index',
  bookings: 'pages/bookings/index',
  booking: 'pages/booking/index',
  health: 'pages/health/index',
  dispatch: 'worker/dispatch/index',
  workerBooking: 'worker/booking/index',
  careServices: 'worker/services/index',
  centreStaff: 'worker/staff/index',
  staffDay: 'staff/index',
  staffVisit: 'staff/visit/index',
  wishes: 'pages/wishes/index',
  wishPost: 'pages/wish-post/index',
  wish: 'pages/wish/index',
  points: 'pages/points/index',
  wall: 'volunteer/wall/index',
  volunteerWish: 'volunteer/wish/index',
  myWishes: 'volunteer/mine/index',
  leaderboard: 'volunteer/leaderboard/index',
  workerWishes: 'worker/wishes/index',
  workerWish: 'worker/wish/index',
  workerStore: 'worker/store/index',
  wishSettings: 'worker/wish-settings/index',
  workerPoints: 'worker/points/index',
  workerDashboard: 'worker/dashboard/index',
  workerAudit: 'worker/audit/index',
  adminDashboard: 'admin/dashboard/index',
  adminReport: 'admin/report/index',
  adminAudit: 'admin/audit/index',
  accessLog: 'pages/access-log/index',
  sos: 'pages/sos/index',
  messages: 'pages/messages/index',
  workerAlerts: 'worker/alerts/index',
  adminAlerts: 'admin/alerts/index',
  myData: 'pages/my-data/index',
  closeAccount: 'pages/close-account/index',
} as const;

export type Route = (typeof routes)[keyof typeof routes];

/** Taps an element of the page on screen (by its data-testid) and waits for the page it leads to. */
export async function tapThrough(page: Page, testId: string, next: Route): Promise<void> {
  await tap(page, testId, next);
}

/** Taps an element of the page on screen (by its data-testid); if it leads to another page, waits for that page. */
export async function tap(page: Page, testId: string, next?: Route): Promise<void> {
  await currentScreen(page).getByTestId(testId).first().click();
  if (next) await waitForSettledPage(page, next);
}

/** The phone's back button (browser history), then waits for the page underneath. */
export async function goBack(page: Page, to: Route): Promise<void> {
  await page.goBack();
  await waitForSettledPage(page, to);
}

/** Opens the app, picks the demo account on the sign-in page and lands on its first page (home, or a staff member's day). */
export async function signInOnLoginPage(page: Page, userId: string, landing: Route = routes.home): Promise<void> {
  await page.goto('/');
  await waitForSettledPage(page, routes.login);
  await tapThrough(page, `login-account-${userId}`, landing);
}

/** Signs out from the home page and lands on the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await tapThrough(page, 'home-sign-out', routes.login);
}

/** The text of an element on the current page, by data-testid. */
export async function textOf(page: Page, testId: string): Promise<string> {
  return (await currentScreen(page).getByTestId(testId).first().innerText()).trim();
}

/**
 * Direct API calls through the web server's `/api` proxy, for choosing test subjects from the seeded
 * data (never for the steps a test is about: those go through the pages).
 */
export class ApiClient {
  constructor(
    private readonly webUrl: string,
    private readonly token?: string,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.webUrl}/api${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async demoAccounts(): Promise<DemoAccount[]> {
    return (await this.call<DemoAccountsResponse>('GET', '/auth/demo-accounts')).accounts;
  }

  async as(userId: string): Promise<ApiClient> {
    const session = await this.call<SessionResponse>('POST', '/auth/demo', { userId });
    return new ApiClient(this.webUrl, session.token);
  }

  me(): Promise<MeResponse> {
    return this.call<MeResponse>('GET', '/me');
  }
}

/** Demo accounts of one role, each with what GET /me says about them. */
export async function demoPeople(api: ApiClient, role: DemoAccount['role']): Promise<Array<DemoAccount & { me: MeResponse }>> {
  const accounts = (await api.demoAccounts()).filter((account) => account.role === role);
  return Promise.all(accounts.map(async (account) => ({ ...account, me: await (await api.as(account.userId)).me() })));
}
