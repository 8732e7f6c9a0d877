import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { OrgResponse, SessionResponse, WorkerView } from '@yilin/contract'
import StaffClaimPage from '../src/pages/staff-claim/index'
import WorkersPage from '../src/admin/workers/index'
import OrgPage from '../src/admin/org/index'
import LoginPage from '../src/pages/login/index'
import { call } from '../src/api/client'
import { currentSession } from '../src/lib/session'
import { apiError, mockApi, signIn } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'

const org: OrgResponse = {
  county: { countyId: 'k', name: '示范县' },
  centres: [
    { centreId: 'ctr-a', name: '学院路中心', communities: [{ communityId: 'c-xueyuan', name: '学院路社区' }, { communityId: 'c-dongfeng', name: '东风社区' }] },
    { centreId: 'ctr-b', name: '古丈坪中心', communities: [] },
  ],
}
const liu: WorkerView = {
  userId: 'w-liu', role: 'worker', name: '刘晓燕', phone: '13907341234', communityId: 'c-xueyuan', communityName: '学院路社区',
  centreId: 'ctr-a', centreName: '学院路中心', status: 'invited', liveCode: { code: '482913', expiresAt: '2026-11-24T07:30:00.000Z' },
}

async function type(testId: string, value: string) {
  const input = await waitFor(() => nativeInput(testId))
  fireEvent.input(input, { target: { value } })
}

describe('admin: workers and service staff', () => {
  beforeEach(() => signIn('admin', '周建国'))

  it('lists each person with place, status and the unused code’s expiry', async () => {
    mockApi({ 'GET /org': { status: 200, body: org }, 'GET /workers': { status: 200, body: { items: [liu, { ...liu, userId: 'w-ma', role: 'staff', name: '马丽', communityId: undefined, communityName: undefined, status: 'active', liveCode: null }], cursor: null } } })
    render(<WorkersPage />)
    expect((await findByTestId('worker-w-liu-summary')).textContent).toBe('学院路社区（学院路中心） · 待绑定微信 · 13907341234')
    expect(byTestId('worker-w-liu-live-code')?.textContent).toContain('有未使用的岗位码，有效期到 2026年11月24日 15:30')
    expect(byTestId('worker-w-ma-summary')?.textContent).toBe('学院路中心 · 在岗 · 13907341234')
    expect(byTestId('worker-w-ma-live-code')).toBeNull()
  })

  it('adding a worker posts name, phone and community, and shows the 岗位码 large with its rule', async () => {
    const calls = mockApi({
      'GET /org': { status: 200, body: org },
      'GET /workers': { status: 200, body: { items: [], cursor: null } },
      'POST /workers': { status: 201, body: { worker: liu, code: liu.liveCode } },
    })
    render(<WorkersPage />)
    await type('add-worker-name', '刘晓燕')
    await type('add-worker-phone', '13907341234')
    fireEvent.click(byTestId('add-worker-place-c-xueyuan')!)
    fireEvent.click(byTestId('add-worker-submit')!)
    expect((await findByTestId('added-worker-code')).textContent).toBe('4 8 2 9 1 3')
    expect(byTestId('added-worker-code-rule')?.textContent).toContain('我是社区工作者/服务人员')
    expect(calls.find((c) => c.method === 'POST')?.data).toEqual({ role: 'worker', name: '刘晓燕', phone: '13907341234', communityId: 'c-xueyuan', idempotencyKey: expect.any(String) })
    expect(byTestId('worker-w-liu')).not.toBeNull()
  })

  it('service staff choose a centre; the server’s message for a field stands beside that field', async () => {
    const calls = mockApi({
      'GET /org': { status: 200, body: org },
      'GET /workers': { status: 200, body: { items: [], cursor: null } },
      'POST /workers': { status: 400, body: { error: { code: 'INVALID_INPUT', message: '手机号不对', details: { fields: [{ field: 'phone', message: '手机号不对' }] } } } },
    })
    render(<WorkersPage />)
    fireEvent.click(await findByTestId('add-worker-role-staff'))
    expect(byTestId('add-worker-place-c-xueyuan')).toBeNull()
    fireEvent.click(byTestId('add-worker-place-ctr-b')!)
    await type('add-worker-name', '马丽')
    await type('add-worker-phone', '123')
    fireEvent.click(byTestId('add-worker-submit')!)
    expect((await findByTestId('add-worker-error-phone')).textContent).toContain('手机号不对')
    expect(calls.find((c) => c.method === 'POST')?.data).toMatchObject({ role: 'staff', centreId: 'ctr-b' })
  })

  it('retiring asks on the page first (no pop-up), and only 确定离岗 sends it', async () => {
    const calls = mockApi({
      'GET /org': { status: 200, body: org },
      'GET /workers': { status: 200, body: { items: [liu], cursor: null } },
      'POST /workers/w-liu/retire': { status: 200, body: { ...liu, status: 'retired', liveCode: null } },
    })
    render(<WorkersPage />)
    fireEvent.click(await findByTestId('worker-w-liu-open'))
    fireEvent.click(byTestId('worker-w-liu-retire')!)
    expect(byTestId('worker-w-liu-retire-confirm')?.textContent).toContain('确定让刘晓燕离岗吗')
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)
    fireEvent.click(byTestId('worker-w-liu-retire-yes')!)
    expect((await findByTestId('worker-w-liu-done')).textContent).toContain('刘晓燕已离岗')
    expect(byTestId('worker-w-liu-summary')?.textContent).toContain('已离岗')
  })

  it('moving sends the chosen community; 作废 revokes the code shown', async () => {
    const calls = mockApi({
      'GET /org': { status: 200, body: org },
      'GET /workers': { status: 200, body: { items: [liu], cursor: null } },
      'PUT /workers/w-liu/place': { status: 200, body: { ...liu, communityId: 'c-dongfeng', communityName: '东风社区' } },
      'DELETE /workers/w-liu/codes': { status: 204 },
    })
    render(<WorkersPage />)
    fireEvent.click(await findByTestId('worker-w-liu-open'))
    expect(byTestId('worker-w-liu-code')?.textContent).toBe('4 8 2 9 1 3')
    fireEvent.click(byTestId('worker-w-liu-place-c-dongfeng')!)
    fireEvent.click(byTestId('worker-w-liu-move')!)
    expect((await findByTestId('worker-w-liu-done')).textContent).toContain('已调岗')
    expect(byTestId('worker-w-liu-summary')?.textContent).toContain('东风社区')
    fireEvent.click(byTestId('worker-w-liu-code-revoke')!)
    await findByTestId('worker-w-liu-code-revoked')
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(expect.arrayContaining(['PUT /api/workers/w-liu/place', 'DELETE /api/workers/w-liu/codes']))
    expect(calls.find((c) => c.method === 'PUT')?.data).toEqual({ communityId: 'c-dongfeng' })
  })
})

