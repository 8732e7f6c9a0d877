import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { PRIVACY_NOTICE_VERSION, type MeResponse } from '@yilin/contract'
import HomePage from '../src/pages/home/index'
import HealthPage from '../src/pages/health/index'
import VisitPage from '../src/staff/visit/index'
import { mockApi, signIn } from './api-mock'
import { checkup, healthRecord, staffDayWith, today, visitor } from './care-fixtures'
import { byTestId, findByTestId } from './dom'
import { elderWang, privacyAccepted } from './fixtures'
import { setRouterParams } from './taro-shim'

const community = { communityId: 'c-xueyuan', name: '学院路社区', centreName: '学院路街道综合养老服务中心' }
const notAccepted = { version: PRIVACY_NOTICE_VERSION, accepted: false }

async function renderHome(privacyNotice: MeResponse['privacyNotice']) {
  signIn('elder', '王秀兰', 'e-wang')
  const me: MeResponse = { user: { userId: 'e-wang', role: 'elder', name: '王秀兰', communityId: 'c-xueyuan' }, community, elder: elderWang, privacyNotice }
  const calls = mockApi({
    'GET /me': { status: 200, body: me },
    'GET /me/messages': { status: 200, body: { messages: [], unread: 0 } },
    'POST /me/consents/privacy': { status: 200, body: { version: PRIVACY_NOTICE_VERSION, accepted: true, acceptedAt: '2026-12-01T01:00:00.000Z' } },
  })
  render(<HomePage />)
  await screen.findByText(/学院路社区/)
  return calls
}

describe('the home page asks for the privacy notice in force before anything else', () => {
  it('not accepted: the notice card instead of the tiles; 同意并继续 keeps the version and opens the tiles', async () => {
    const calls = await renderHome(notAccepted)
    expect((await findByTestId('home-privacy')).textContent).toContain(PRIVACY_NOTICE_VERSION)
    expect(byTestId('home-privacy-notice')).not.toBeNull()
    expect(byTestId('home-privacy-terms')).not.toBeNull()
    expect(byTestId('home-tile-canteen')).toBeNull()
    // Emergency help never waits for the notice.
    expect(byTestId('sos-button')).not.toBeNull()

    fireEvent.click(byTestId('home-privacy-accept')!)
    await findByTestId('home-tile-canteen')
    expect(byTestId('home-privacy')).toBeNull()
    expect(calls.find((call) => call.method === 'POST')).toMatchObject({ url: '/api/me/consents/privacy', data: { version: PRIVACY_NOTICE_VERSION } })
  })

  it('不同意 says the app cannot be used and how to close the account with the community', async () => {
    await renderHome(notAccepted)
    fireEvent.click(await findByTestId('home-privacy-decline'))
    const declined = byTestId('home-privacy-declined')!.textContent
    expect(declined).toContain('不能使用颐邻')
    expect(declined).toContain('注销账号，请联系学院路社区的工作者')
    expect(byTestId('home-tile-canteen')).toBeNull()
  })

  it('accepted: no card, the tiles', async () => {
    await renderHome(privacyAccepted)
    await findByTestId('home-tile-canteen')
    expect(byTestId('home-privacy')).toBeNull()
  })
})

