import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MeResponse } from '@yilin/contract'
import type { Role } from '@yilin/contract'
import HomePage from '../src/pages/home/index'
import { currentElderId, currentSession, setCurrentElderId } from '../src/lib/session'
import { mockApi, signIn } from './api-mock'
import { byTestId, findByTestId, nativeInput, tileIds } from './dom'
import { elderWang, elderZhao, privacyAccepted, summaryOf } from './fixtures'

const community = { communityId: 'c-xueyuan', name: '学院路社区', centreName: '学院路街道综合养老服务中心' }

function meFor(role: Role, extra: Partial<MeResponse> = {}): MeResponse {
  return { user: { userId: `u-${role}`, role, name: '测试用户', communityId: 'c-xueyuan' }, community, privacyNotice: privacyAccepted, ...extra }
}

async function renderHomeAs(role: Role, extra: Partial<MeResponse> = {}, more: { unread?: number; openAlerts?: number } = {}) {
  signIn(role)
  const openAlert = (index: number) => ({ alertId: `a${index}`, elderId: 'e1', elderName: '王秀兰', communityId: 'c-xueyuan', communityName: '学院路社区', elderPhone: '13800000000', elderAddress: '学院路 1 号', status: 'open', level: 'community', raisedAt: '2026-11-30T01:00:00.000Z', raisedByName: '本人' })
  const calls = mockApi({
    'GET /me': { status: 200, body: meFor(role, extra) },
    'GET /me/messages': { status: 200, body: { messages: [], unread: more.unread ?? 0 } },
    'GET /me/alerts': { status: 200, body: { open: Array.from({ length: more.openAlerts ?? 0 }, (_, index) => openAlert(index)), recent: [] } },
    'PUT /me/name': (data) => ({
      status: 200,
      body: { token: 'tok-named', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { userId: `u-${role}`, role, name: (data as { name: string }).name } },
    }),
  })
  render(<HomePage />)
  await screen.findByText(/学院路社区/)
  return calls
}

