import type { Page } from 'playwright-core';
import { goBack, routes, signInOnLoginPage, signOut, tapThrough, textOf } from '../support/app';
import { currentScreen, openPhone, waitForSettledPage, type PhoneSession } from '../support/browser';
import { useStackAndBrowser } from '../support/stack';

const env = useStackAndBrowser();
let phone: PhoneSession;

beforeAll(async () => {
  phone = await openPhone(env.browser, env.stack.webUrl);
});

const worker = 'demo-worker-xueyuan';
/** A fresh WeChat account (the local stack's stand-in for one): the new elder uses it to claim her own. */
const newcomer = 'demo-newcomer';

const header = '姓名,性别,出生日期,电话,住址,居住情况,自理能力,补贴类别';
const goodRow = '何桂芳,女,1944-03-02,13807341201,学院路 30 号 2 栋 101,独居,自理,普通';
const rowWithBadPhone = (phoneNumber: string) => `钱德顺,男,1947-11-20,${phoneNumber},学院路 31 号 1 栋 302,空巢,半失能,低保`;
const sheet = (...rows: string[]) => Buffer.from([header, ...rows].join('\r\n'), 'utf8');

/** Chooses a file in the page's file picker, as a worker does with the community's spreadsheet. */
async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await currentScreen(page).getByTestId('import-choose').click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer });
  await waitForSettledPage(page, routes.workerImport);
}

const box = (page: Page, testId: string) => currentScreen(page).locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first();

test('a worker imports the community spreadsheet, fixes a bad row, registers one elder by hand, and that elder claims her own account and orders a meal', async () => {
  const { page } = phone;
  await signInOnLoginPage(page, worker);
  await tapThrough(page, 'home-tile-community-elders', routes.workerElders);

  // The spreadsheet: one row with a phone number that cannot be one.
  await tapThrough(page, 'worker-elders-import', routes.workerImport);
  await chooseFile(page, '学院路社区长辈名单.csv', sheet(goodRow, rowWithBadPhone('12345678901')));
  await expect(textOf(page, 'import-problem-3')).resolves.toContain('电话');
  expect(await currentScreen(page).getByTestId('import-confirm').count()).toBe(0);
  // Fixed in the sheet and chosen again: both rows are new, and confirming writes both.
  await chooseFile(page, '学院路社区长辈名单.csv', sheet(goodRow, rowWithBadPhone('13807341202')));
  await expect(textOf(page, 'import-counts')).resolves.toContain('新建 2 位');
  await currentScreen(page).getByTestId('import-confirm').click();
  await expect(textOf(page, 'import-result')).resolves.toContain('新建 2 位');
  await goBack(page, routes.workerElders);
  await waitForSettledPage(page, routes.workerElders);
  await expect(currentScreen(page).getByText('何桂芳').first().isVisible()).resolves.toBe(true);

  // One elder registered by hand.
  await tapThrough(page, 'worker-elders-register', routes.workerRegister);
  await box(page, 'register-name').fill('孔秀珍');
  await currentScreen(page).getByTestId('register-sex-female').click();
  await currentScreen(page).getByTestId('register-birth-date').click();
  await page.locator('.weui-picker__action').last().click();
  await box(page, 'register-phone').fill('13807341203');
  await box(page, 'register-address').fill('学院路 32 号 4 栋 201');
  await currentScreen(page).getByTestId('register-living-alone').click();
  await currentScreen(page).getByTestId('register-ability-independent').click();
  await currentScreen(page).getByTestId('register-category-normal').click();
  await tapThrough(page, 'register-save', routes.workerElder);
  await expect(textOf(page, 'profile-name')).resolves.toBe('孔秀珍');

  // Her own WeChat: the worker hands her a one-time code in person.
  await currentScreen(page).getByTestId('claim-code-generate').click();
  const code = (await textOf(page, 'claim-code')).replace(/\D/g, '').slice(0, 6);
  expect(code).toMatch(/^\d{6}$/);
  await goBack(page, routes.workerElders);
  await goBack(page, routes.home);
  await signOut(page);

  await signInOnLoginPage(page, newcomer);
  await tapThrough(page, 'home-tile-claim', routes.claim);
  await box(page, 'claim-code-input').fill(code);
  await tapThrough(page, 'claim-submit', routes.home);
  await expect(textOf(page, 'home-greeting')).resolves.toContain('孔秀珍');

  // And she orders the soonest meal still open.
  await tapThrough(page, 'home-tile-canteen', routes.canteen);
  await currentScreen(page).locator('[data-testid^="canteen-order-"]').first().click();
  await currentScreen(page).getByTestId('canteen-confirm').waitFor();
  await currentScreen(page).getByTestId('canteen-confirm-submit').click();
  await expect(textOf(page, 'canteen-placed-notice')).resolves.toContain('订好了');
  expect(phone.errors).toEqual([]);
});
