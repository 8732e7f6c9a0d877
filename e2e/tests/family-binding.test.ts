import { elderTitle, type BindingView, type ElderSummary, type Page as ListPage } from '@yilin/contract';
import { ApiClient, demoPeople, goBack, routes, signInOnLoginPage, signOut, tapThrough, textOf } from '../support/app';
import { openPhone, type PhoneSession } from '../support/browser';
import { useStackAndBrowser } from '../support/stack';

const env = useStackAndBrowser();
let phone: PhoneSession;

beforeAll(async () => {
  phone = await openPhone(env.browser, env.stack.webUrl);
});

/** An elder as a relative's home names them: 王秀英（母亲）. */
const calledBy = (elder: Pick<ElderSummary, 'name' | 'relation' | 'sex'>) => {
  const title = elderTitle(elder.relation, elder.sex);
  return title ? `${elder.name}（${title}）` : elder.name;
};


test('an elder invites family with a code; the relative who enters it says who they are, switches to that elder, renames themselves, and the elder sees them by name and relation', async () => {
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
  await expect(textOf(page, 'redeem-error')).resolves.toContain('您是长辈的什么人');
  await page.getByTestId('redeem-relation-son').click();
  await page.getByTestId('redeem-submit').click();
  const bound = { name: elder.name, relation: 'son' as const, sex: elder.me.elder!.sex };
  await expect(textOf(page, 'redeem-success')).resolves.toContain(`照看${elderTitle(bound.relation, bound.sex) ?? ''}${elder.name}`);
  await tapThrough(page, 'redeem-home', routes.home);

  // Switch to another elder and back through the switcher, the way a carer handling two parents would.
  await tapThrough(page, 'home-elder-switcher', routes.elders);
  await tapThrough(page, `elders-row-${otherElder.elderId}`, routes.home);
  expect(await textOf(page, 'home-current-elder')).toBe(calledBy(otherElder));
  await tapThrough(page, 'home-elder-switcher', routes.elders);
  await tapThrough(page, `elders-row-${elder.me.elder!.elderId}`, routes.home);
  expect(await textOf(page, 'home-current-elder')).toBe(calledBy(bound));

  await tapThrough(page, 'home-tile-elder-profile', routes.profile);
  expect(await textOf(page, 'profile-name')).toBe(elder.name);
  await goBack(page, routes.home);

  // The relative gives the name the elder knows them by.
  await tapThrough(page, 'home-tile-account', routes.account);
  const nameBox = page.locator('[data-testid="account-name-editor-input"] input, input[data-testid="account-name-editor-input"]');
  await nameBox.fill('王磊（大儿子）');
  await page.getByTestId('account-name-editor-save').click();
  await expect(textOf(page, 'account-name-saved')).resolves.toContain('王磊（大儿子）');
  await goBack(page, routes.home);
  await signOut(page);

  await signInOnLoginPage(page, elder.userId);
  await tapThrough(page, 'home-tile-binding', routes.binding);
  await expect(textOf(page, `binding-row-${family.userId}`)).resolves.toContain('王磊（大儿子）（儿子）');
  expect(phone.errors).toEqual([]);
});