describe('home page shows only the tiles of features that work for the role', () => {
  it('elder: canteen, my orders, my profile and family binding', async () => {
    await renderHomeAs('elder', { elder: elderWang })
    expect(tileIds()).toEqual(['home-tile-canteen', 'home-tile-orders', 'home-tile-services', 'home-tile-health', 'home-tile-wishes', 'home-tile-profile', 'home-tile-binding', 'home-tile-messages', 'home-tile-account'])
    // The emergency button comes first, above every tile, with a way to the numbers without pressing it.
    expect(byTestId('sos-button')).not.toBeNull()
    expect(byTestId('home-sos-page')?.textContent).toContain('120')
    expect(byTestId('home-greeting')?.textContent).toContain('测试用户')
    expect(byTestId('home-community')?.textContent).toContain('长辈')
  })

  it('elder: a relative bound this week is named with the time, with where to remove them', async () => {
    await renderHomeAs('elder', { elder: elderWang, newBindings: [{ familyId: 'f-chen', name: '陈静', relation: 'daughterInLaw', boundAt: '2026-11-29T06:05:00.000Z' }] })
    expect(byTestId('home-new-binding-f-chen')?.textContent).toBe('陈静（儿媳），2026年11月29日 14:05 绑定')
    expect(byTestId('home-new-bindings')?.textContent).toContain('家人绑定')
  })

  it('family: the elder being looked after is named with what the relative calls her', async () => {
    await renderHomeAs('family', { boundElders: [{ ...summaryOf(elderWang), relation: 'son' }] })
    expect(byTestId('home-current-elder')?.textContent).toBe('王秀兰（母亲）')
  })

  it('a new account still called 微信用户 is asked what to call them; the name is saved and the greeting uses it', async () => {
    const calls = await renderHomeAs('family', { boundElders: [], user: { userId: 'u-new', role: 'family', name: '微信用户', needsName: true } })
    const ask = await findByTestId('home-ask-name')
    expect(ask.textContent).toContain('怎么称呼您')
    fireEvent.input(await waitFor(() => nativeInput('home-name-input')), { target: { value: '王建国' } })
    fireEvent.click(byTestId('home-name-save')!)
    await waitFor(() => expect(byTestId('home-ask-name')).toBeNull())
    expect(calls.find((call) => call.method === 'PUT')).toMatchObject({ url: '/api/me/name', data: { name: '王建国' } })
    expect(byTestId('home-greeting')?.textContent).toContain('王建国')
    expect(currentSession()?.user.name).toBe('王建国')
  })

  it('every role has 我的账号', async () => {
    await renderHomeAs('worker', {})
    expect(byTestId('home-tile-account')?.textContent).toContain('我的账号')
  })

  it('elder: no new binding, no notice', async () => {
    await renderHomeAs('elder', { elder: elderWang, newBindings: [] })
    expect(byTestId('home-new-bindings')).toBeNull()
  })

  it("family with a bound elder: elder switcher, the elder's canteen, orders, services and health record, elder profile, bind another elder", async () => {
    await renderHomeAs('family', { boundElders: [summaryOf(elderWang)] })
    expect(tileIds()).toEqual([
      'home-tile-sos',
      'home-tile-canteen',
      'home-tile-orders',
      'home-tile-services',
      'home-tile-health',
      'home-tile-wishes',
      'home-tile-elder-profile',
      'home-tile-bind-elder',
      'home-tile-messages',
      'home-tile-account',
    ])
    fireEvent.click(byTestId('home-tile-sos')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/sos/index?elderId=e-wang' })
    expect(byTestId('home-tile-canteen')?.textContent).toContain('王秀兰')
    expect(byTestId('home-tile-orders')?.textContent).toContain('王秀兰的订单')
    // Services and health are the elder's: the family member sees whose.
    expect(byTestId('home-tile-services')?.textContent).toContain('给王秀兰约')
    expect(byTestId('home-tile-health')?.textContent).toContain('王秀兰的健康记录')
    fireEvent.click(byTestId('home-tile-health')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/health/index' })
    expect(byTestId('home-current-elder')?.textContent).toBe('王秀兰')
  })

  it('family with no bound elder: asks 我是家属 or 我是长辈本人, each opening its code page', async () => {
    await renderHomeAs('family', { boundElders: [] })
    expect(tileIds()).toEqual(['home-tile-bind-elder', 'home-tile-claim', 'home-tile-volunteer-sign-up', 'home-tile-staff-claim', 'home-tile-account'])
    expect(byTestId('home-no-elder')?.textContent).toContain('还没有绑定长辈')
    expect(byTestId('home-tile-bind-elder')?.textContent).toBe('我是家属输入长辈给的 6 位邀请码')
    expect(byTestId('home-tile-claim')?.textContent).toBe('我是长辈本人输入社区给的 6 位登录码')
    expect(byTestId('home-elder-switcher')).toBeNull()

    fireEvent.click(byTestId('home-tile-bind-elder')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/binding/index' })
    fireEvent.click(byTestId('home-tile-claim')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/claim/index' })
    expect(byTestId('home-tile-staff-claim')?.textContent).toBe('我是社区工作者/服务人员输入县级平台给的 6 位岗位码')
    fireEvent.click(byTestId('home-tile-staff-claim')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/staff-claim/index' })
  })

  it('worker: canteen board, menus, subsidy statement, the community elders list, and dispatch, services and staff of home visits', async () => {
    await renderHomeAs('worker')
    expect(tileIds()).toEqual([
      'home-tile-alerts',
      'home-tile-dashboard',
      'home-tile-board',
      'home-tile-menus',
      'home-tile-statement',
      'home-tile-community-elders',
      'home-tile-volunteers',
      'home-tile-dispatch',
      'home-tile-care-services',
      'home-tile-centre-staff',
      'home-tile-worker-wishes',
      'home-tile-store',
      'home-tile-audit',
      'home-tile-messages',
      'home-tile-account',
    ])
    fireEvent.click(byTestId('home-tile-dispatch')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/worker/dispatch/index' })
  })

  it('admin: subsidy statements and the county overview', async () => {
    await renderHomeAs('admin')
    expect(tileIds()).toEqual(['home-tile-alerts', 'home-tile-county-dashboard', 'home-tile-report', 'home-tile-statement', 'home-tile-county', 'home-tile-org', 'home-tile-workers', 'home-tile-audit', 'home-tile-messages', 'home-tile-account'])
  })

  it('worker: open emergency calls come first, as a banner in words; none, no banner', async () => {
    await renderHomeAs('worker', {}, { openAlerts: 2 })
    const banner = await findByTestId('home-alerts-banner')
    expect(banner.textContent).toContain('2 位长辈')
    fireEvent.click(banner)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/worker/alerts/index' })
  })

  it('the messages tile says how many are new', async () => {
    await renderHomeAs('elder', { elder: elderWang }, { unread: 3 })
    await waitFor(() => expect(byTestId('home-tile-messages')?.textContent).toContain('3 条新的'))
    fireEvent.click(byTestId('home-tile-messages')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/messages/index' })
  })

  it("service staff: the day's visits and their account", async () => {
    await renderHomeAs('staff')
    expect(tileIds()).toEqual(['home-tile-staff-day', 'home-tile-messages', 'home-tile-account'])
    fireEvent.click(byTestId('home-tile-staff-day')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/staff/index' })
  })

  it('volunteer: in words what a volunteer can do now, and the wishes on the wall (the states: volunteer.test.tsx, volunteer-wishes.test.tsx)', async () => {
    await renderHomeAs('volunteer')
    expect(tileIds()).toEqual(['home-tile-wall', 'home-tile-messages', 'home-tile-account'])
    const today = byTestId('home-volunteer-today')!.textContent!
    expect(today).toContain('微心愿')
    expect(today).not.toMatch(/家属|家人|绑定/)
  })

  it('a tile opens its page', async () => {
    await renderHomeAs('worker')
    fireEvent.click(byTestId('home-tile-community-elders')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/worker/elders/index' })
  })

  it('signing out forgets the session and returns to sign-in', async () => {
    await renderHomeAs('elder', { elder: elderWang })
    fireEvent.click(byTestId('home-sign-out')!)
    expect(currentSession()).toBeNull()
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
  })
})

describe('family elder switcher', () => {
  it('shows the elder chosen last, in big text, and opens the picker on tap', async () => {
    setCurrentElderId('e-zhao')
    await renderHomeAs('family', { boundElders: [summaryOf(elderWang), elderZhao] })
    const switcher = await findByTestId('home-elder-switcher')
    expect(byTestId('home-current-elder')?.textContent).toBe('赵德福')
    expect(switcher.textContent).toContain('共 2 位长辈')

    fireEvent.click(switcher)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/elders/index' })
  })

  it('falls back to the first bound elder when the stored choice is no longer bound', async () => {
    setCurrentElderId('e-unbound')
    await renderHomeAs('family', { boundElders: [elderZhao, summaryOf(elderWang)] })
    expect(byTestId('home-current-elder')?.textContent).toBe('赵德福')
    expect(currentElderId()).toBe('e-zhao')
  })
})

describe('session expiry', () => {
  it('a 401 from the API clears the session and goes to sign-in', async () => {
    signIn('elder')
    mockApi({ 'GET /me': { status: 401, body: { error: { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录。' } } } })
    render(<HomePage />)
    expect(await screen.findByText(/登录已过期/)).toBeTruthy()
    expect(currentSession()).toBeNull()
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
  })
})
