/**
 * The micro-wish and points pages of the built WeChat bundle in WeChat's own test kit (see
 * weapp-render.test.ts): what the compiled page shows, one request per tap through the mini-program's own
 * event path, the subpackage pages of volunteers and workers, and `<page-meta>` on every page.
 */
import { chinaToday, formatDayOfYear } from '../src/lib/format'
import { claimedWish, closedStore, itemOf, leaderboardOf, myWishesOf, pointsOf, redemptionOf, storeOf, tallyOf, wallOf, wishOf, type WishOverrides } from './points-fixtures'
import { claimer, elderWishes, wishAt, wishSettings } from './wish-fixtures'
import { answer, boundAttributes, navigations, requests, waitFor, waitForText, type OpenPage, type Reply } from './weapp/harness'
import { describeCompiledPages, expectPageMeta, ok, signIn } from './weapp/suite'

const api = (path: string) => `https://api.yilin.invalid${path}`
const writes = () => requests.filter((request) => request.method !== 'GET')
const keyOf = (data: unknown) => (data as { idempotencyKey: string }).idempotencyKey

/**
 * The words of each rendered element with that class, in page order. The compiled WXML carries class
 * and style but no test ids, so an element is found as a person finds it: by what it is and says. The
 * kit scopes each class with its component's prefix (`main--choice`).
 */
function textsOf(page: OpenPage, className: string): string[] {
  const hasClass = (element: Element) => Array.from(element.classList).some((token) => token === className || token.endsWith(`--${className}`))
  return Array.from(page.root.querySelectorAll('[class]'))
    .filter(hasClass)
    .map((element) => element.textContent ?? '')
}

/** 王秀兰's wish as the community reviews it: her name and address in the story, to be taken out before publishing. */
const footBath = (overrides: WishOverrides = {}) =>
  wishOf({
    wishId: 'w-foot',
    elderId: 'e-wang',
    elderName: '王秀兰',
    title: '想要一个足浴盆',
    story: '我住学院路 12 号 3 栋 201，冬天脚冷，想泡泡脚。',
    status: 'pending',
    statusName: '等社区审核',
    ...overrides,
    can: { review: true, withdraw: true, ...overrides.can },
  })

/** A page opened by someone, with the answers it needs and words it then shows. */
interface OtherPage {
  route: string
  query?: Record<string, string>
  who: Parameters<typeof signIn>
  answers: Record<string, Reply>
  shows: string[]
}

