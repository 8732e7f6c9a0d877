/**
 * The main-package pages of the built WeChat bundle, rendered with WeChat's own test kit
 * (miniprogram-simulate: the real WXML through `wcc`, into jsdom). Each page gets canned API answers,
 * must show its Chinese text, must react to one tap, and must start with `<page-meta>` carrying the
 * root font size WeChat's font setting asks for (20px in the stubbed `getAppBaseInfo`).
 *
 * Runs in the `miniapp-weapp` jest project (the care pages are in weapp-render-care.test.ts).
 */
import { PRIVACY_NOTICE_VERSION } from '@yilin/contract'
import { elderWang, elderZhao, summaryOf } from './fixtures'
import { menusResponse, offerOf, orderOf, tomorrow } from './canteen-fixtures'
import { answer, navigations, requests, storage, waitFor, waitForText } from './weapp/harness'
import { describeCompiledPages, expectPageMeta, lastRequest, ok, signIn } from './weapp/suite'

describeCompiledPages('compiled WeChat pages in the WeChat test kit', (show) => {
  it('登录: 微信一键登录 signs in with the wx.login code and opens home', async () => {
    storage.clear()
    answer({
      'POST /auth/wechat': ok({ token: 'tok-w', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { userId: 'e-wang', role: 'elder', name: '王秀兰' } }),
      'POST /me/consents/privacy': ok({ version: PRIVACY_NOTICE_VERSION, accepted: true, acceptedAt: new Date().toISOString() }),
    })
    const page = show('pages/login/index')
    await waitForText(page, '微信一键登录')
    expect(page.text()).toContain('颐邻')
    expectPageMeta(page)

    page.tap('我已阅读并同意')
    await waitForText(page, '☑ 我已阅读并同意')
    page.tap('微信一键登录')
    await waitFor(() => navigations.length > 0, () => `no navigation; requests: ${JSON.stringify(requests)}`)
    // Signed in with the code, then the notice the person just ticked is recorded with its version.
    expect(requests.filter((request) => request.method === 'POST').map((request) => [request.url, request.data])).toEqual([
      ['https://api.yilin.invalid/auth/wechat', { code: 'wx-code' }],
      ['https://api.yilin.invalid/me/consents/privacy', { version: PRIVACY_NOTICE_VERSION }],
    ])
    expect(navigations).toEqual([{ api: 'reLaunch', url: '/pages/home/index' }])
  })

  it('首页: an elder sees the tiles, and 助餐订餐 opens the canteen', async () => {
    signIn('elder', 'e-wang', '王秀兰')
    answer({ 'GET /me': ok({ user: { userId: 'e-wang', role: 'elder', name: '王秀兰' }, elder: elderWang, community: { communityId: 'c-xueyuan', name: '学院路社区', centreName: '学院路中心' } }) })
    const page = show('pages/home/index')
    await waitForText(page, '我的订单')
    expect(page.text()).toContain('王秀兰，您好')
    expect(page.text()).toContain('家人绑定')
    expectPageMeta(page)
    expect(lastRequest().header.Authorization).toBe('Bearer tok-e-wang')

    page.tap('助餐订餐')
    await waitFor(() => navigations.length > 0, () => 'no navigation')
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/pages/canteen/index' }])
  })

  it("助餐订餐: shows the week's menu, and 订这一餐 opens 确认下单 on the page", async () => {
    signIn('elder', 'e-wang', '王秀兰')
    answer({ 'GET /elders/e-wang/menus': ok(menusResponse([{ date: tomorrow, meals: [offerOf(tomorrow, 'lunch')] }])) })
    const page = show('pages/canteen/index')
    await waitForText(page, '红烧肉')
    expect(page.text()).toContain('午餐')
    expect(page.text()).toContain('学院路街道综合养老服务中心')
    expectPageMeta(page)

    page.tap('订这一餐')
    await waitForText(page, '确认下单')
    expect(page.text()).toContain('政府补贴')
    expect(requests.every((request) => request.method === 'GET')).toBe(true)
  })

  it('我的订单: shows an order with its status, and 取消订单 asks to confirm before cancelling', async () => {
    signIn('elder', 'e-wang', '王秀兰')
    answer({
      'GET /elders/e-wang/orders': ok({ items: [orderOf()], cursor: null, elder: summaryOf(elderWang), subscriptions: [] }),
      'GET /elders/e-wang/subscriptions': ok({ items: [] }),
    })
    const page = show('pages/orders/index')
    await waitForText(page, '已下单')
    expect(page.text()).toContain('午餐')
    expectPageMeta(page)

    page.tap('取消订单')
    await waitForText(page, '是，取消这一餐')
    expect(page.text()).toContain('不取消')
    expect(requests.every((request) => request.method === 'GET')).toBe(true)
  })

  it('我的资料: shows the profile, and 修改 opens the form', async () => {
    signIn('elder', 'e-wang', '王秀兰')
    answer({
      'GET /me': ok({ user: { userId: 'e-wang', role: 'elder', name: '王秀兰' }, elder: elderWang }),
      'GET /elders/e-wang': ok({ elder: elderWang }),
    })
    const page = show('pages/profile/index')
    await waitForText(page, '学院路 12 号 3 栋 201')
    expect(page.text()).toContain('1946年5月12日')
    expect(page.text()).toContain('李明（儿子）13900002222')
    expectPageMeta(page)

    page.tap('修改')
    await waitForText(page, '保存')
  })

  it('选择长辈: a family member sees the bound elders, and tapping one makes them current', async () => {
    signIn('family', 'u-family', '李明')
    storage.set('yilin.currentElderId', 'e-wang')
    answer({ 'GET /me': ok({ user: { userId: 'u-family', role: 'family', name: '李明' }, boundElders: [summaryOf(elderWang), elderZhao] }) })
    const page = show('pages/elders/index')
    await waitForText(page, '赵德福')
    expect(page.text()).toContain('王秀兰')
    expect(page.text()).toContain('正在照看')
    expectPageMeta(page)

    page.tap('赵德福')
    await waitFor(() => navigations.length > 0, () => 'no navigation')
    expect(storage.get('yilin.currentElderId')).toBe('e-zhao')
    // Opened on its own (no page below it), the page goes home instead of back.
    expect(navigations).toEqual([{ api: 'reLaunch', url: '/pages/home/index' }])
  })

  it('家人绑定: a family member types the invitation code and binds the elder', async () => {
    signIn('family', 'u-family', '李明')
    answer({ 'POST /bindings': { status: 201, body: { elder: summaryOf(elderWang) } } })
    const page = show('pages/binding/index')
    await waitForText(page, '邀请码')
    expectPageMeta(page)

    page.type(0, '408215')
    await new Promise((resolve) => setTimeout(resolve, 20))
    page.tap('老伴')
    await waitForText(page, '✓ 老伴')
    page.tap('确定绑定')
    await waitFor(() => requests.length > 0, () => `no request; the page shows: ${page.text()}`)
    expect(lastRequest()).toMatchObject({ method: 'POST', url: 'https://api.yilin.invalid/bindings', data: { code: '408215', relation: 'spouse' } })
    await waitForText(page, '绑定成功！您现在可以照看王秀兰了。')
  })

  it('家人绑定: the elder sends her invitation as a WeChat card that opens the binding page with her code', async () => {
    signIn('elder', 'e-wang', '王秀兰')
    answer({ 'GET /elders/e-wang/bindings': ok({ items: [], cursor: null, liveCode: { code: '408215', expiresAt: new Date(Date.now() + 3600_000).toISOString() } }) })
    const page = show('pages/binding/index')
    await waitForText(page, '发给家人（微信卡片）')
    expect(page.call('onShareAppMessage', { from: 'button' })).toEqual({
      title: '王秀兰请您绑定，帮忙订餐、看资料（邀请码 408215）',
      path: '/pages/binding/index?code=408215',
    })
  })

  it('登录: a first sign-in asks for a name in the nickname box, then saves it and opens home', async () => {
    storage.clear()
    const session = (name: string, needsName?: boolean) => ({
      token: 'tok-new',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { userId: 'u-new', role: 'family', name, ...(needsName ? { needsName } : {}) },
    })
    answer({ 'POST /auth/wechat': ok(session('微信用户', true)), 'PUT /me/name': ok(session('王建国')) })
    const page = show('pages/login/index')
    await waitForText(page, '微信一键登录')
    page.tap('我已阅读并同意')
    await waitForText(page, '☑ 我已阅读并同意')
    page.tap('微信一键登录')
    await waitForText(page, '怎么称呼您')
    // The box is WeChat's nickname input, which offers the WeChat nickname above the keyboard.
    expect(JSON.stringify(page.component.instance.data)).toContain('"nickname"')
    expect(navigations).toEqual([])

    page.blur(0, '王建国')
    await new Promise((resolve) => setTimeout(resolve, 20))
    page.tap('下一步')
    await waitFor(() => navigations.length > 0, () => `no navigation; the page shows: ${page.text()}`)
    expect(lastRequest()).toMatchObject({ method: 'PUT', url: 'https://api.yilin.invalid/me/name', data: { name: '王建国' } })
    expect(navigations).toEqual([{ api: 'reLaunch', url: '/pages/home/index' }])
  })

  it('我的账号: a relative sees their name and what they are to each elder; 改一下关系 offers the choices', async () => {
    signIn('family', 'u-family', '李明')
    answer({ 'GET /me': ok({ user: { userId: 'u-family', role: 'family', name: '李明' }, boundElders: [{ ...summaryOf(elderWang), relation: 'son' }] }) })
    const page = show('pages/account/index')
    await waitForText(page, '您是王秀兰的儿子')
    expect(page.text()).toContain('王秀兰（母亲）')
    expect(page.text()).toContain('隐私保护指引')
    expectPageMeta(page)

    page.tap('改一下关系')
    await waitForText(page, '儿媳')
  })

  it('隐私保护指引: reads in large type from any page', async () => {
    storage.clear()
    const page = show('pages/legal/index', { doc: 'privacy' })
    await waitForText(page, '颐邻隐私保护指引')
    expect(page.text()).toContain('不保存身份证号码')
    expectPageMeta(page)
  })

  it('长辈本人登录: an empty code is refused on the page', async () => {
    signIn('family', 'u-new', '微信用户')
    const page = show('pages/claim/index')
    await waitForText(page, '我是长辈本人')
    expectPageMeta(page)

    page.tap('确定，我是长辈本人')
    await waitForText(page, '请输入 6 位数字登录码')
    expect(requests).toEqual([])
  })
})
