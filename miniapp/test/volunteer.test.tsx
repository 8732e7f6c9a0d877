import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { CommunityChoicesResponse, MeResponse, SessionResponse, VolunteerView } from '@yilin/contract'
import HomePage from '../src/pages/home/index'
import VolunteerSignUpPage from '../src/volunteer/sign-up/index'
import CommunityVolunteersPage from '../src/worker/volunteers/index'
import { currentSession } from '../src/lib/session'
import { setRouterParams } from './taro-shim'
import { apiError, mockApi, signIn } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { privacyAccepted } from './fixtures'

const choices: CommunityChoicesResponse = {
  counties: [
    {
      countyId: 'county-1',
      name: '示范县',
      centres: [
        { centreId: 'centre-xueyuan', name: '学院路街道综合养老服务中心', communities: [{ communityId: 'c-xueyuan', name: '学院路社区' }, { communityId: 'c-dongfeng', name: '东风社区' }] },
        { centreId: 'centre-gzp', name: '古丈坪镇综合养老服务中心', communities: [{ communityId: 'c-gzp', name: '古丈坪社区' }] },
      ],
    },
  ],
}

const volunteerSession: SessionResponse = {
  token: 'token-volunteer',
  expiresAt: '2099-01-01T00:00:00.000Z',
  user: { userId: 'u-new', role: 'volunteer', name: '李华', communityId: 'c-dongfeng' },
}

const pending: VolunteerView = {
  userId: 'v-tang', name: '唐小军', phone: '13907341103', communityId: 'c-xueyuan', communityName: '学院路社区',
  status: 'pending', partyMember: false, signedUpAt: '2026-11-28T02:00:00.000Z',
}
const confirmedBy = { userId: 'u-worker', name: '刘晓燕', at: '2026-11-29T06:05:00.000Z' }
const confirmed: VolunteerView = { ...pending, userId: 'v-liu', name: '刘洋', phone: '13907341101', status: 'confirmed', confirmedBy }

describe('我是志愿者: a new account signs up', () => {
  beforeEach(() => signIn('family', '微信用户', 'u-new'))

  const type = async (testId: string, value: string) => fireEvent.input(await waitFor(() => nativeInput(testId)), { target: { value } })

  it('picks a community by service centre, and the answer signs them in as a volunteer', async () => {
    const calls = mockApi({ 'GET /communities': { status: 200, body: choices }, 'POST /volunteers': { status: 200, body: volunteerSession } })
    render(<VolunteerSignUpPage />)
    expect((await findByTestId('volunteer-community-c-gzp')).textContent).toBe('古丈坪社区')
    expect(screen.getByText('学院路街道综合养老服务中心')).toBeTruthy()
    expect((await waitFor(() => nativeInput('volunteer-name'))).value).toBe('')
    await type('volunteer-name', '李华')
    fireEvent.click(byTestId('volunteer-community-c-dongfeng')!)
    expect(byTestId('volunteer-community-c-dongfeng')!.textContent).toBe('✓ 东风社区')
    await type('volunteer-phone', '13912345678')
    fireEvent.click(byTestId('volunteer-submit')!)
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }))
    expect(calls.find((call) => call.method === 'POST')).toMatchObject({ url: '/api/volunteers', data: { name: '李华', communityId: 'c-dongfeng', phone: '13912345678' } })
    expect(currentSession()?.user.role).toBe('volunteer')
  })

  it('says what is missing or wrong without calling the server', async () => {
    const calls = mockApi({ 'GET /communities': { status: 200, body: choices } })
    render(<VolunteerSignUpPage />)
    await findByTestId('volunteer-community-c-xueyuan')
    fireEvent.click(byTestId('volunteer-submit')!)
    expect(byTestId('volunteer-error')?.textContent).toContain('请填写')
    await type('volunteer-name', '李华')
    fireEvent.click(byTestId('volunteer-submit')!)
    expect(byTestId('volunteer-error')?.textContent).toContain('请选择您所在的社区')
    fireEvent.click(byTestId('volunteer-community-c-xueyuan')!)
    await type('volunteer-phone', '07348123456')
    fireEvent.click(byTestId('volunteer-submit')!)
    expect(byTestId('volunteer-error')?.textContent).toContain('1 开头的 11 位手机号码')
    expect(calls.filter((call) => call.method === 'POST')).toEqual([])
  })

  it('shows the server’s refusal (an account that looks after elders)', async () => {
    mockApi({
      'GET /communities': { status: 200, body: choices },
      'POST /volunteers': apiError(409, 'VOLUNTEER_NOT_ALLOWED', '这个微信账号已经绑定了长辈，是家属账号，不能再报名志愿者。'),
    })
    render(<VolunteerSignUpPage />)
    await type('volunteer-name', '李华')
    fireEvent.click(await findByTestId('volunteer-community-c-xueyuan'))
    await type('volunteer-phone', '13912345678')
    fireEvent.click(byTestId('volunteer-submit')!)
    expect((await findByTestId('volunteer-error')).textContent).toContain('绑定了长辈')
    expect(Taro.reLaunch).not.toHaveBeenCalled()
  })

  it('is offered on the home page of an account with no bound elder', async () => {
    mockApi({ 'GET /me': { status: 200, body: { user: { userId: 'u-new', role: 'family', name: '李华' }, boundElders: [] } } })
    render(<HomePage />)
    fireEvent.click(await findByTestId('home-tile-volunteer-sign-up'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/volunteer/sign-up/index' })
  })
})

