import { fireEvent, render, waitFor } from '@testing-library/react'
import OrdersPage from '../src/pages/orders/index'
import { mockApi, signIn } from './api-mock'
import { orderOf, today } from './canteen-fixtures'
import { addDays } from '../src/lib/format'
import { byTestId, findByTestId } from './dom'

const delivered = orderOf({
  orderId: 'o-2',
  status: 'delivered',
  statusName: '已送达',
  cancellable: false,
  timeline: [
    { status: 'placed', statusName: '已下单', at: `${today}T00:12:00.000Z`, byName: '王秀兰' },
    { status: 'confirmed', statusName: '已确认', at: `${today}T00:40:00.000Z`, byName: '刘晓燕' },
    { status: 'out_for_delivery', statusName: '配送中', at: `${today}T03:20:00.000Z`, byName: '刘晓燕' },
    { status: 'delivered', statusName: '已送达', at: `${today}T03:52:00.000Z`, byName: '刘晓燕' },
  ],
})

const standing = {
  subscriptionId: 's-1',
  elderId: 'e-wang',
  meal: 'lunch',
  fulfilment: 'delivery',
  weekdays: [1, 2, 3, 4, 5],
  createdAt: '2026-11-01T00:00:00.000Z',
  recentRuns: [{ date: '2026-11-24', meal: 'lunch', outcome: 'sold_out', message: '已订满' }],
}

/** The first page of orders carries the elder and the standing orders, so the page needs one request. */
const firstPage = (items: unknown[], cursor: string | null) => ({
  status: 200,
  body: { items, cursor, elder: { elderId: 'e-wang', name: '王秀兰', age: 85, communityName: '学院路社区', subsidyCategoryVerified: 'normal', mobilityLimited: true }, subscriptions: [standing] },
})

function routes(extra = {}) {
  return {
    'GET /elders/e-wang/orders': firstPage([orderOf(), delivered], 'next-page'),
    'GET /elders/e-wang/subscriptions': { status: 200, body: { items: [standing] } },
    ...extra,
  }
}

