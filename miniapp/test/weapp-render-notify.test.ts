/**
 * The emergency-help and message pages of the built WeChat bundle in WeChat's own test kit (see
 * weapp-render.test.ts): what only the compiled page shows (the weapp branches: makePhoneCall instead of a
 * `tel:` link, the phone's location in GCJ-02, 在地图上看, the subscribe button), one request per tap through
 * the mini-program's own event path, the 2-second hold on real touch events, the worker and admin
 * subpackage pages, and `<page-meta>` with the root font size from WeChat's font setting.
 */
import type { CallNumber, MessageView } from '@yilin/contract'
import { formatMonthDayTime } from '../src/lib/format'
import { alertOf, answeredBy, elderAlerts, elderSideNumbers, RAISED_AT, resolvedCall } from './notify-fixtures'
import { addToWx, answer, navigations, requests, waitFor, waitForText, type OpenPage } from './weapp/harness'
import { describeCompiledPages, expectPageMeta, ok, signIn } from './weapp/suite'

const api = (path: string) => `https://api.yilin.invalid${path}`
const writes = () => requests.filter((request) => request.method !== 'GET')
const writesTo = (path: string) => writes().filter((request) => request.url === api(path))
const keyOf = (data: unknown) => (data as { idempotencyKey: string }).idempotencyKey

/** Phones dial; the location is a GCJ-02 fix: what the pages asked for is recorded. */
const phoneCalls: string[] = []
const locationAsks: Array<{ type?: string }> = []
const FIX = { latitude: 28.19409, longitude: 112.97723, accuracy: 35 }
type Options = Record<string, unknown> & { success?: (result: unknown) => void; complete?: (result: unknown) => void }
addToWx({
  makePhoneCall: (options: Options) => {
    phoneCalls.push(options.phoneNumber as string)
    options.success?.({ errMsg: 'makePhoneCall:ok' })
    options.complete?.({ errMsg: 'makePhoneCall:ok' })
  },
  getLocation: (options: Options) => {
    locationAsks.push({ type: options.type as string | undefined })
    const fix = { ...FIX, speed: 0, altitude: 0, verticalAccuracy: 0, horizontalAccuracy: FIX.accuracy, errMsg: 'getLocation:ok' }
    options.success?.(fix)
    options.complete?.(fix)
  },
})

const RAISE = '/elders/e-wang/alerts'

/**
 * The words of each rendered element with that class, in page order. The kit scopes each class with its
 * component's prefix (`main--sos`).
 */
function textsOf(page: OpenPage, className: string): string[] {
  const hasClass = (element: Element) => Array.from(element.classList).some((token) => token === className || token.endsWith(`--${className}`))
  return Array.from(page.root.querySelectorAll('[class]'))
    .filter(hasClass)
    .map((element) => element.textContent ?? '')
}

/** The innermost rendered element whose words contain `label` (as `page.tap` finds it). */
function elementSaying(page: OpenPage, label: string): Element {
  const candidates = Array.from(page.root.querySelectorAll('[data-sid]')).filter((element) => (element.textContent ?? '').includes(label))
  const target = candidates[candidates.length - 1]
  if (!target) throw new Error(`nothing says ${label}; the page shows: ${page.text()}`)
  return target
}

/**
 * A finger on the element that says `label`, as WeChat's kit delivers it: a native touch event on the
 * rendered node, which the kit turns into the mini-program's touchstart/touchend (and, for a touch lifted
 * within 350 ms without moving, a tap after the touchend; a longer one is a longpress, and no tap follows).
 */
function touch(page: OpenPage, label: string, name: 'touchstart' | 'touchend') {
  const node = (elementSaying(page, label) as Element & { __wxElement?: unknown }).__wxElement
  if (!node) throw new Error(`no kit node for ${label}`)
  const ElementWrapper = Object.getPrototypeOf(page.component.constructor) as new (node: unknown) => { dispatchEvent(name: string, details?: object): void }
  new ElementWrapper(node).dispatchEvent(name, {})
}

