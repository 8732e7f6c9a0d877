import { render } from '@testing-library/react'
import { setRouterParams } from './taro-shim'
import { mockApi, signIn } from './api-mock'
import { byTestId, findByTestId } from './dom'
import { healthRecord } from './care-fixtures'
import HealthPage from '../src/pages/health/index'

describe('health page', () => {
  it("a relative sees the elder's charts, the latest readings in words with 偏高 marked, and who has looked", async () => {
    signIn('family', '李明', 'u-family')
    setRouterParams({ elderId: 'e-wang' })
    mockApi({
      'GET /elders/e-wang/health': { status: 200, body: { ...healthRecord, reads: [{ at: '2026-11-18T01:00:00.000Z', name: '李明', roleName: '家属' }] } },
      'GET /elders/e-wang/health-consent': { status: 200, body: { elderId: 'e-wang', given: true, changedAt: '2026-11-01T01:00:00.000Z', changedByName: '王秀兰', bySelf: true } },
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
