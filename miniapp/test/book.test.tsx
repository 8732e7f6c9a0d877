import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setRouterParams } from './taro-shim'
import { mockApi, signIn } from './api-mock'
import { bookingOf, daysResponse, slot, today } from './care-fixtures'
import { byTestId, findByTestId, nativeInput } from './dom'
import { addDays } from '../src/lib/format'
import BookPage from '../src/pages/book/index'

const tomorrow = addDays(today, 1)
const inTwoDays = addDays(today, 2)
const daysRoute = 'GET /elders/e-wang/services/s-clean/days'
const bookRoute = 'POST /elders/e-wang/bookings'

/** Today is over and full; tomorrow has a window left; the day after too. */
const twoWeeks = () =>
  daysResponse([
    { date: today, windows: [slot('09:00', '11:00', { bookable: false, placesLeft: 0, closedReason: '已过时间' })] },
    { date: tomorrow, windows: [slot('09:00', '11:00', { bookable: false, placesLeft: 0, closedReason: '已约满' }), slot('14:00', '16:00', { placesLeft: 2 })] },
    { date: inTwoDays, windows: [slot('09:00', '11:00')] },
  ])

const chosenDay = () => document.querySelector('[role="radiogroup"][aria-label="约哪一天"] [aria-checked="true"]')?.getAttribute('data-testid')

function open() {
  signIn('family', '李明', 'u-family')
  setRouterParams({ elderId: 'e-wang', serviceId: 's-clean' })
  render(<BookPage />)
}

describe('book page', () => {
  it('opens on the soonest day with a window still open; a full window says why and cannot be chosen', async () => {
    mockApi({ [daysRoute]: { status: 200, body: twoWeeks() } })
    open()
    await findByTestId('book-window-14:00')
    expect(chosenDay()).toBe(`book-day-${tomorrow}`)
    expect(byTestId(`book-day-${today}`)?.textContent).toContain('约不了')
    expect(byTestId('book-window-14:00')?.textContent).toContain('剩 2 个名额')
    expect(byTestId('book-window-09:00')?.textContent).toContain('✕ 约不了：已约满')
    expect(byTestId('book-window-09:00')?.getAttribute('role')).toBeNull()
    // The family member sees whom they book for, and the elder's own price with why.
    expect(byTestId('book-title')?.textContent).toBe('为王秀兰预约全屋保洁')
    expect(byTestId('book-price')?.textContent).toBe('自付 ¥70')
    // Nothing is confirmed before a window is chosen.
    expect(byTestId('book-submit')).toBeNull()
  })

  it('confirm says what it books and sends ONE request with an idempotency key, then opens the booking', async () => {
    const calls = mockApi({ [daysRoute]: { status: 200, body: twoWeeks() }, [bookRoute]: { status: 201, body: { booking: bookingOf({ bookingId: 'b-new' }) } } })
    open()
    fireEvent.click(await findByTestId('book-window-14:00'))
    const facts = (await findByTestId('book-submit-facts')).textContent
    expect(facts).toContain('全屋保洁')
    expect(facts).toContain('14:00–16:00')
    expect(facts).toContain('地址：学院路 12 号 3 栋 201')
    expect(facts).toContain('自付 ¥70')

    fireEvent.input(await waitFor(() => nativeInput('book-address')), { target: { value: '学院路 12 号 3 栋 202' } })
    await waitFor(() => expect(byTestId('book-submit-facts')?.textContent).toContain('3 栋 202'))
    // A second tap while the first is on its way sends nothing more.
    fireEvent.click(byTestId('book-submit')!)
    fireEvent.click(byTestId('book-submit')!)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/booking/index?bookingId=b-new' }))

    const posts = calls.filter((call) => call.method === 'POST')
    expect(posts).toHaveLength(1)
    expect(posts[0].data).toMatchObject({ serviceId: 's-clean', date: tomorrow, windowStart: '14:00', address: '学院路 12 号 3 栋 202' })
    expect((posts[0].data as { idempotencyKey: string }).idempotencyKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
  })

  it('after a lost answer, tapping 确认预约 again resends the same key; another window gets a new one', async () => {
    const calls = mockApi({ [daysRoute]: { status: 200, body: twoWeeks() }, [bookRoute]: { status: 201, body: { booking: bookingOf(), replayed: true } } })
    open()
    fireEvent.click(await findByTestId(`book-day-${inTwoDays}`))
    fireEvent.click(await findByTestId('book-window-09:00'))
    const request = jest.mocked(Taro.request)
    const answer = request.getMockImplementation()!
    request.mockImplementationOnce(((options: { url: string; method: string; data: unknown; header: Record<string, string> }) => {
      calls.push({ method: options.method, url: options.url, data: options.data, header: options.header })
      return Promise.reject(new Error('request:fail timeout'))
    }) as never)
    fireEvent.click(await findByTestId('book-submit'))
    expect((await findByTestId('book-error')).textContent).toContain('不会重复预约')

    request.mockImplementation(answer)
    fireEvent.click(byTestId('book-submit')!)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    const keys = calls.filter((call) => call.method === 'POST').map((call) => (call.data as { idempotencyKey: string; date: string }).idempotencyKey)
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
  })
})
