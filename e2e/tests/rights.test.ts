import { strFromU8, unzipSync } from 'fflate';
import type { BindingView, Page as ListPage } from '@yilin/contract';
import { ApiClient, demoPeople, goBack, routes, signInOnLoginPage, tapThrough, textOf } from '../support/app';
import { currentScreen, openPhone, waitForSettledPage, type PhoneSession } from '../support/browser';
import { useStackAndBrowser } from '../support/stack';

const env = useStackAndBrowser();
let phone: PhoneSession;

beforeAll(async () => {
  phone = await openPhone(env.browser, env.stack.webUrl);
});

test('a relative looks at what the app holds, downloads a copy, closes the account; the elder no longer lists them and sign-in no longer offers them', async () => {
  const api = new ApiClient(env.stack.webUrl);
  const family = (await demoPeople(api, 'family')).find((person) => (person.me.boundElders ?? []).length > 0)!;
  expect(family).toBeDefined();
  const elder = family.me.boundElders![0];
  const { page } = phone;

  await signInOnLoginPage(page, family.userId);
  await tapThrough(page, 'home-tile-account', routes.account);
  await tapThrough(page, 'account-my-data', routes.myData);
  // The elder's file and records are in it, under her name.
  await currentScreen(page).getByTestId('my-data-elder').filter({ hasText: `长辈档案（${elder.name}）` }).first().waitFor();
  await expect(textOf(page, 'my-data-profile')).resolves.toContain(family.name);

  const [download] = await Promise.all([page.waitForEvent('download'), currentScreen(page).getByTestId('my-data-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^我的数据-.+-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const bytes = await (await download.createReadStream()).toArray();
  const files = unzipSync(new Uint8Array(Buffer.concat(bytes)));
  const sheets = [...strFromU8(files['xl/workbook.xml']!).matchAll(/<sheet\b[^>]*\bname="([^"]+)"/g)].map(([, name]) => name);
  expect(sheets).toEqual(expect.arrayContaining(['个人资料', `长辈档案（${elder.name}）`, `订餐记录（${elder.name}）`]));
  await expect(textOf(page, 'my-data-downloaded')).resolves.toContain('已下载');

  await tapThrough(page, 'my-data-close', routes.closeAccount);
  await expect(textOf(page, 'close-account-kept')).resolves.toContain('已注销用户');
  await currentScreen(page).getByTestId('close-account-ask').click();
  await currentScreen(page).getByTestId('close-account-confirm-yes').click();
  await expect(textOf(page, 'close-account-done')).resolves.toContain('已注销');
  await tapThrough(page, 'close-account-leave', routes.login);
  await waitForSettledPage(page, routes.login);
  expect(await currentScreen(page).getByTestId(`login-account-${family.userId}`).count()).toBe(0);

  // The elder's family list no longer names them.
  const elderAccount = (await api.demoAccounts()).find((account) => account.userId === elder.elderId);
  if (elderAccount) {
    await signInOnLoginPage(page, elder.elderId);
    await tapThrough(page, 'home-tile-binding', routes.binding);
    expect(await currentScreen(page).getByTestId(`binding-row-${family.userId}`).count()).toBe(0);
    await goBack(page, routes.home);
  }
  const asElder = await api.as(elder.elderId);
  const { items } = await asElder.call<ListPage<BindingView>>('GET', `/elders/${elder.elderId}/bindings`);
  expect(items.map((binding) => binding.familyId)).not.toContain(family.userId);
  expect(phone.errors).toEqual([]);
});
