/**
 * The home and medical service pages of the built WeChat bundle in WeChat's own test kit (see
 * weapp-render.test.ts): what only the compiled page shows, the attributes its WXML binds on an image
 * or a canvas, one request per tap through the mini-program's own event path, a subpackage page, and
 * `<page-meta>` with the root font size from WeChat's font setting.
 */
import { addDays } from '../src/lib/format'
import { bookingOf, checkup, daysResponse, healthRecord, slot, staffDayWith, today, visitor } from './care-fixtures'
import { answer, boundAttributes, navigations, requests, selectorQueries, waitFor, waitForText, type OpenPage } from './weapp/harness'
import { describeCompiledPages, expectPageMeta, ok, signIn } from './weapp/suite'

const tomorrow = addDays(today, 1)
const api = (path: string) => `https://api.yilin.invalid${path}`
const writes = () => requests.filter((request) => request.method !== 'GET')

/** The rendered built-in components of one kind (`wx-image`, `wx-canvas`) with what their WXML bound. */
const bound = (page: OpenPage, tag: string) => Array.from(page.root.querySelectorAll(tag)).map(boundAttributes)

describeCompiledPages('compiled care pages in the WeChat test kit', (show) => {
  beforeEach(() => {
    selectorQueries.length = 0
  })

  /** Today is over; tomorrow's morning is full and its afternoon open. */
  function openBooking() {
    signIn('family', 'u-family', '李明')
    answer({
      'GET /elders/e-wang/services/s-clean/days': ok(
        daysResponse([
          { date: today, windows: [slot('09:00', '11:00', { bookable: false, placesLeft: 0, closedReason: '已过时间' })] },
          { date: tomorrow, windows: [slot('09:00', '11:00', { bookable: false, placesLeft: 0, closedReason: '已约满' }), slot('14:00', '16:00', { placesLeft: 2 })] },
        ]),
      ),
      'POST /elders/e-wang/bookings': { status: 201, body: { booking: bookingOf({ bookingId: 'b-new' }) } },
    })
    return show('pages/book/index', { elderId: 'e-wang', serviceId: 's-clean' })
  }

  it('预约: opens on the soonest open day; a window and 确认预约 send ONE booking with an idempotency key', async () => {
    const page = openBooking()
    await waitForText(page, '什么时候上门')
    expect(page.text()).toContain('为王秀兰预约全屋保洁')
    expect(page.text()).toContain('✓ 明天')
    expect(page.text()).toContain('✕ 约不了：已约满')
    expect(page.text()).not.toContain('确认预约')
    expectPageMeta(page)

    page.tap('○ 14:00–16:00')
    await waitForText(page, '确认预约')
    expect(page.text()).toContain('◉ 14:00–16:00（已选）')
    expect(page.text()).toContain('地址：学院路 12 号 3 栋 201')
    page.tap('确认预约')
    await waitFor(() => navigations.length > 0, () => `no navigation; the page shows: ${page.text()}`)
    // The mini-program renders after the navigation is asked for: the busy button shows once it has.
    await waitForText(page, '正在预约…')
    expect(navigations).toEqual([{ api: 'redirectTo', url: '/pages/booking/index?bookingId=b-new' }])
    expect(writes()).toHaveLength(1)
    expect(writes()[0]).toMatchObject({
      method: 'POST',
      url: api('/elders/e-wang/bookings'),
      data: { serviceId: 's-clean', date: tomorrow, windowStart: '14:00', address: '学院路 12 号 3 栋 201' },
    })
    expect((writes()[0].data as { idempotencyKey: string }).idempotencyKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
  })

  it('预约: a second 确认预约 before the page has re-rendered carries the same idempotency key, so it books once', async () => {
    const page = openBooking()
    await waitForText(page, '○ 14:00–16:00')
    page.tap('○ 14:00–16:00')
    await waitForText(page, '确认预约')
    // Both taps reach the page before React has rendered the first one's 正在预约… (the mini-program renders later).
    page.tap('确认预约')
    page.tap('确认预约')
    await waitFor(() => navigations.length > 0, () => `no navigation; the page shows: ${page.text()}`)
    const keys = writes().map((request) => (request.data as { idempotencyKey: string }).idempotencyKey)
    expect(keys.length).toBeGreaterThan(0)
    expect(new Set(keys).size).toBe(1)
  })

  it('预约详情: the visitor’s photo is an image of the photo URL; 查看开门暗号 asks for the code and shows its four digits', async () => {
    signIn('elder', 'e-wang', '王秀兰')
    answer({
      'GET /bookings/b-1': ok({ booking: bookingOf({ date: today, status: 'confirmed', statusName: '已安排人员', visitor, doorCodeToday: true }) }),
      'GET /bookings/b-1/door-code': ok({ code: '4827', date: today, windowStart: '09:00', windowEnd: '11:00', visitor }),
    })
    const page = show('pages/booking/index', { bookingId: 'b-1' })
    await waitForText(page, '查看开门暗号')
    expect(page.text()).toContain('工号：A012')
    expect(bound(page, 'wx-image')).toEqual([expect.objectContaining({ src: visitor.photoUrl, mode: 'aspectFill', class: 'visitor__photo' })])
    expectPageMeta(page)
    // The code is neither on screen nor asked for until the person taps.
    expect(page.text()).not.toContain('4 8 2 7')
    expect(requests.map((request) => request.url)).toEqual([api('/bookings/b-1')])

    page.tap('查看开门暗号')
    await waitForText(page, '4 8 2 7')
    expect(page.text()).toContain('上门人员会说出这 4 位数字，对上了再开门')
    expect(requests.filter((request) => request.url === api('/bookings/b-1/door-code'))).toEqual([expect.objectContaining({ method: 'GET' })])
  })

  it('健康记录: the blood pressure is drawn on a 2d canvas the page can find by id, with the latest readings in words', async () => {
    signIn('family', 'u-family', '李明')
    answer({ 'GET /elders/e-wang/health': ok(healthRecord) })
    const page = show('pages/health/index', { elderId: 'e-wang' })
    await waitForText(page, '最近一次')
    expect(page.text()).toContain('王秀兰的健康记录')
    expect(page.text()).toContain('152/96 mmHg△ 偏高')
    expect(page.text()).toContain('5.6 mmol/L（空腹）正常')
    expect(page.text()).toContain('┅●┅ 低压（舒张压）')
    expectPageMeta(page)

    expect(bound(page, 'wx-canvas')).toEqual([
      expect.objectContaining({ type: '2d', id: 'health-pressure', class: 'health-chart__canvas' }),
      expect.objectContaining({ type: '2d', id: 'health-glucose', class: 'health-chart__canvas' }),
    ])
    // A page-scoped query reaches the canvas: it is not inside one of Taro's custom components.
    expect(page.component.querySelector('#health-pressure')?.dom.tagName.toLowerCase()).toBe('wx-canvas')
    // The chart asks WeChat for the canvas node by that id (the kit has no canvas to give, so nothing is drawn).
    await waitFor(
      () => selectorQueries.some((query) => query.selector === '#health-pressure' && query.ask === 'node'),
      () => `the chart never asked for its canvas: ${JSON.stringify(selectorQueries)}`,
    )
  })

  it('上门服务 (staff subpackage): shows the door code, and 到达签到 checks in with one request', async () => {
    signIn('staff', 'st-zhang', '张丽')
    answer({
      'GET /bookings/b-1': ok({ booking: checkup() }),
      'GET /me/visits': ok(staffDayWith(checkup())),
      'GET /bookings/b-1/door-code': ok({ code: '4821', date: today, windowStart: '09:00', windowEnd: '11:00', visitor }),
      'POST /bookings/b-1/check-in': ok({ booking: checkup({ status: 'in_service', statusName: '正在服务', checkInAt: new Date().toISOString() }) }),
    })
    const page = show('staff/visit/index', { bookingId: 'b-1' })
    await waitForText(page, '到达签到')
    expect(page.text()).toContain('到门口请说出开门暗号4 8 2 1')
    expectPageMeta(page)

    page.tap('到达签到')
    await waitForText(page, '已签到，开始服务。')
    expect(page.text()).toContain('➜ 正在服务')
    expect(page.text()).toContain('服务完成签退')
    expect(writes()).toEqual([expect.objectContaining({ method: 'POST', url: api('/bookings/b-1/check-in') })])
  })
})