describeCompiledPages('compiled micro-wish and points pages in the WeChat test kit', (show) => {
  function openPost() {
    signIn('elder', 'e-wang', '王秀兰')
    answer({
      'GET /elders/e-wang/wishes': ok(elderWishes([])),
      'POST /elders/e-wang/wishes': { status: 201, body: { wish: wishAt.pending() } },
    })
    return show('pages/wish-post/index')
  }

  it('许个心愿: the common wishes are big buttons; the first and 确认许愿 send ONE wish with its words and an idempotency key', async () => {
    const page = openPost()
    await waitForText(page, '点一下就能许愿')
    expect(page.text()).toContain('许个心愿')
    expectPageMeta(page)
    expect(textsOf(page, 'choice--wide')).toEqual(['想理个发服务 · 约 ¥30', '想有人陪我聊聊天陪伴 · 不花钱'])

    page.tap('想理个发')
    await waitForText(page, '确认许愿')
    expect(page.text()).toContain('您的心愿心愿想理个发')
    expect(page.text()).toContain('大概花多少钱约 ¥30')
    expect(textsOf(page, 'choice--wide')).toEqual([])
    expect(writes()).toEqual([])
    page.tap('确认许愿')
    await waitFor(() => navigations.length > 0, () => `no navigation; the page shows: ${page.text()}`)
    expect(navigations).toEqual([{ api: 'redirectTo', url: '/pages/wish/index?wishId=w-pending' }])
    expect(writes()).toHaveLength(1)
    expect(writes()[0]).toMatchObject({
      method: 'POST',
      url: api('/elders/e-wang/wishes'),
      data: { title: '想理个发', category: 'service', valueFen: 30_00, story: '', handover: 'centre' },
    })
    expect(keyOf(writes()[0].data)).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
  })

  it('许个心愿: a second 确认许愿 before the page has re-rendered carries the same idempotency key, so the wish is posted once', async () => {
    const page = openPost()
    await waitForText(page, '点一下就能许愿')
    page.tap('想理个发')
    await waitForText(page, '确认许愿')
    // Both taps reach the page before React has rendered the first one's 请稍候… (the mini-program renders later).
    page.tap('确认许愿')
    page.tap('确认许愿')
    await waitFor(() => navigations.length > 0, () => `no navigation; the page shows: ${page.text()}`)
    const keys = writes().map((request) => keyOf(request.data))
    expect(keys.length).toBeGreaterThan(0)
    expect(new Set(keys).size).toBe(1)
  })

  it('心愿详情: a delivered wish shows what the volunteer said; 确认收到了 and its confirm step send ONE confirm', async () => {
    signIn('elder', 'e-wang', '王秀兰')
    answer({
      'GET /wishes/w-delivered': ok({ wish: wishAt.delivered() }),
      'POST /wishes/w-delivered/confirm': ok({ wish: { ...wishAt.realised(), wishId: 'w-delivered' } }),
    })
    const page = show('pages/wish/index', { wishId: 'w-delivered' })
    await waitForText(page, '确认收到了')
    expect(page.text()).toContain('头发理好了，奶奶很满意')
    expect(page.text()).toContain('李华 ★党员')
    expectPageMeta(page)

    page.tap('确认收到了')
    await waitForText(page, '是，确认收到了')
    expect(writes()).toEqual([])
    page.tap('是，确认收到了')
    await waitForText(page, '心愿实现了！可以对志愿者说声谢谢。')
    expect(page.text()).toContain('志愿者因此得到了 10 积分。')
    expect(writes()).toEqual([expect.objectContaining({ method: 'POST', url: api('/wishes/w-delivered/confirm') })])
  })

  it('心愿详情: a realised wish offers the thank-you phrases; one tap and 送出感谢 send those words once', async () => {
    signIn('elder', 'e-wang', '王秀兰')
    const thanked = { ...wishAt.realised(), can: { ...wishAt.realised().can, thank: false }, thanks: { message: '谢谢你，孩子！', at: '2026-11-22T06:00:00.000Z', byName: '王秀兰', to: claimer } }
    answer({
      'GET /wishes/w-realised': ok({ wish: wishAt.realised() }),
      'POST /wishes/w-realised/thanks': ok({ wish: thanked }),
    })
    const page = show('pages/wish/index', { wishId: 'w-realised' })
    await waitForText(page, '说声谢谢')
    ;['谢谢你，孩子！', '太感谢了，辛苦了！', '你们真是好心人，谢谢！'].forEach((phrase) => expect(page.text()).toContain(phrase))
    expectPageMeta(page)

    page.tap('谢谢你，孩子！')
    await waitForText(page, '✓ 谢谢你，孩子！')
    page.tap('送出感谢')
    await waitForText(page, '谢谢的话已经送到志愿者那里了。')
    expect(textsOf(page, 'wish__thanks')).toEqual(['谢谢你，孩子！'])
    expect(textsOf(page, 'wish__thanks-to')).toEqual(['送给志愿者 李华★ 党员'])
    expect(page.text()).not.toContain('送出感谢')
    expect(writes()).toEqual([expect.objectContaining({ method: 'POST', url: api('/wishes/w-realised/thanks'), data: { message: '谢谢你，孩子！' } })])
  })

  it('心愿墙 (volunteer subpackage): the community’s tallies and a wish card that says 王奶奶, never the elder’s name', async () => {
    signIn('volunteer', 'v-liu', '刘洋')
    // Even an answer that carried the name would not put it on the wall.
    answer({ 'GET /wall': ok(wallOf({ tallies: [tallyOf()], wishes: [wishOf({ elderName: '王秀兰' })] })) })
    const page = show('volunteer/wall/index')
    await waitForText(page, '等您认领的心愿')
    expectPageMeta(page)
    expect(requests.map((request) => request.url)).toEqual([api('/wall?communityId=c-xueyuan')])
    expect(textsOf(page, 'wall-poster')).toEqual(['学院路社区的微心愿381收集218已实现12进行中20等认领'])
    expect(textsOf(page, 'wall-wish')).toEqual([`想要一台收音机王奶奶 · 学院路社区物品 · 约 ¥80 · 2026年11月20日发布`])
    expect(page.text()).not.toContain('王秀兰')

    page.tap('想要一台收音机')
    await waitFor(() => navigations.length > 0, () => `no navigation; the page shows: ${page.text()}`)
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/volunteer/wish/index?wishId=w-radio' }])
  })

  it('微心愿 (volunteer subpackage): 认领这个心愿 and its confirm send ONE claim, then the page says where to hand it over', async () => {
    signIn('volunteer', 'v-liu', '刘洋')
    answer({
      'GET /wishes/w-radio': ok({ wish: wishOf({ can: { claim: true } }) }),
      'POST /wishes/w-radio/claim': ok({ wish: claimedWish() }),
    })
    const page = show('volunteer/wish/index', { wishId: 'w-radio' })
    await waitForText(page, '认领这个心愿')
    expect(page.text()).toContain('王奶奶 · 学院路社区')
    expect(page.text()).not.toContain('学院路 8 号')
    expectPageMeta(page)

    page.tap('认领这个心愿')
    await waitForText(page, '是，我来认领')
    expect(writes()).toEqual([])
    page.tap('是，我来认领')
    await waitForText(page, '认领成功！下面写着怎么交给长辈。')
    expect(page.text()).toContain('怎么交给长辈交付方式送到社区服务站地点学院路社区服务站地址学院路 8 号')
    expect(page.text()).toContain('我已办好')
    expect(page.text()).not.toContain('认领这个心愿')
    expect(writes()).toEqual([expect.objectContaining({ method: 'POST', url: api('/wishes/w-radio/claim') })])
  })

  function openPoints(store: Reply) {
    signIn('volunteer', 'v-liu', '刘洋')
    answer({
      // The ledger's only line is a wish, so the one 兑换 on the page is the item's button.
      'GET /points/v-liu': ok(pointsOf({ entries: pointsOf().entries.filter((entry) => entry.kind === 'wish') })),
      'GET /communities/c-xueyuan/store': store,
      'POST /points/v-liu/redemptions': { status: 201, body: { redemption: redemptionOf({ redemptionId: 'r-new' }), balance: 20 } },
    })
    return show('pages/points/index')
  }

  it('积分 (store open): 兑换 and 是，兑换 send ONE redemption of that item with an idempotency key', async () => {
    const page = openPoints(ok(storeOf()))
    await waitForText(page, '学院路社区积分超市')
    expect(page.text()).toContain('我的积分我现在有120积分')
    expect(page.text()).toContain('实现心愿“理发上门”')
    expect(textsOf(page, 'points-item__closed')).toEqual(['✕ 现在换不了：已经换完了，等社区补货后再来。', '✕ 现在换不了：积分还不够，还差 380 分。'])
    expect(textsOf(page, 'btn').filter((text) => text === '兑换')).toHaveLength(1)
    expectPageMeta(page)

    page.tap('兑换')
    await waitForText(page, '用 100 积分兑换“食用油一桶”吗？')
    expect(writes()).toEqual([])
    page.tap('是，兑换')
    await waitForText(page, '兑换好了！请到社区服务站领取“食用油一桶”。')
    expect(writes()).toHaveLength(1)
    expect(writes()[0]).toMatchObject({ method: 'POST', url: api('/points/v-liu/redemptions'), data: { itemId: 'i-oil' } })
    expect(keyOf(writes()[0].data)).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
  })

  it('积分 (between windows): each item says why it cannot be taken, with the next window, and there is no 兑换 button', async () => {
    const page = openPoints(ok(closedStore()))
    await waitForText(page, '学院路社区积分超市')
    expect(page.text()).toContain('下次兑换期 2027年3月18日 至 3月31日')
    expectPageMeta(page)
    const today = chinaToday()
    const why = `✕ 现在换不了：现在不是兑换期。下次兑换：${formatDayOfYear('2027-03-18', today)} 至 ${formatDayOfYear('2027-03-31', today)}。`
    expect(textsOf(page, 'points-item__closed')).toEqual([why, why, why])
    expect(textsOf(page, 'btn')).not.toContain('兑换')
  })

  function openReview() {
    signIn('worker', 'u-worker', '刘晓燕')
    answer({
      'GET /wishes/w-foot': ok({ wish: footBath() }),
      'POST /wishes/w-foot/publish': (data) => ok({ wish: footBath({ ...(data as object), status: 'published', statusName: '等志愿者认领', can: { review: false } }) }),
    })
    return show('worker/wish/index', { wishId: 'w-foot' })
  }

  it('心愿详情 (worker subpackage): 发布到心愿墙 after rewording the story sends only the story', async () => {
    const page = openReview()
    await waitForText(page, '审核这个心愿')
    expect(page.text()).toContain('长辈王秀兰（心愿墙上显示为 王奶奶）')
    expectPageMeta(page)

    const story = '冬天脚冷，想泡泡脚。'
    page.type(1, story)
    const box = page.root.querySelector('wx-textarea')
    if (!box) throw new Error('no story box')
    await waitFor(() => boundAttributes(box).value === story, () => `the story box holds ${String(boundAttributes(box).value)}`)
    page.tap('发布到心愿墙')
    await waitForText(page, '已发布到心愿墙。改过的文字，长辈和家属能看到。')
    expect(writes()).toEqual([expect.objectContaining({ method: 'POST', url: api('/wishes/w-foot/publish') })])
    expect(writes()[0].data).toEqual({ story })
  })

  it('心愿详情 (worker subpackage): 发布到心愿墙 with nothing changed sends no words', async () => {
    const page = openReview()
    await waitForText(page, '审核这个心愿')
    page.tap('发布到心愿墙')
    await waitForText(page, '已发布到心愿墙。')
    expect(page.text()).not.toContain('改过的文字')
    expect(writes()).toHaveLength(1)
    expect(writes()[0]).toMatchObject({ method: 'POST', url: api('/wishes/w-foot/publish') })
    expect(writes()[0].data ?? {}).toEqual({})
  })

  it.each<OtherPage>([
    {
      route: 'pages/wishes/index',
      who: ['elder', 'e-wang', '王秀兰'],
      answers: { 'GET /elders/e-wang/wishes': ok(elderWishes([wishAt.pending(), wishAt.delivered()])) },
      shows: ['我的心愿', '许个心愿', '去确认 ›'],
    },
    {
      route: 'volunteer/mine/index',
      who: ['volunteer', 'v-liu', '刘洋'],
      answers: { 'GET /me/wishes': ok(myWishesOf()) },
      shows: ['正在办的', '想要一台收音机', '理发上门', '得到 20 积分'],
    },
    {
      route: 'volunteer/leaderboard/index',
      who: ['volunteer', 'v-liu', '刘洋'],
      answers: { 'GET /communities/c-xueyuan/leaderboard': ok(leaderboardOf()) },
      shows: ['学院路社区 2026年11月积分排行', '刘洋（我）', '黄丽华 ★党员'],
    },
    {
      route: 'worker/wishes/index',
      who: ['worker', 'u-worker', '刘晓燕'],
      answers: { 'GET /communities/c-xueyuan/wishes': ok({ items: [footBath()], cursor: null }) },
      shows: ['待审核（1）', '想要一个足浴盆', '王秀兰 · 物品'],
    },
    {
      route: 'worker/store/index',
      who: ['worker', 'u-worker', '刘晓燕'],
      answers: {
        'GET /communities/c-xueyuan/store': ok(storeOf({ items: [itemOf()] })),
        'GET /communities/c-xueyuan/redemptions': ok({ items: [redemptionOf()], cursor: null }),
      },
      shows: ['学院路社区 · 积分超市', '✓ 现在是兑换期', '待领取（1）', '食用油一桶'],
    },
    {
      route: 'worker/wish-settings/index',
      who: ['worker', 'u-worker', '刘晓燕'],
      answers: { 'GET /communities/c-xueyuan/wish-settings': ok(wishSettings) },
      shows: ['心愿价值上限（元）', '保存规则'],
    },
    {
      route: 'worker/points/index',
      query: { holderId: 'v-liu' },
      who: ['worker', 'u-worker', '刘晓燕'],
      answers: { 'GET /points/v-liu': ok(pointsOf()) },
      shows: ['现有积分 · 学院路社区', '记录服务时长', '实现心愿“理发上门”'],
    },
  ])('$route shows what it loaded, under a <page-meta> with the font setting', async ({ route, query, who, answers, shows }) => {
    signIn(...who)
    answer(answers)
    const page = show(route, query)
    await waitForText(page, shows[shows.length - 1])
    shows.forEach((text) => expect(page.text()).toContain(text))
    expectPageMeta(page)
  })
})
