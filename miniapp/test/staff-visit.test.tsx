import { fireEvent, render, waitFor } from '@testing-library/react'
import type { BookingView } from '@yilin/contract'
import VisitPage from '../src/staff/visit/index'
import { mockApi, signIn } from './api-mock'
import { checkup, staffDayWith, today, visitor } from './care-fixtures'
import { byTestId, findByTestId, nativeInput } from './dom'
import { setRouterParams } from './taro-shim'

function visitApi(booking: BookingView, extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    'GET /bookings/b-1': { status: 200, body: { booking } },
    'GET /me/visits': { status: 200, body: staffDayWith(booking) },
    'GET /bookings/b-1/door-code': { status: 200, body: { code: '4821', date: today, windowStart: '09:00', windowEnd: '11:00', visitor } },
    ...extra,
  })
}

async function type(testId: string, value: string) {
  fireEvent.input(await waitFor(() => nativeInput(testId)), { target: { value } })
}

describe('staff visit page', () => {
  beforeEach(() => {
    signIn('staff', '张丽', 'st-zhang')
    setRouterParams({ bookingId: 'b-1' })
  })

  it('到达签到 checks in, then opens the record form', async () => {
    const calls = visitApi(checkup(), {
      'POST /bookings/b-1/check-in': { status: 200, body: { booking: checkup({ status: 'in_service', statusName: '正在服务', checkInAt: new Date().toISOString() }) } },
    })
    render(<VisitPage />)
    // The door code the elder expects, said at the door.
    expect((await findByTestId('visit-door-code-digits')).textContent).toBe('4 8 2 1')
    expect(byTestId('record-form')).toBeNull()

    fireEvent.click(byTestId('visit-check-in')!)
    await findByTestId('record-form')
    expect(calls.filter((call) => call.method !== 'GET')).toEqual([expect.objectContaining({ method: 'POST', url: '/api/bookings/b-1/check-in' })])
    expect(byTestId('visit-done')?.textContent).toContain('已签到')
    expect(byTestId('visit-facts-status')?.textContent).toBe('➜ 正在服务')
  })

  it('sends the readings as numbers and shows the server’s problem next to its field', async () => {
    const calls = visitApi(checkup({ status: 'in_service', statusName: '正在服务' }), {
      'PUT /bookings/b-1/record': {
        status: 400,
        body: {
          error: {
            code: 'INVALID_INPUT',
            message: '高压（收缩压）要比低压（舒张压）高，请重新量一次',
            details: { fields: [{ field: 'measurements.systolic', message: '高压（收缩压）要比低压（舒张压）高，请重新量一次' }] },
          },
        },
      },
    })
    render(<VisitPage />)
    await findByTestId('record-form')
    await type('record-systolic', '85')
    await type('record-diastolic', '95')
    await type('record-glucose', '6.8')
    fireEvent.click(byTestId('record-glucose-fasting-fasting')!)
    await type('record-temperature', '36.5')
    fireEvent.click(byTestId('record-save')!)

    expect((await findByTestId('record-error-measurements.systolic')).textContent).toContain('高压（收缩压）要比低压（舒张压）高')
    const sent = calls.find((call) => call.method === 'PUT')
    expect(sent).toMatchObject({ url: '/api/bookings/b-1/record' })
    // Numbers, not the text typed; what was not measured is left out.
    expect((sent!.data as { measurements: unknown }).measurements).toStrictEqual({ systolic: 85, diastolic: 95, glucose: 6.8, glucoseFasting: true, temperature: 36.5 })
    expect(byTestId('record-error-measurements.diastolic')).toBeNull()
  })
})
