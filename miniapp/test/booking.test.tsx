import { fireEvent, render, waitFor } from '@testing-library/react'
import { setRouterParams } from './taro-shim'
import { mockApi, signIn } from './api-mock'
import { bookingOf, today, visitor } from './care-fixtures'
import { byTestId, findByTestId, nativeInput } from './dom'
import BookingPage from '../src/pages/booking/index'

const bookingRoute = 'GET /bookings/b-1'
const doorCodeRoute = 'GET /bookings/b-1/door-code'
const ratingRoute = 'POST /bookings/b-1/rating'

function open() {
  signIn('elder', '王秀兰', 'e-wang')
  setRouterParams({ bookingId: 'b-1' })
  render(<BookingPage />)
}

const visitToday = bookingOf({ date: today, status: 'confirmed', statusName: '已安排人员', visitor, doorCodeToday: true })

describe('booking page: who comes to the door', () => {
  it('shows the visitor with photo, name and 工号, and the door code only after 查看开门暗号 is tapped', async () => {
    const calls = mockApi({
      [bookingRoute]: { status: 200, body: { booking: visitToday } },
      [doorCodeRoute]: { status: 200, body: { code: '4827', date: today, windowStart: '09:00', windowEnd: '11:00', visitor } },
    })
    open()
    const card = await findByTestId('booking-visitor')
    expect(card.textContent).toContain('张丽')
    expect(byTestId('booking-visitor-number')?.textContent).toBe('工号：A012')
    expect(byTestId('booking-visitor-photo')).not.toBeNull()
    // Not on screen, not even asked for, until the person taps.
    expect(byTestId('booking-door-code')).toBeNull()
    expect(card.textContent).not.toContain('4827')
    expect(calls.some((call) => call.url.endsWith('/door-code'))).toBe(false)

    fireEvent.click(byTestId('booking-show-door-code')!)
    expect((await findByTestId('booking-door-code-digits')).textContent).toBe('4 8 2 7')
    expect(byTestId('booking-door-code')?.textContent).toContain('上门人员会说出这 4 位数字，对上了再开门')
    expect(calls.filter((call) => call.url.endsWith('/door-code'))).toHaveLength(1)
  })

  it('before the visit day there is no door-code button, only when it will show', async () => {
    mockApi({ [bookingRoute]: { status: 200, body: { booking: { ...visitToday, date: bookingOf().date, doorCodeToday: false } } } })
    open()
    expect((await findByTestId('booking-door-code-later')).textContent).toContain('上门那天')
    expect(byTestId('booking-show-door-code')).toBeNull()
  })
})

describe('booking page: rating a completed visit', () => {
  const completed = bookingOf({ status: 'completed', statusName: '已完成', visitor, cancellable: false, rateable: true })

  it('five big star choices with words; the chosen stars and comment are sent and then shown', async () => {
    const calls = mockApi({
      [bookingRoute]: { status: 200, body: { booking: completed } },
      [ratingRoute]: (data) => ({
        status: 200,
        body: { booking: { ...completed, rateable: false, rating: { ...(data as { stars: number; comment: string }), at: `${today}T06:00:00.000Z`, byName: '王秀兰' } } },
      }),
    })
    open()
    await findByTestId('booking-rate')
    expect(byTestId('booking-rate-1')?.textContent).toContain('很不满意')
    expect(byTestId('booking-rate-5')?.textContent).toContain('非常满意')

    fireEvent.click(byTestId('booking-rate-4')!)
    expect(byTestId('booking-rate-4')?.getAttribute('aria-checked')).toBe('true')
    expect(byTestId('booking-rate-4')?.textContent).toContain('✓ ★★★★☆ 满意')
    fireEvent.input(await waitFor(() => nativeInput('booking-rate-comment')), { target: { value: '很细心' } })
    fireEvent.click(byTestId('booking-rate-submit')!)

    expect((await findByTestId('booking-rating-stars')).textContent).toBe('★★★★☆ 满意')
    expect(byTestId('booking-rating-comment')?.textContent).toBe('很细心')
    expect(byTestId('booking-rate')).toBeNull()
    const post = calls.find((call) => call.method === 'POST')!
    expect(post.url).toBe('/api/bookings/b-1/rating')
    expect(post.data).toEqual({ stars: 4, comment: '很细心' })
  })

  it('submitting without choosing stars asks for them and sends nothing', async () => {
    const calls = mockApi({ [bookingRoute]: { status: 200, body: { booking: completed } } })
    open()
    fireEvent.click(await findByTestId('booking-rate-submit'))
    expect((await findByTestId('booking-rate-error')).textContent).toContain('选几颗星')
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0)
  })
})

describe('booking page: cancelling', () => {
  it('asks once more before cancelling, then shows the booking as cancelled', async () => {
    const calls = mockApi({
      [bookingRoute]: { status: 200, body: { booking: bookingOf() } },
      'POST /bookings/b-1/cancel': { status: 200, body: { booking: bookingOf({ status: 'cancelled', statusName: '已取消', cancellable: false }) } },
    })
    open()
    fireEvent.click(await findByTestId('booking-cancel'))
    expect(byTestId('booking-cancel-ask')?.textContent).toContain('真的要取消')
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0)
    fireEvent.click(byTestId('booking-cancel-ask-yes')!)
    await waitFor(() => expect(byTestId('booking-facts-status')?.textContent).toContain('已取消'))
    expect(byTestId('booking-done')?.textContent).toContain('已取消')
    expect(byTestId('booking-cancel')).toBeNull()
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1)
  })
})