describe('admin: centres and communities', () => {
  beforeEach(() => signIn('admin', '周建国'))

  it('renaming a community sends the new name and shows the county again', async () => {
    let renamed = false
    const calls = mockApi({
      'GET /org': () => ({ status: 200, body: renamed ? { ...org, centres: [{ ...org.centres[0], communities: [{ communityId: 'c-xueyuan', name: '学院路新社区' }] }] } : org }),
      'PUT /communities/c-xueyuan/name': () => {
        renamed = true
        return { status: 200, body: { communityId: 'c-xueyuan', centreId: 'ctr-a', name: '学院路新社区' } }
      },
    })
    render(<OrgPage />)
    fireEvent.click(await findByTestId('org-community-c-xueyuan-rename-open'))
    await type('org-community-c-xueyuan-rename-input', '学院路新社区')
    fireEvent.click(byTestId('org-community-c-xueyuan-rename-save')!)
    expect((await findByTestId('org-community-c-xueyuan')).textContent).toContain('学院路新社区')
    expect(calls.find((c) => c.method === 'PUT')?.data).toEqual({ name: '学院路新社区' })
  })

  it('a new community needs a name before anything is sent', async () => {
    const calls = mockApi({ 'GET /org': { status: 200, body: org } })
    render(<OrgPage />)
    fireEvent.click(await findByTestId('org-new-community-ctr-b-save'))
    expect((await findByTestId('org-new-community-ctr-b-error')).textContent).toContain('请填写社区名称')
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)
  })
})

describe('我是社区工作者/服务人员: a new account types in the 岗位码', () => {
  const workerSession: SessionResponse = {
    token: 'token-worker-own',
    expiresAt: '2099-01-01T00:00:00.000Z',
    user: { userId: 'w-liu', role: 'worker', name: '刘晓燕', communityId: 'c-xueyuan', centreId: 'ctr-a' },
  }
  beforeEach(() => signIn('family', '微信用户'))

  it('posts the code, keeps the new session and opens the worker’s home', async () => {
    const calls = mockApi({ 'POST /me/staff-claim': { status: 200, body: workerSession } })
    render(<StaffClaimPage />)
    await type('staff-claim-code-input', '482913')
    fireEvent.click(byTestId('staff-claim-submit')!)
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }))
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/me/staff-claim', data: { code: '482913' } })
    expect(currentSession()).toEqual(workerSession)
  })

  it('shows the server’s message on the page and stays as before', async () => {
    mockApi({ 'POST /me/staff-claim': apiError(410, 'STAFF_CODE_EXPIRED', '岗位码已过期（24 小时内有效），请县级平台重新生成一个。') })
    render(<StaffClaimPage />)
    await type('staff-claim-code-input', '482913')
    fireEvent.click(byTestId('staff-claim-submit')!)
    expect((await findByTestId('staff-claim-error')).textContent).toContain('岗位码已过期')
    expect(currentSession()?.token).toBe('token-family')
  })
})

describe('a moved or retired worker', () => {
  it('is sent to sign in at once (no silent renewal, no loop) and told their post changed', async () => {
    signIn('worker', '刘晓燕')
    const calls = mockApi({ 'GET /me': apiError(401, 'SESSION_REVOKED', '您的岗位有变动，请重新登录。') })
    await expect(call('me/get')).rejects.toMatchObject({ status: 401, code: 'SESSION_REVOKED' })
    expect(calls).toHaveLength(1)
    expect(Taro.login).not.toHaveBeenCalled()
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
    expect(currentSession()).toBeNull()
    render(<LoginPage />)
    expect(byTestId('login-lapsed')?.textContent).toBe('您的岗位有变动，请重新登录。')
  })
})
