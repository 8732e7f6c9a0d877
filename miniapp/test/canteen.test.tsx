import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CanteenPage from '../src/pages/canteen/index'
import { setCurrentElderId } from '../src/lib/session'
import { apiError, mockApi, signIn } from './api-mock'
import { menusResponse, offerOf, orderOf, today, tomorrow } from './canteen-fixtures'
import { byTestId, findByTestId } from './dom'
import { addDays, weekdayOf } from '../src/lib/format'
import { weekdayShortName } from '../src/lib/canteen'

const menusRoute = 'GET /elders/u-elder/menus'
const ordersRoute = 'POST /elders/u-elder/orders'

const inThreeDays = addDays(today, 3)
const cutOff = { orderable: false, closedReason: '已过订餐时间（09:30 截止）' }
const soldOut = { orderable: false, closedReason: '已订满' }

function weekWith(extraToday = {}) {
  return menusResponse([
    { date: today, meals: [offerOf(today, 'lunch', extraToday)] },
    { date: tomorrow, meals: [offerOf(tomorrow, 'lunch'), offerOf(tomorrow, 'dinner')] },
  ])
}

/** Today's lunch is over: the page opens on tomorrow, where the order buttons of these tests are. */
const tomorrowFirst = () => weekWith(cutOff)

const chosenDay = () => document.querySelector('[role="radio"][aria-checked="true"]')?.getAttribute('data-testid')

