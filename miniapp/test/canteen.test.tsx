import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CanteenPage from '../src/pages/canteen/index'
import { setCurrentElderId } from '../src/lib/session'
import { apiError, mockApi, signIn } from './api-mock'
import { menusResponse, offerOf, orderOf, today, tomorrow } from './canteen-fixtures'
import { byTestId, findByTestId } from './dom'

const menusRoute = 'GET /elders/u-elder/menus'
const ordersRoute = 'POST /elders/u-elder/orders'

function weekWith(extraToday = {}) {
  return menusResponse([
    { date: today, meals: [offerOf(today, 'lunch', extraToday)] },
    { date: tomorrow, meals: [offerOf(tomorrow, 'lunch'), offerOf(tomorrow, 'dinner')] },
  ])
}

describe('canteen page (elder)', () => {
  beforeEach(() => signIn('elder', '王秀兰', 'u-elder'))

  it('shows each meal with its dishes in groups, tags in words, and the price reason in big text', async () => {
    const calls = mockApi({ [menusRoute]: { status: 200, body: weekWith() } })
    render(<CanteenPage />)
    const card = await findByTestId(`canteen-meal-${tomorrow}-lunch`)
    expect(card.textContent).toContain('明天')
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
      [menusRoute]: { status: 200, body: weekWith() },
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
      [menusRoute]: { status: 200, body: weekWith() },
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
      [menusRoute]: { status: 200, body: weekWith() },
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

describe('canteen page (family)', () => {
  it("orders for the family member's current elder and says whose meals these are", async () => {
    signIn('family', '李明', 'u-family')
    setCurrentElderId('e-wang')
    const calls = mockApi({ 'GET /elders/e-wang/menus': { status: 200, body: weekWith() } })
    render(<CanteenPage />)
    await waitFor(() => expect(byTestId('canteen-title')?.textContent).toBe('为王秀兰订餐'))
    expect(calls[0].url).toBe('/api/elders/e-wang/menus')
  })
})