/**
 * The real clock, kept before any test fakes it: React's scheduler in the bundle took its timer
 * functions when the bundle loaded, so rendering goes on in real time while the page's own timers
 * (the 2-second hold, the kit's longpress, the stubbed request's answer) run on the fake clock.
 */
const realSetTimeout = setTimeout
const realPause = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms))

/** Under fake timers: moves the fake clock on by `ms` in small steps, letting real-time rendering catch up between them. */
async function elapse(ms: number, step = 50) {
  for (let passed = 0; passed < ms; passed += step) {
    await jest.advanceTimersByTimeAsync(Math.min(step, ms - passed))
    await realPause(2)
  }
}

/** Under fake timers: waits (fake clock and real rendering both moving) until the page says `expected`. */
async function elapseUntilText(page: OpenPage, expected: string) {
  for (let i = 0; i < 100 && !page.text().includes(expected); i += 1) await elapse(20, 20)
  if (!page.text().includes(expected)) throw new Error(`"${expected}" not on the page; it shows: ${page.text()}`)
}

describeCompiledPages('compiled emergency-help and message pages in the WeChat test kit', (show) => {
  beforeEach(() => {
    phoneCalls.length = 0
    locationAsks.length = 0
  })

  afterEach(() => {
    jest.useRealTimers()
  })

  it('紧急求助 (a relative, call answered): who is on it, the numbers to call; a number tapped is dialled through makePhoneCall', async () => {
    signIn('family', 'u-family', '李明')
    answer({ 'GET /elders/e-wang/alerts': ok(elderAlerts({ open: alertOf({ status: 'acknowledged', responder: answeredBy }) })) })
    const page = show('pages/sos/index', { elderId: 'e-wang' })
    await waitForText(page, '已经发出求助')
    expect(textsOf(page, 'page-title')).toEqual(['为王秀兰紧急求助'])
    expect(textsOf(page, 'sos-status')).toEqual([`已经发出求助${formatMonthDayTime(RAISED_AT)} 王秀兰本人发出`])
    expect(textsOf(page, 'sos-responder__who')).toEqual(['社区工作者 刘晓燕 正在处理'])
    // The responder's number is a tappable line in WeChat (a `tel:` link only in the browser).
    expect(textsOf(page, 'phone-link')).toEqual(['电话 13700003333'])
    expect(page.text()).not.toContain('正在等社区的人响应')
    expect(page.text()).not.toContain('按住 2 秒')
    expect(textsOf(page, 'call-button')).toEqual([
      '急救电话 120拨打 120',
      '社区值班电话拨打 0734-8123456',
      '紧急联系人 李明（儿子）拨打 13900002222',
      '王秀兰的电话拨打 13800001111',
    ])
    expect(page.text()).toContain('您可以马上打电话给王秀兰')
    expect(page.text()).toContain('李娟 处理：血压偏高，陪去了社区医院')
    expectPageMeta(page)
    expect(page.root.querySelector('a')).toBeNull()

    page.tap('拨打 0734-8123456')
    await waitFor(() => phoneCalls.length > 0, () => `nothing dialled; the page shows: ${page.text()}`)
    page.tap('电话 13700003333')
    await waitFor(() => phoneCalls.length > 1, () => `the responder was not dialled: ${JSON.stringify(phoneCalls)}`)
    page.tap('拨打 13800001111')
    await waitFor(() => phoneCalls.length > 2, () => `the elder was not dialled: ${JSON.stringify(phoneCalls)}`)
    expect(phoneCalls).toEqual(['0734-8123456', '13700003333', '13800001111'])
    expect(writes()).toEqual([])
  })

  function openSos() {
    signIn('elder', 'e-wang', '王秀兰')
    answer({
      'GET /elders/e-wang/alerts': ok(elderAlerts()),
      [`POST ${RAISE}`]: ok({ alert: alertOf(), callNumbers: elderSideNumbers }),
      'POST /alerts/a-1/location': ok({ alert: alertOf({ location: FIX }), callNumbers: elderSideNumbers }),
    })
    return show('pages/sos/index')
  }

  it('紧急求助 (the elder, nothing open): a short press asks 要叫人来帮忙吗？; 是，马上求助 sends ONE call with an idempotency key, then the GCJ-02 location', async () => {
    const page = openSos()
    await waitForText(page, '按住 2 秒')
    expect(textsOf(page, 'page-title')).toEqual(['紧急求助'])
    expect(page.text()).toContain('按下以后，社区的人和您的家人会马上收到。')
    expect(textsOf(page, 'call-button')).toEqual(['急救电话 120拨打 120', '社区值班电话拨打 0734-8123456', '紧急联系人 李明（儿子）拨打 13900002222'])
    expectPageMeta(page)

    // A finger down and straight up: the kit sends touchstart, touchend, then the tap.
    touch(page, '按住 2 秒', 'touchstart')
    touch(page, '按住 2 秒', 'touchend')
    await waitForText(page, '要叫人来帮忙吗？')
    expect(page.text()).toContain('不用了')
    expect(page.text()).not.toContain('按住 2 秒')
    expect(writes()).toEqual([])

    page.tap('是，马上求助')
    await waitForText(page, '已经发出求助')
    expect(page.text()).toContain('正在等社区的人响应')
    expect(page.text()).toContain('社区的人会马上联系您，请把手机放在身边。')
    expect(page.text()).not.toContain('要叫人来帮忙吗？')
    expect(writesTo(RAISE)).toHaveLength(1)
    expect(writesTo(RAISE)[0]).toMatchObject({ method: 'POST', url: api(RAISE) })
    expect(keyOf(writesTo(RAISE)[0].data)).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
    // In WeChat the page asks the phone where it is, in the coordinates WeChat's map takes, and sends it after the call.
    await waitFor(() => writesTo('/alerts/a-1/location').length > 0, () => `no location sent: ${JSON.stringify(writes())}`)
    expect(locationAsks).toEqual([{ type: 'gcj02' }])
    expect(writes().map((request) => request.url)).toEqual([api(RAISE), api('/alerts/a-1/location')])
    expect(writesTo('/alerts/a-1/location')[0].data).toEqual(FIX)
  })

  it('紧急求助: held for 2 seconds it sends ONE call (继续按住… meanwhile); the finger lifted as it goes asks nothing', async () => {
    const page = openSos()
    await waitForText(page, '按住 2 秒')
    jest.useFakeTimers()

    touch(page, '按住 2 秒', 'touchstart')
    // The kit delivers the touch a moment later (promise jobs); the hold starts on the fake clock there.
    await realPause(20)
    const pressedAt = jest.now()
    await elapseUntilText(page, '继续按住…')
    await elapse(pressedAt + 1900 - jest.now())
    expect(page.text()).toContain('继续按住…')
    expect(writes()).toEqual([])

    // The two seconds are up: the call goes, and the finger comes off the button straight after.
    jest.advanceTimersByTime(pressedAt + 2000 - jest.now())
    touch(page, '继续按住…', 'touchend')
    await elapseUntilText(page, '已经发出求助')
    await elapse(1000)
    expect(page.text()).toContain('正在等社区的人响应')
    expect(page.text()).not.toContain('要叫人来帮忙吗？')
    expect(writesTo(RAISE)).toHaveLength(1)
    expect(keyOf(writesTo(RAISE)[0].data)).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
  })

  it('紧急求助: let go after 1.5 seconds sends nothing: it asks instead, and 不用了 brings the button back', async () => {
    const page = openSos()
    await waitForText(page, '按住 2 秒')
    jest.useFakeTimers()

    touch(page, '按住 2 秒', 'touchstart')
    await elapseUntilText(page, '继续按住…')
    await elapse(1500)
    touch(page, '继续按住…', 'touchend')
    await elapseUntilText(page, '要叫人来帮忙吗？')
    await elapse(3000)
    expect(page.text()).toContain('要叫人来帮忙吗？')
    expect(writes()).toEqual([])

    page.tap('不用了')
    await elapseUntilText(page, '按住 2 秒')
    await elapse(3000)
    expect(writes()).toEqual([])
  })

  it('消息: lists the messages with 新 on the unseen one, then counts them seen with ONE request; a message opens its page', async () => {
    const messageOf = (overrides: Partial<MessageView>): MessageView => ({
      messageId: 'm-1',
      topic: 'visitAssigned',
      title: '上门安排好了',
      body: '12月2日上午，保洁员 张丽 上门打扫。',
      at: '2026-12-01T01:05:00.000Z',
      read: true,
      wechat: 'sent',
      ...overrides,
    })
    signIn('family', 'u-family', '李明')
    answer({
      'GET /me/messages': ok({
        messages: [
          messageOf({ messageId: 'm-3', read: false, page: '/pages/booking/index?bookingId=b-1', elderName: '王秀兰' }),
          messageOf({ messageId: 'm-2', topic: 'orderConfirmed', title: '订餐确认了', body: '明天午餐，堂食。', wechat: 'failed' }),
          messageOf({ messageId: 'm-1', title: '心愿上墙了', body: '您的心愿已经上墙。' }),
        ],
        unread: 1,
      }),
      'POST /me/messages/read': { status: 204 },
    })
    const page = show('pages/messages/index')
    await waitForText(page, '心愿上墙了')
    expect(textsOf(page, 'page-title')).toEqual(['消息'])
    expect(textsOf(page, 'message-row__title')).toEqual(['上门安排好了', '订餐确认了', '心愿上墙了'])
    expect(textsOf(page, 'message-row__new')).toEqual(['新'])
    expect(textsOf(page, 'message-row')[0]).toContain(`新上门安排好了12月2日上午，保洁员 张丽 上门打扫。${formatMonthDayTime('2026-12-01T01:05:00.000Z')} · 王秀兰查看详情 ›`)
    expect(textsOf(page, 'message-row')[1]).toContain('微信发送失败')
    expect(textsOf(page, 'message-row').slice(1).join('')).not.toContain('新')
    expectPageMeta(page)

    await waitFor(() => writes().length > 0, () => `not marked seen; the page shows: ${page.text()}`)
    expect(writes()).toEqual([expect.objectContaining({ method: 'POST', url: api('/me/messages/read') })])

    page.tap('上门安排好了')
    await waitFor(() => navigations.length > 0, () => 'no navigation')
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/pages/booking/index?bookingId=b-1' }])
    expect(writes()).toHaveLength(1)
  })

  it('紧急求助 (worker subpackage): a waiting call with its map button and numbers; 我去处理 sends ONE acknowledge', async () => {
    signIn('worker', 'u-liu', '刘晓燕')
    const waiting = alertOf({ raisedAt: new Date(Date.now() - 6 * 60_000 - 5_000).toISOString(), level: 'centre', location: { latitude: 26.89, longitude: 112.57, accuracy: 30 } })
    const responderNumbers: CallNumber[] = [
      { label: '王秀兰的电话', phone: '13800001111' },
      { label: '紧急联系人 李明（儿子）', phone: '13900002222' },
      { label: '急救电话 120', phone: '120' },
    ]
    answer({
      'GET /me/alerts': ok({ open: [waiting], recent: [resolvedCall] }),
      'GET /alerts/a-1': ok({ alert: waiting, callNumbers: responderNumbers }),
      'POST /alerts/a-1/acknowledge': ok({ alert: { ...waiting, status: 'acknowledged', responder: answeredBy }, callNumbers: responderNumbers }),
      'GET /me/subscriptions': ok({ topics: [] }),
      'GET /communities/c-xueyuan/duty-phone': ok({ communityId: 'c-xueyuan', dutyPhone: '0734-8123456' }),
      'GET /communities/c-xueyuan/failed-notifications': ok({
        items: [{ messageId: 'm-9', recipientName: '李明', topic: 'alert', title: '紧急求助', reason: '没有订阅', at: RAISED_AT, elderName: '王秀兰' }],
      }),
    })
    const page = show('worker/alerts/index')
    await waitForText(page, '我去处理')
    // The emergency contact comes with the call, read once the card is up.
    await waitForText(page, '紧急联系人 李明（儿子）拨打 13900002222')
    await waitForText(page, '李明（关于王秀兰）')
    expect(textsOf(page, 'alert-card__name')).toEqual(['王秀兰（学院路社区）'])
    expect(textsOf(page, 'alert-card__when')).toEqual([expect.stringMatching(/^按于 \d+月\d+日 \d\d:\d\d（已等 6 分钟）$/)])
    expect(textsOf(page, 'alert-card__level')).toEqual(['已转到服务中心'])
    expect(page.text()).toContain('纬度 26.89000，经度 112.57000（误差约 30 米）')
    expect(textsOf(page, 'call-button')).toEqual(['王秀兰的电话拨打 13800001111', '紧急联系人 李明（儿子）拨打 13900002222', '急救电话 120拨打 120'])
    // Only WeChat's page offers the map and the subscribe button.
    expect(page.text()).toContain('在地图上看')
    expect(page.text()).toContain('接收紧急求助的微信提醒')
    expect(page.text()).toContain('李娟：血压偏高，陪去了社区医院')
    expect(page.text()).toContain('社区值班电话')
    expectPageMeta(page)
    // A worker's page is the dense layout.
    expect(textsOf(page, 'page--dense')).toHaveLength(1)
    expect(writes()).toEqual([])

    page.tap('我去处理')
    await waitForText(page, '好的，王秀兰的求助由您处理。')
    expect(textsOf(page, 'alert-card__responder')).toEqual(['您正在处理'])
    expect(textsOf(page, 'alert-card')[0]).not.toContain('我去处理')
    expect(writes()).toEqual([expect.objectContaining({ method: 'POST', url: api('/alerts/a-1/acknowledge') })])
  })

  it('紧急求助 (admin subpackage): a call gone up to the county, without a community of its own to keep', async () => {
    signIn('admin', 'u-admin', '周建国')
    const escalated = alertOf({ raisedAt: new Date(Date.now() - 25 * 60_000).toISOString(), level: 'county' })
    answer({
      'GET /me/alerts': ok({ open: [escalated], recent: [] }),
      'GET /alerts/a-1': ok({ alert: escalated, callNumbers: [{ label: '王秀兰的电话', phone: '13800001111' }] }),
      'GET /me/subscriptions': ok({ topics: [] }),
    })
    const page = show('admin/alerts/index')
    await waitForText(page, '已转到县级平台')
    expect(page.text()).toContain('社区和服务中心都没及时响应的求助会转到这里。')
    expect(textsOf(page, 'alert-card__name')).toEqual(['王秀兰（学院路社区）'])
    expect(textsOf(page, 'alert-card__when')).toEqual([expect.stringMatching(/（已等 2\d 分钟）$/)])
    expect(page.text()).toContain('我去处理')
    expect(page.text()).not.toContain('社区值班电话')
    expectPageMeta(page)
    expect(textsOf(page, 'page--dense')).toHaveLength(1)
    expect(requests.some((request) => request.url.includes('/communities/'))).toBe(false)
  })

  it('首页 (worker): the 紧急 banner says how many calls are open and opens the calls', async () => {
    signIn('worker', 'u-liu', '刘晓燕')
    answer({
      'GET /me': ok({ user: { userId: 'u-liu', role: 'worker', name: '刘晓燕', communityId: 'c-xueyuan' }, community: { communityId: 'c-xueyuan', name: '学院路社区', centreName: '学院路中心' } }),
      'GET /me/messages': ok({ messages: [], unread: 0 }),
      'GET /me/subscriptions': ok({ topics: [] }),
      'GET /me/alerts': ok({ open: [alertOf(), alertOf({ alertId: 'a-2', elderName: '赵德福' })], recent: [] }),
    })
    const page = show('pages/home/index')
    await waitForText(page, '有 2 位长辈在求助，点这里处理')
    expect(textsOf(page, 'alerts-banner')).toEqual(['紧急有 2 位长辈在求助，点这里处理'])
    expectPageMeta(page)

    page.tap('点这里处理')
    await waitFor(() => navigations.length > 0, () => 'no navigation')
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/worker/alerts/index' }])
  })
})