describe('canteen page (elder)', () => {
  beforeEach(() => signIn('elder', '王秀兰', 'u-elder'))

  it('shows each meal with its dishes in groups, tags in words, and the price reason in big text', async () => {
    const calls = mockApi({ [menusRoute]: { status: 200, body: tomorrowFirst() } })
    render(<CanteenPage />)
    const card = await findByTestId(`canteen-meal-${tomorrow}-lunch`)
    expect(byTestId('canteen-day-heading')?.textContent).toContain('（明天）')
    expect(card.textContent).toContain('午餐')
    expect(card.textContent).toContain('荤')
    expect(card.textContent).toContain('红烧肉（软烂）')
    expect(card.textContent).toContain('清炒时蔬（低盐）')
    expect(card.textContent).toContain('还剩 42 份')
    expect(card.textContent).toContain('09:30 前可以订')
    expect(byTestId(`canteen-price-${tomorrow}-lunch`)?.textContent).toBe('80岁以上 ¥8')
    // The whole week in one request.
    expect(calls).toHaveLength(1)
  })

  it('orders in the confirm view on the page: delivery by default, the price again, one idempotency key', async () => {
    const calls = mockApi({
      [menusRoute]: { status: 200, body: tomorrowFirst() },
      [ordersRoute]: { status: 201, body: { order: orderOf({ note: '饭软一点' }), replayed: false } },
    })
    render(<CanteenPage />)
    fireEvent.click(await findByTestId(`canteen-order-${tomorrow}-lunch`))

    const confirm = await findByTestId('canteen-confirm')
    expect(byTestId('canteen-confirm-price')?.textContent).toBe('80岁以上 ¥8')
    expect(byTestId('canteen-fulfilment-delivery')?.getAttribute('aria-checked')).toBe('true')
    expect(confirm.textContent).toContain('政府补贴 ¥7')
    // The week is replaced by the confirm step: no pop-up, nothing else to tap by mistake.
    expect(byTestId(`canteen-order-${tomorrow}-dinner`)).toBeNull()

    fireEvent.click(byTestId('canteen-confirm-submit')!)
    expect((await findByTestId('canteen-placed-status')).textContent).toContain('已下单')
    const post = calls.find((call) => call.method === 'POST')!
    expect(post.url).toBe('/api/elders/u-elder/orders')
    expect(post.data).toMatchObject({ date: tomorrow, meal: 'lunch', fulfilment: 'delivery' })
    expect((post.data as { idempotencyKey: string }).idempotencyKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
    expect(byTestId('canteen-placed-price')?.textContent).toContain('80岁以上 ¥8')

    fireEvent.click(byTestId('canteen-to-orders')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/orders/index' })
  })

  it('after a network failure, tapping 确认下单 again resends the SAME idempotency key', async () => {
    const calls = mockApi({
      [menusRoute]: { status: 200, body: tomorrowFirst() },
      [ordersRoute]: { status: 201, body: { order: orderOf(), replayed: true } },
    })
    render(<CanteenPage />)
    fireEvent.click(await findByTestId(`canteen-order-${tomorrow}-lunch`))
    await findByTestId('canteen-confirm')

    const request = jest.mocked(Taro.request)
    const answer = request.getMockImplementation()!
    request.mockImplementationOnce(((options: { url: string; method: string; data: unknown; header: Record<string, string> }) => {
      calls.push({ method: options.method, url: options.url, data: options.data, header: options.header })
      return Promise.reject(new Error('request:fail timeout'))
    }) as never)
    fireEvent.click(byTestId('canteen-confirm-submit')!)
    expect((await findByTestId('canteen-confirm-error')).textContent).toContain('不会重复订')

    request.mockImplementation(answer)
    fireEvent.click(byTestId('canteen-confirm-submit')!)
    await findByTestId('canteen-placed')
    const posts = calls.filter((call) => call.method === 'POST')
    expect(posts).toHaveLength(2)
    const keys = posts.map((call) => (call.data as { idempotencyKey: string }).idempotencyKey)
    expect(keys[0]).toBe(keys[1])
  })

  it("shows the server's message next to the button when the meal sold out meanwhile", async () => {
    mockApi({
      [menusRoute]: { status: 200, body: tomorrowFirst() },
      [ordersRoute]: apiError(409, 'SOLD_OUT', '已订满：这一餐的送餐上门名额没有了。'),
    })
    render(<CanteenPage />)
    fireEvent.click(await findByTestId(`canteen-order-${tomorrow}-lunch`))
    fireEvent.click(await findByTestId('canteen-confirm-submit'))
    expect((await findByTestId('canteen-confirm-error')).textContent).toContain('已订满')
    expect(byTestId('canteen-placed')).toBeNull()
  })

  it('closed meals say why instead of offering the button; ordered meals show their status', async () => {
    const week = menusResponse([
      {
        date: today,
        meals: [
          offerOf(today, 'lunch', { orderable: false, closedReason: '已过订餐时间（09:30 截止）' }),
          offerOf(today, 'dinner', { orderable: false, closedReason: '这一餐已经订好了', order: orderOf({ date: today, meal: 'dinner', status: 'confirmed', statusName: '已确认' }) }),
        ],
      },
    ])
    mockApi({ [menusRoute]: { status: 200, body: week } })
    render(<CanteenPage />)
    expect((await findByTestId(`canteen-closed-${today}-lunch`)).textContent).toContain('已过订餐时间（09:30 截止）')
    expect(byTestId(`canteen-order-${today}-lunch`)).toBeNull()
    expect(byTestId(`canteen-ordered-${today}-dinner`)?.textContent).toContain('✓ 已确认')
  })

  it('an elder who may not have meals delivered gets eating in by default, and no delivery choice', async () => {
    const week = menusResponse([{ date: tomorrow, meals: [offerOf(tomorrow, 'lunch', { fulfilmentsAllowed: ['eat_in', 'pick_up'] })] }])
    mockApi({ [menusRoute]: { status: 200, body: week } })
    render(<CanteenPage />)
    fireEvent.click(await findByTestId(`canteen-order-${tomorrow}-lunch`))
    await findByTestId('canteen-confirm')
    expect(byTestId('canteen-fulfilment-delivery')).toBeNull()
    expect(byTestId('canteen-fulfilment-eat_in')?.getAttribute('aria-checked')).toBe('true')
  })
})

describe('canteen page: one day at a time (elder)', () => {
  beforeEach(() => signIn('elder', '王秀兰', 'u-elder'))

  it('shows a big tab for each day with menus (今天, 明天, then the weekday and date, the month where it changes) and only the chosen day’s meals', async () => {
    const week = menusResponse([
      { date: today, meals: [offerOf(today, 'lunch')] },
      { date: tomorrow, meals: [offerOf(tomorrow, 'lunch'), offerOf(tomorrow, 'dinner')] },
      { date: inThreeDays, meals: [offerOf(inThreeDays, 'lunch')] },
    ])
    mockApi({ [menusRoute]: { status: 200, body: week } })
    render(<CanteenPage />)
    await findByTestId(`canteen-meal-${today}-lunch`)
    const tabs = Array.from(document.querySelectorAll('[role="radiogroup"][aria-label="看哪一天的菜单"] [role="radio"]'))
    const [month, day] = inThreeDays.split('-').slice(1).map(Number)
    const newMonth = (date: string, before: string) => date.slice(0, 7) !== before.slice(0, 7)
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      expect.stringMatching(/^✓ 今天\d+月\d+日$/),
      newMonth(tomorrow, today) ? expect.stringMatching(/^明天\d+月\d+日$/) : expect.stringMatching(/^明天\d+日$/),
      `${weekdayShortName(weekdayOf(inThreeDays))}${newMonth(inThreeDays, tomorrow) ? `${month}月` : ''}${day}日`,
    ])
    // Chosen: said by ✓ and aria-checked, not by colour alone.
    expect(chosenDay()).toBe(`canteen-day-${today}`)
    expect(byTestId(`canteen-meal-${tomorrow}-lunch`)).toBeNull()

    fireEvent.click(byTestId(`canteen-day-${tomorrow}`)!)
    expect(chosenDay()).toBe(`canteen-day-${tomorrow}`)
    expect(byTestId(`canteen-day-${tomorrow}`)?.textContent).toContain('✓ 明天')
    expect(byTestId(`canteen-day-${today}`)?.textContent).not.toContain('✓')
    expect(byTestId(`canteen-meal-${tomorrow}-lunch`)).not.toBeNull()
    expect(byTestId(`canteen-meal-${tomorrow}-dinner`)).not.toBeNull()
    expect(byTestId(`canteen-meal-${today}-lunch`)).toBeNull()
  })

  it('opens on the day of the first meal still open and points to it, never on a fully closed day before it', async () => {
    const week = menusResponse([
      { date: today, meals: [offerOf(today, 'lunch', cutOff), offerOf(today, 'dinner', soldOut)] },
      { date: tomorrow, meals: [offerOf(tomorrow, 'lunch', soldOut), offerOf(tomorrow, 'dinner')] },
      { date: inThreeDays, meals: [offerOf(inThreeDays, 'lunch')] },
    ])
    mockApi({ [menusRoute]: { status: 200, body: week } })
    const scroll = jest.spyOn(Taro, 'pageScrollTo').mockResolvedValue({ errMsg: 'pageScrollTo:ok' } as never)
    render(<CanteenPage />)
    await findByTestId(`canteen-order-${tomorrow}-dinner`)
    expect(chosenDay()).toBe(`canteen-day-${tomorrow}`)
    // At a large font the tabs fill the first screen: the page brings that meal into view, once.
    await waitFor(() => expect(scroll).toHaveBeenCalledWith({ selector: '#canteen-soonest-meal', duration: 0 }))
    expect(byTestId(`canteen-meal-${tomorrow}-dinner`)?.id).toBe('canteen-soonest-meal')
    expect(byTestId(`canteen-meal-${tomorrow}-dinner`)?.textContent).toContain('最近能订的一餐')
    expect(byTestId('canteen-soonest')?.closest('[data-testid^="canteen-meal-"]')?.getAttribute('data-testid')).toBe(`canteen-meal-${tomorrow}-dinner`)
    // The closed lunch before it is only its name and why: no dishes, no price to read past.
    const lunch = byTestId(`canteen-meal-${tomorrow}-lunch`)!
    expect(lunch.textContent).toContain('✕ 不能订：已订满')
    expect(lunch.textContent).not.toContain('红烧肉')
    // The closed day is still there, marked, and shows its meals as closed.
    expect(byTestId(`canteen-day-${today}`)?.textContent).toContain('不能订')
    fireEvent.click(byTestId(`canteen-day-${today}`)!)
    expect(byTestId(`canteen-closed-${today}-lunch`)?.textContent).toContain('已过订餐时间（09:30 截止）')
    expect(byTestId(`canteen-closed-${today}-dinner`)?.textContent).toContain('已订满')
    expect(byTestId('canteen-soonest')).toBeNull()
    expect(scroll.mock.calls.filter(([option]) => (option as { selector?: string }).selector)).toHaveLength(1)
    scroll.mockRestore()
  })

  it('opens on today while today’s dinner is still open, pointing past the lunch that closed', async () => {
    const week = menusResponse([
      { date: today, meals: [offerOf(today, 'dinner'), offerOf(today, 'lunch', cutOff)] },
      { date: tomorrow, meals: [offerOf(tomorrow, 'lunch')] },
    ])
    mockApi({ [menusRoute]: { status: 200, body: week } })
    render(<CanteenPage />)
    await findByTestId(`canteen-order-${today}-dinner`)
    expect(chosenDay()).toBe(`canteen-day-${today}`)
    const cards = Array.from(document.querySelectorAll('[data-testid^="canteen-meal-"]')).map((card) => card.getAttribute('data-testid'))
    expect(cards).toEqual([`canteen-meal-${today}-lunch`, `canteen-meal-${today}-dinner`])
    expect(byTestId(`canteen-meal-${today}-dinner`)?.textContent).toContain('最近能订的一餐')
  })

  it('a day whose meals are ordered is marked 已订 on its tab', async () => {
    const ordered = offerOf(tomorrow, 'lunch', { orderable: false, closedReason: '这一餐已经订好了', order: orderOf() })
    mockApi({ [menusRoute]: { status: 200, body: menusResponse([{ date: today, meals: [offerOf(today, 'dinner')] }, { date: tomorrow, meals: [ordered] }]) } })
    render(<CanteenPage />)
    await findByTestId(`canteen-order-${today}-dinner`)
    expect(byTestId(`canteen-day-${tomorrow}`)?.textContent).toContain('已订')
    expect(byTestId(`canteen-day-${today}`)?.textContent).not.toContain('已订')
  })

  it('keeps each dish name whole: every dish is its own element, its tags beside it', async () => {
    const offer = offerOf(tomorrow, 'lunch')
    offer.menu.dishes = [
      { name: '土豆烧牛肉', kind: 'meat', tags: ['soft', 'low_salt'] },
      { name: '红烧狮子头', kind: 'meat', tags: [] },
      { name: '清炒时蔬', kind: 'veg', tags: [] },
    ]
    mockApi({ [menusRoute]: { status: 200, body: menusResponse([{ date: tomorrow, meals: [offer] }]) } })
    render(<CanteenPage />)
    const card = await findByTestId(`canteen-meal-${tomorrow}-lunch`)
    const dishes = Array.from(card.querySelectorAll('.dish'))
    expect(dishes.map((dish) => dish.querySelector('.dish__name')?.textContent)).toEqual(['土豆烧牛肉', '红烧狮子头', '清炒时蔬'])
    expect(dishes[0].textContent).toBe('土豆烧牛肉（软烂、低盐）')
    // Dishes of a kind on one line are set apart by a full-width space, outside the dishes themselves.
    expect(dishes[0].parentElement?.textContent).toBe('土豆烧牛肉（软烂、低盐）　红烧狮子头')
  })
})