describe('my orders', () => {
  beforeEach(() => signIn('elder', '王秀兰', 'e-wang'))

  it('shows each order with its status in words and a mark, its price reason and its timeline', async () => {
    mockApi(routes())
    render(<OrdersPage />)
    const status = await findByTestId('orders-status-o-2')
    expect(status.textContent).toBe('✔ 已送达')
    expect(byTestId('orders-status-o-1')?.textContent).toBe('○ 已下单')
    expect(byTestId('orders-price-o-2')?.textContent).toBe('80岁以上 ¥8')
    const timeline = byTestId('orders-timeline-o-2')!.textContent!
    expect(timeline).toMatch(/已下单.*08:12.*王秀兰/)
    expect(timeline).toMatch(/已确认.*08:40.*刘晓燕/)
    expect(timeline).toMatch(/已送达.*11:52.*刘晓燕/)
    expect(byTestId('orders-cancel-o-2')).toBeNull()
  })

  it('cancels after a confirm on the page', async () => {
    const calls = mockApi(
      routes({ 'POST /orders/o-1/cancel': { status: 200, body: { order: orderOf({ status: 'cancelled', statusName: '已取消', cancellable: false }) } } }),
    )
    render(<OrdersPage />)
    fireEvent.click(await findByTestId('orders-cancel-o-1'))
    expect((await findByTestId('orders-cancel-ask-o-1')).textContent).toContain('真的要取消')
    expect(calls.some((call) => call.method === 'POST')).toBe(false)
    fireEvent.click(byTestId('orders-cancel-confirm-o-1')!)
    await waitFor(() => expect(byTestId('orders-status-o-1')?.textContent).toBe('✕ 已取消'))
    expect(calls.find((call) => call.method === 'POST')?.url).toBe('/api/orders/o-1/cancel')
    expect(byTestId('orders-cancel-o-1')).toBeNull()
    // Said in words too, not only by the badge.
    expect(byTestId('orders-cancelled-o-1')?.textContent).toMatch(/已取消.*午餐.*不用付钱/)
  })

  it('opens on today and the days after, soonest first; past orders below; the year only where it is not this one', async () => {
    const year = Number(today.slice(0, 4))
    const laterThisWeek = addDays(today, 3)
    const nextYear = `${year + 1}-01-04`
    const lastWeek = addDays(today, -7)
    mockApi({
      'GET /elders/e-wang/orders': firstPage(
        [orderOf({ orderId: 'o-far', date: nextYear }), orderOf({ orderId: 'o-soon', date: laterThisWeek }), orderOf({ orderId: 'o-today', date: today }), orderOf({ orderId: 'o-old', date: lastWeek, cancellable: false })],
        null,
      ),
    })
    render(<OrdersPage />)
    await findByTestId('orders-upcoming')
    const rows = Array.from(document.querySelectorAll('[data-testid^="orders-row-"]')).map((row) => row.getAttribute('data-testid'))
    expect(rows).toEqual(['orders-row-o-today', 'orders-row-o-soon', 'orders-row-o-far', 'orders-row-o-old'])
    expect(byTestId('orders-past')).not.toBeNull()
    expect(byTestId('orders-row-o-far')?.textContent).toContain(`${year + 1}年1月4日`)
    expect(byTestId('orders-row-o-soon')?.textContent).not.toContain(`${year}年`)
  })

  it('opens with one request: the first page brings the elder and the standing orders', async () => {
    const calls = mockApi(routes())
    render(<OrdersPage />)
    await findByTestId('orders-row-o-1')
    expect(calls.map((call) => call.method + ' ' + call.url.split('?')[0])).toEqual(['GET /api/elders/e-wang/orders'])
  })

  it('loads more with the cursor', async () => {
    let pages = 0
    const calls = mockApi(
      routes({
        'GET /elders/e-wang/orders': () => {
          pages += 1
          return pages === 1 ? firstPage([orderOf()], 'next-page') : { status: 200, body: { items: [delivered], cursor: null } }
        },
      }),
    )
    render(<OrdersPage />)
    fireEvent.click(await findByTestId('orders-more'))
    await findByTestId('orders-row-o-2')
    expect(calls.filter((call) => call.url.startsWith('/api/elders/e-wang/orders')).at(-1)?.url).toContain('cursor=next-page')
    expect(byTestId('orders-more')).toBeNull()
  })

  it('lists standing orders with the days in words and what happened on recent runs; adds and removes them', async () => {
    const calls = mockApi(
      routes({
        'POST /elders/e-wang/subscriptions': {
          status: 201,
          body: { subscription: { subscriptionId: 's-2', elderId: 'e-wang', meal: 'dinner', fulfilment: 'eat_in', weekdays: [6, 7], createdAt: '', recentRuns: [] } },
        },
        'DELETE /elders/e-wang/subscriptions/s-1': { status: 204 },
      }),
    )
    render(<OrdersPage />)
    const row = await findByTestId('standing-row-s-1')
    expect(row.textContent).toContain('周一至周五 午餐')
    expect(byTestId('standing-runs-s-1')?.textContent).toContain('11月24日 午餐 已订满，没订上')

    fireEvent.click(byTestId('standing-add')!)
    await findByTestId('standing-form')
    fireEvent.click(byTestId('standing-meal-dinner')!)
    fireEvent.click(byTestId('standing-fulfilment-eat_in')!)
    for (const day of [1, 2, 3, 4, 5, 6, 7]) fireEvent.click(byTestId(`standing-day-${day}`)!)
    fireEvent.click(byTestId('standing-save')!)
    expect((await findByTestId('standing-row-s-2')).textContent).toContain('周六、周日 晚餐')
    expect(calls.find((call) => call.method === 'POST')?.data).toEqual({ meal: 'dinner', fulfilment: 'eat_in', weekdays: [6, 7] })
  })
})