describe('a volunteer’s home says what they can do today', () => {
  async function renderHome(volunteer: VolunteerView) {
    signIn('volunteer', volunteer.name, volunteer.userId)
    const me: MeResponse = {
      user: { userId: volunteer.userId, role: 'volunteer', name: volunteer.name, communityId: 'c-xueyuan' },
      privacyNotice: privacyAccepted,
      community: { communityId: 'c-xueyuan', name: '学院路社区', centreName: '学院路街道综合养老服务中心' },
      volunteer,
    }
    mockApi({ 'GET /me': { status: 200, body: me } })
    render(<HomePage />)
    return (await findByTestId('home-volunteer-today')).textContent!
  }

  it('pending: 待社区确认, and that the community will call to meet them before they can help', async () => {
    const today = await renderHome(pending)
    expect(byTestId('home-volunteer-status')?.textContent).toBe('… 待社区确认')
    expect(byTestId('home-volunteer-next')?.textContent).toContain('社区工作者会打您的电话 13907341103')
    expect(today).toContain('所在社区：学院路社区')
    expect(today).toContain('认领微心愿、攒积分')
    expect(byTestId('home-volunteer-party')).toBeNull()
    expect(today).not.toMatch(/家属|家人|绑定/)
  })

  it('confirmed party member: 已确认 with who confirmed, and the 党员 badge', async () => {
    const today = await renderHome({ ...confirmed, partyMember: true })
    expect(byTestId('home-volunteer-status')?.textContent).toBe('✓ 已确认')
    expect(byTestId('home-volunteer-party')?.textContent).toContain('党员')
    expect(byTestId('home-volunteer-next')?.textContent).toContain('刘晓燕已于 2026年11月29日 14:05 确认')
    expect(today).not.toMatch(/家属|家人|绑定/)
  })
})

describe('the worker’s volunteers page', () => {
  beforeEach(() => {
    signIn('worker', '刘晓燕')
    setRouterParams({})
  })

  it('lists who waits first, confirms one, then marks a confirmed volunteer 党员', async () => {
    const calls = mockApi({
      'GET /communities/c-xueyuan/volunteers': { status: 200, body: { items: [pending, confirmed], cursor: null } },
      'POST /volunteers/v-tang/confirm': { status: 200, body: { volunteer: { ...pending, status: 'confirmed', confirmedBy } } },
      'PUT /volunteers/v-liu/party-member': { status: 200, body: { volunteer: { ...confirmed, partyMember: true } } },
    })
    render(<CommunityVolunteersPage />)
    expect((await findByTestId('worker-volunteers-waiting')).textContent).toBe('有 1 位志愿者等您确认。')
    expect(byTestId('worker-volunteer-v-tang-status')?.textContent).toBe('… 待社区确认')
    // A pending volunteer has no 党员 toggle yet.
    expect(byTestId('worker-volunteer-v-tang-party')).toBeNull()

    fireEvent.click(byTestId('worker-volunteer-v-tang-confirm')!)
    await waitFor(() => expect(byTestId('worker-volunteer-v-tang-status')?.textContent).toContain('✓ 已确认（刘晓燕'))
    expect(byTestId('worker-volunteers-waiting')?.textContent).toBe('报名的志愿者都已确认。')

    expect(byTestId('worker-volunteer-v-liu-party')?.textContent).toBe('☐ 党员：否')
    fireEvent.click(byTestId('worker-volunteer-v-liu-party')!)
    await waitFor(() => expect(byTestId('worker-volunteer-v-liu-party')?.textContent).toBe('☑ 党员：是'))
    expect(calls.find((call) => call.method === 'PUT')).toMatchObject({ url: '/api/volunteers/v-liu/party-member', data: { partyMember: true } })
  })

  it('shows a refusal beside the volunteer it concerns', async () => {
    mockApi({
      'GET /communities/c-xueyuan/volunteers': { status: 200, body: { items: [pending], cursor: null } },
      'POST /volunteers/v-tang/confirm': apiError(404, 'VOLUNTEER_NOT_FOUND', '没有找到这位志愿者。'),
    })
    render(<CommunityVolunteersPage />)
    fireEvent.click(await findByTestId('worker-volunteer-v-tang-confirm'))
    expect((await findByTestId('worker-volunteer-v-tang-error')).textContent).toContain('没有找到这位志愿者')
  })

  it('says so when nobody has signed up', async () => {
    mockApi({ 'GET /communities/c-xueyuan/volunteers': { status: 200, body: { items: [], cursor: null } } })
    render(<CommunityVolunteersPage />)
    expect((await findByTestId('worker-volunteers-empty')).textContent).toContain('还没有人报名')
  })
})