describe('canteen page: the confirm step says how it is paid and where it goes', () => {
  beforeEach(() => signIn('elder', '王秀兰', 'u-elder'))

  async function confirmTomorrowsLunch(week = menusResponse([{ date: tomorrow, meals: [offerOf(tomorrow, 'lunch')] }])) {
    mockApi({ [menusRoute]: { status: 200, body: week }, [ordersRoute]: { status: 201, body: { order: orderOf(), replayed: false } } })
    render(<CanteenPage />)
    fireEvent.click(await findByTestId(`canteen-order-${tomorrow}-lunch`))
    await findByTestId('canteen-confirm')
  }

  it('a delivery paid at the counter: the amount, handed to the driver, the address from the profile and where to change it', async () => {
    await confirmTomorrowsLunch()
    expect(byTestId('canteen-confirm-payment')?.textContent).toBe('这一餐要付 ¥8，送到时交给送餐员。')
    expect(byTestId('canteen-confirm-address')?.textContent).toBe('送到：学院路 12 号 3 栋 201')
    expect(byTestId('canteen-confirm')?.textContent).toContain('地址不对的话，请到首页的“我的资料”里改。')

    fireEvent.click(byTestId('canteen-fulfilment-eat_in')!)
    expect(byTestId('canteen-confirm-payment')?.textContent).toBe('这一餐要付 ¥8，吃饭时在食堂窗口付。')
    expect(byTestId('canteen-confirm-address')).toBeNull()
    fireEvent.click(byTestId('canteen-fulfilment-pick_up')!)
    expect(byTestId('canteen-confirm-payment')?.textContent).toBe('这一餐要付 ¥8，取餐时在食堂窗口付。')

    fireEvent.click(byTestId('canteen-confirm-submit')!)
    expect((await findByTestId('canteen-placed-payment')).textContent).toContain('这一餐要付 ¥8，送到时交给送餐员。')
  })

  it('a centre that settles monthly says nothing is paid now', async () => {
    await confirmTomorrowsLunch(menusResponse([{ date: tomorrow, meals: [offerOf(tomorrow, 'lunch')] }], { payment: 'monthly' }))
    expect(byTestId('canteen-confirm-payment')?.textContent).toBe('这一餐 ¥8，这次不用付钱，月底由服务中心统一结算。')
  })

  it('a free meal says so', async () => {
    const free = offerOf(tomorrow, 'lunch', { price: { priceFen: 0, subsidyFen: 1500, rule: 'tekun', reason: '特困 免费' } })
    await confirmTomorrowsLunch(menusResponse([{ date: tomorrow, meals: [free] }]))
    expect(byTestId('canteen-confirm-payment')?.textContent).toBe('这一餐免费，不用付钱。')
  })

  it('with no address on the profile, a delivery says to fill it in first', async () => {
    await confirmTomorrowsLunch(menusResponse([{ date: tomorrow, meals: [offerOf(tomorrow, 'lunch')] }], { deliveryAddress: '' }))
    expect(byTestId('canteen-confirm-address')).toBeNull()
    expect(byTestId('canteen-confirm-no-address')?.textContent).toContain('还没有送餐地址。请先到首页的“我的资料”里填上住址')
  })
})

describe('canteen page (family)', () => {
  it("orders for the family member's current elder and says whose meals these are", async () => {
    signIn('family', '李明', 'u-family')
    setCurrentElderId('e-wang')
    const calls = mockApi({ 'GET /elders/e-wang/menus': { status: 200, body: weekWith() } })
    render(<CanteenPage />)
    await waitFor(() => expect(byTestId('canteen-title')?.textContent).toBe('为王秀兰订餐'))
    expect(calls[0].url).toBe('/api/elders/e-wang/menus')
  })

  it('tells a relative to change the address in 长辈资料', async () => {
    signIn('family', '李明', 'u-family')
    setCurrentElderId('e-wang')
    mockApi({ 'GET /elders/e-wang/menus': { status: 200, body: menusResponse([{ date: tomorrow, meals: [offerOf(tomorrow, 'lunch')] }]) } })
    render(<CanteenPage />)
    fireEvent.click(await findByTestId(`canteen-order-${tomorrow}-lunch`))
    expect((await findByTestId('canteen-confirm-address')).textContent).toBe('送到：学院路 12 号 3 栋 201')
    expect(byTestId('canteen-confirm')?.textContent).toContain('地址不对的话，请到首页的“长辈资料”里改。')
  })
})
