import { fireEvent, render, waitFor } from '@testing-library/react'
import type { CandidateView } from '@yilin/contract'
import WorkerBookingPage from '../src/worker/booking/index'
import { saveSession } from '../src/lib/session'
import { mockApi } from './api-mock'
import { bookingOf, visitor } from './care-fixtures'
import { byTestId, findByTestId } from './dom'
import { setRouterParams } from './taro-shim'

const zhang: CandidateView = { staffId: 'st-zhang', name: '张丽', staffNumber: 'A012', free: true }
const li: CandidateView = { staffId: 'st-li', name: '李梅', staffNumber: 'A015', free: false, busyReason: '09:00–11:00 在赵德福家' }

function signInWorker() {
  saveSession({
    token: 'token-worker',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { userId: 'u-worker', role: 'worker', name: '刘晓燕', communityId: 'c-xueyuan', centreId: 'centre-xueyuan' },
  })
}

/** The booking waits for someone until it is assigned; then it is confirmed with 张丽 going. */
function dispatchApi() {
  let assigned = false
  const booking = () => (assigned ? bookingOf({ status: 'confirmed', statusName: '已安排人员', visitor }) : bookingOf())
  return mockApi({
    'GET /bookings/b-1': () => ({ status: 200, body: { booking: booking() } }),
    'GET /bookings/b-1/candidates': () => ({ status: 200, body: { booking: booking(), candidates: [li, zhang] } }),
    'POST /bookings/b-1/assign': () => {
      assigned = true
      return { status: 200, body: { booking: booking() } }
    },
  })
}

describe('worker booking page (派单)', () => {
  beforeEach(() => {
    signInWorker()
    setRouterParams({ bookingId: 'b-1' })
  })

  it('assigns a free candidate with one tap and one request, then shows the booking confirmed', async () => {
    const calls = dispatchApi()
    render(<WorkerBookingPage />)
    fireEvent.click(await findByTestId('candidate-st-zhang'))

    expect((await findByTestId('booking-done')).textContent).toContain('已安排张丽上门')
    await waitFor(() => expect(byTestId('booking-facts-status')?.textContent).toBe('✓ 已安排人员'))
    const writes = calls.filter((call) => call.method !== 'GET')
    expect(writes).toHaveLength(1)
    expect(writes[0]).toMatchObject({ method: 'POST', url: '/api/bookings/b-1/assign', data: { staffId: 'st-zhang' } })
    expect(byTestId('booking-facts-visitor')?.textContent).toContain('张丽（工号 A012）')
    // Once someone is assigned, nobody else is offered.
    expect(byTestId('candidates')).toBeNull()
  })

  it('shows a busy candidate with the reason, and tapping them sends nothing', async () => {
    const calls = dispatchApi()
    render(<WorkerBookingPage />)
    const busy = await findByTestId('candidate-st-li')

    expect(byTestId('candidate-st-li-busy')?.textContent).toContain('09:00–11:00 在赵德福家')
    // Not offered as a button to a screen reader or the keyboard either.
    expect(busy.getAttribute('role')).toBeNull()
    expect(byTestId('candidate-st-zhang')?.getAttribute('role')).toBe('button')
    fireEvent.click(busy)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(calls.filter((call) => call.method !== 'GET')).toHaveLength(0)
    expect(byTestId('booking-facts-status')?.textContent).toBe('○ 等待安排')
  })
})
