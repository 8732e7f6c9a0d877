import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { SessionResponse } from '@yilin/contract'
import ClaimPage from '../src/pages/claim/index'
import WorkerElderPage from '../src/worker/elder/index'
import { currentSession, setCurrentElderId } from '../src/lib/session'
import { setRouterParams } from './taro-shim'
import { apiError, mockApi, signIn } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { elderWang } from './fixtures'

describe('worker makes a 本人登录码 for an elder', () => {
  beforeEach(() => {
    signIn('worker', '张社工')
    setRouterParams({ elderId: 'e-wang' })
  })

  it('shows the six digits big and spaced, with how to hand them over', async () => {
    const calls = mockApi({
      'GET /elders/e-wang': { status: 200, body: { elder: elderWang, verificationHistory: [] } },
      'POST /elders/e-wang/claim-codes': { status: 201, body: { code: '305817', expiresAt: '2026-11-24T07:30:00.000Z' } },
    })
    render(<WorkerElderPage />)
    const panel = await findByTestId('claim-code-panel')
    expect(panel.textContent).toContain('长辈本人登录')
    expect(byTestId('claim-code')).toBeNull()

    fireEvent.click(byTestId('claim-code-generate')!)
    expect((await findByTestId('claim-code')).textContent).toBe('3 0 5 8 1 7')
    expect(byTestId('claim-code-rule')?.textContent).toBe(
      '请当面交给长辈本人：长辈用自己的微信打开小程序，选“我是长辈本人”，输入这 6 位数字。24小时内有效，只能用一次。',
    )
    expect(byTestId('claim-code-expiry')?.textContent).toContain('2026年11月24日 15:30')
    expect(byTestId('claim-code-generate')?.textContent).toBe('重新生成本人登录码（旧的作废）')
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.url)).toEqual(['/api/elders/e-wang/claim-codes'])
  })

  it('opens showing the claim code that still works, and 作废 revokes it', async () => {
    const calls = mockApi({
      'GET /elders/e-wang': { status: 200, body: { elder: elderWang, verificationHistory: [], liveClaimCode: { code: '305817', expiresAt: '2026-11-24T07:30:00.000Z' } } },
      'DELETE /elders/e-wang/claim-codes': { status: 204 },
    })
    render(<WorkerElderPage />)
    expect((await findByTestId('claim-code')).textContent).toBe('3 0 5 8 1 7')
    fireEvent.click(byTestId('claim-code-revoke')!)
    expect((await findByTestId('claim-code-revoked')).textContent).toContain('本人登录码已作废')
    expect(byTestId('claim-code')).toBeNull()
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.url)).toEqual(['/api/elders/e-wang/claim-codes'])
  })

  it("shows the server's message in the panel when no code can be made", async () => {
    mockApi({
      'GET /elders/e-wang': { status: 200, body: { elder: elderWang, verificationHistory: [] } },
      'POST /elders/e-wang/claim-codes': apiError(403, 'FORBIDDEN', '这位长辈不在您的社区。'),
    })
    render(<WorkerElderPage />)
    fireEvent.click(await findByTestId('claim-code-generate'))
    expect((await findByTestId('claim-code-error')).textContent).toContain('这位长辈不在您的社区')
    expect(byTestId('claim-code')).toBeNull()
  })
})

describe('我是长辈本人: a new account types in the 本人登录码', () => {
  const elderSession: SessionResponse = {
    token: 'token-elder-own',
    expiresAt: '2099-01-01T00:00:00.000Z',
    user: { userId: 'e-wang', role: 'elder', name: '王秀兰', communityId: 'c-xueyuan' },
  }

  async function typeCode(code: string) {
    const input = await waitFor(() => nativeInput('claim-code-input'))
    fireEvent.input(input, { target: { value: code } })
  }

  beforeEach(() => signIn('family', '微信用户'))

  it('refuses anything but 6 digits without calling the server', async () => {
    const calls = mockApi({})
    render(<ClaimPage />)
    await typeCode('30581')
    fireEvent.click(byTestId('claim-submit')!)
    expect((await findByTestId('claim-error')).textContent).toContain('请输入 6 位数字登录码')
    expect(calls).toHaveLength(0)
  })

  it('posts the code, keeps the new session (now the elder) and opens the elder home', async () => {
    // Left over from the family account; the elder's own account starts without it.
    setCurrentElderId('e-old')
    const calls = mockApi({ 'POST /me/claim': { status: 200, body: elderSession } })
    render(<ClaimPage />)
    await typeCode('305817')
    fireEvent.click(byTestId('claim-submit')!)

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }))
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/me/claim', data: { code: '305817' } })
    expect(calls[0].header.Authorization).toBe('Bearer token-family')
    expect(currentSession()).toEqual(elderSession)
    expect(localStorage.getItem('yilin.currentElderId')).toBeNull()
  })

  it.each([
    [404, 'CLAIM_CODE_NOT_FOUND', '登录码不对，请核对后再输一遍。'],
    [410, 'CLAIM_CODE_EXPIRED', '这个登录码已过期，请社区工作者重新生成一个。'],
    [409, 'CLAIM_NOT_ALLOWED', '这个微信已经在照看长辈，不能再作为长辈本人登录。'],
  ])('shows the server message on the page for %i %s and stays signed in as before', async (status, code, message) => {
    mockApi({ 'POST /me/claim': apiError(status, code, message) })
    render(<ClaimPage />)
    await typeCode('305817')
    fireEvent.click(byTestId('claim-submit')!)
    expect((await findByTestId('claim-error')).textContent).toContain(message)
    expect(byTestId('claim-submit')?.textContent).toBe('确定，我是长辈本人')
    expect(Taro.reLaunch).not.toHaveBeenCalled()
    expect(currentSession()?.token).toBe('token-family')
  })

  it('typing again clears the error', async () => {
    mockApi({ 'POST /me/claim': apiError(404, 'CLAIM_CODE_NOT_FOUND', '登录码不对，请核对后再输一遍。') })
    render(<ClaimPage />)
    await typeCode('305817')
    fireEvent.click(byTestId('claim-submit')!)
    await findByTestId('claim-error')
    await typeCode('30581')
    expect(byTestId('claim-error')).toBeNull()
    expect(screen.getByText('我是长辈本人')).toBeTruthy()
  })
})
