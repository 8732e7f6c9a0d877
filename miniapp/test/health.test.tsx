import { render } from '@testing-library/react'
import type { HealthRecordResponse } from '@yilin/contract'
import { setRouterParams } from './taro-shim'
import { mockApi, signIn } from './api-mock'
import { byTestId, findByTestId } from './dom'
import { elderWang, summaryOf } from './fixtures'
import HealthPage from '../src/pages/health/index'

const record: HealthRecordResponse = {
  elder: summaryOf(elderWang),
  bloodPressure: [
    { at: '2026-11-03T02:00:00.000Z', date: '2026-11-03', bookingId: 'b0', systolic: 130, diastolic: 80 },
    { at: '2026-11-17T02:00:00.000Z', date: '2026-11-17', bookingId: 'b2', systolic: 152, diastolic: 96, flag: 'high', flagName: '偏高' },
  ],
  glucose: [{ at: '2026-11-17T02:00:00.000Z', date: '2026-11-17', bookingId: 'b2', value: 5.6, fasting: true }],
  pulse: [],
  temperature: [],
  weight: [],
}

describe('health page', () => {
  it("a relative sees the elder's charts, the latest readings in words with 偏高 marked, and who has looked", async () => {
    signIn('family', '李明', 'u-family')
    setRouterParams({ elderId: 'e-wang' })
    mockApi({
      'GET /elders/e-wang/health': { status: 200, body: record },
      'GET /elders/e-wang/health/reads': { status: 200, body: { reads: [{ at: '2026-11-18T01:00:00.000Z', name: '李明', roleName: '家属' }] } },
    })
    render(<HealthPage />)
    await findByTestId('health-latest')
    expect(byTestId('health-title')?.textContent).toBe('王秀兰的健康记录')
    expect(byTestId('health-pressure')?.textContent).toContain('高压（收缩压）')
    expect(byTestId('health-pressure')?.textContent).toContain('偏高')
    expect(byTestId('health-latest-bloodPressure')?.textContent).toContain('152/96 mmHg△ 偏高')
    expect(byTestId('health-latest-glucose')?.textContent).toContain('5.6 mmol/L（空腹）正常')
    expect(byTestId('health-latest-pulse')).toBeNull()
    expect(byTestId('health-reads')?.textContent).toContain('李明（家属）2026年11月18日 09:00')
  })
})