describe("the health page's consent card", () => {
  it('a relative gives consent for the elder; the card names who gave it, and offers 撤回', async () => {
    signIn('family', '李明', 'u-family')
    setRouterParams({ elderId: 'e-wang' })
    const calls = mockApi({
      'GET /elders/e-wang/health': { status: 200, body: healthRecord },
      'GET /elders/e-wang/health-consent': { status: 200, body: { elderId: 'e-wang', given: false } },
      'PUT /elders/e-wang/health-consent': { status: 200, body: { elderId: 'e-wang', given: true, changedAt: '2026-12-01T02:00:00.000Z', changedByName: '李明（儿子）', bySelf: false } },
    })
    render(<HealthPage />)
    expect((await findByTestId('health-consent-state')).textContent).toContain('还没有同意保存健康数据')
    fireEvent.click(byTestId('health-consent-give')!)
    await waitFor(() => expect(byTestId('health-consent-state')?.textContent).toBe('王秀兰已同意保存健康数据：2026年12月1日 10:00 李明（儿子）代为同意。'))
    expect(calls.find((call) => call.method === 'PUT')).toMatchObject({ data: { given: true } })
    expect(byTestId('health-consent-withdraw')).not.toBeNull()
  })

  it('the elder sees her own consent in words and can withdraw it, after being told her readings will be deleted; the chart loads again', async () => {
    signIn('elder', '王秀兰', 'e-wang')
    setRouterParams({ elderId: 'e-wang' })
    const calls = mockApi({
      'GET /elders/e-wang/health': { status: 200, body: healthRecord },
      'GET /elders/e-wang/health-consent': { status: 200, body: { elderId: 'e-wang', given: true, changedAt: '2026-11-01T01:00:00.000Z', changedByName: '王秀兰', bySelf: true } },
      'PUT /elders/e-wang/health-consent': { status: 200, body: { elderId: 'e-wang', given: false, changedAt: '2026-12-01T02:00:00.000Z', changedByName: '王秀兰', bySelf: true } },
    })
    render(<HealthPage />)
    expect((await findByTestId('health-consent-state')).textContent).toBe('您已同意保存健康数据：2026年11月1日 09:00 本人同意。')
    fireEvent.click(byTestId('health-consent-withdraw')!)
    // One question first, naming what goes with it; nothing is sent yet.
    expect(byTestId('health-consent-withdraw-confirm')?.textContent).toContain('已经记下的血压、血糖等读数会全部删除')
    expect(calls.some((call) => call.method === 'PUT')).toBe(false)
    const recordReads = calls.filter((call) => call.method === 'GET' && call.url.endsWith('/health')).length
    fireEvent.click(byTestId('health-consent-withdraw-confirm-yes')!)
    await waitFor(() => expect(byTestId('health-consent-state')?.textContent).toContain('您已撤回同意'))
    expect(calls.find((call) => call.method === 'PUT')).toMatchObject({ data: { given: false } })
    expect(byTestId('health-consent-done')?.textContent).toContain('已经记下的读数已删除')
    await waitFor(() => expect(calls.filter((call) => call.method === 'GET' && call.url.endsWith('/health')).length).toBe(recordReads + 1))
  })
})

describe('the staff visit page without the elder’s consent', () => {
  beforeEach(() => {
    signIn('staff', '张丽', 'st-zhang')
    setRouterParams({ bookingId: 'b-1' })
  })

  function visitApi(healthConsent: boolean) {
    const booking = checkup({ status: 'in_service', statusName: '正在服务' })
    return mockApi({
      'GET /bookings/b-1': { status: 200, body: { booking } },
      'GET /me/visits': { status: 200, body: staffDayWith(booking, healthConsent) },
      'GET /bookings/b-1/door-code': { status: 200, body: { code: '4821', date: today, windowStart: '09:00', windowEnd: '11:00', visitor } },
    })
  }

  it('says so before any number is typed, and offers no measurement fields', async () => {
    visitApi(false)
    render(<VisitPage />)
    await findByTestId('record-form')
    expect(byTestId('visit-no-health-consent')?.textContent).toContain('长辈还没有同意记录健康数据')
    expect(byTestId('record-systolic')).toBeNull()
    expect(byTestId('record-add-readings')).toBeNull()
  })

  it('with consent: no warning, the fields of a medical visit', async () => {
    visitApi(true)
    render(<VisitPage />)
    await findByTestId('record-form')
    expect(byTestId('visit-no-health-consent')).toBeNull()
    expect(byTestId('record-systolic')).not.toBeNull()
  })
})
