import type { BindingView, Page as ListPage } from '@yilin/contract';
import { ApiClient, demoPeople, goBack, routes, signInOnLoginPage, signOut, tapThrough, textOf } from '../support/app';
import { openPhone, type PhoneSession } from '../support/browser';
import { useStackAndBrowser } from '../support/stack';

const env = useStackAndBrowser();
let phone: PhoneSession;

beforeAll(async () => {
  phone = await openPhone(env.browser, env.stack.webUrl);
});


test('an elder invites family with a code, and the family member who enters it can switch to that elder and see their profile', async () => {
  const api = new ApiClient(env.stack.webUrl);
  const elders = await demoPeople(api, 'elder');
  const unbound = [];
  for (const elder of elders) {
    const asElder = await api.as(elder.userId);
    const { items } = await asElder.call<ListPage<BindingView>>('GET', `/elders/${elder.me.elder!.elderId}/bindings`);
    if (items.length === 0) unbound.push(elder);
  }
  const elder = unbound[0];
  expect(elder).toBeDefined();
  // A family member who already looks after someone, so choosing between elders is part of the flow.
  const family = (await demoPeople(api, 'family')).find((person) => (person.me.boundElders ?? []).length > 0)!;
  expect(family).toBeDefined();
  const otherElder = family.me.boundElders![0];
  const { page } = phone;

  await signInOnLoginPage(page, elder.userId);
  await tapThrough(page, 'home-tile-binding', routes.binding);
  await page.getByTestId('binding-code-generate').click();
  const code = (await textOf(page, 'binding-code')).replace(/\D/g, '');
  expect(code).toMatch(/^\d{6}$/);
  await goBack(page, routes.home);
  await signOut(page);

  await tapThrough(page, `login-account-${family.userId}`, routes.home);
  await tapThrough(page, 'home-tile-bind-elder', routes.binding);
  await page.locator('[data-testid="redeem-code-input"] input, input[data-testid="redeem-code-input"]').fill(code);
  await page.getByTestId('redeem-submit').click();
  await expect(textOf(page, 'redeem-success')).resolves.toContain(elder.name);
  await tapThrough(page, 'redeem-home', routes.home);

  // Switch to another elder and back through the switcher, the way a carer handling two parents would.
  await tapThrough(page, 'home-elder-switcher', routes.elders);
  await tapThrough(page, `elders-row-${otherElder.elderId}`, routes.home);
  expect(await textOf(page, 'home-current-elder')).toBe(otherElder.name);
  await tapThrough(page, 'home-elder-switcher', routes.elders);
  await tapThrough(page, `elders-row-${elder.me.elder!.elderId}`, routes.home);
  expect(await textOf(page, 'home-current-elder')).toBe(elder.name);

  await tapThrough(page, 'home-tile-elder-profile', routes.profile);
  expect(await textOf(page, 'profile-name')).toBe(elder.name);
  expect(phone.errors).toEqual([]);
});
