import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import LoginPage from '../src/pages/login/index'
import { currentSession } from '../src/lib/session'
import { mockApi } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'

const accounts = [
  { userId: 'demo-elder-wang', role: 'elder', name: '王秀兰', description: '79 岁，独居，行动不便' },
  { userId: 'demo-family-li', role: 'family', name: '李明', description: '王秀兰的儿子，在深圳工作' },
  { userId: 'demo-worker-zhang', role: 'worker', name: '张芳', description: '学院路社区工作者' },
  { userId: 'demo-admin', role: 'admin', name: '县养老服务中心', description: '县级平台' },
]


describe('sign-in page (H5, local stage)', () => {
  it('lists the demo accounts grouped under Chinese role names, with their descriptions', async () => {
    mockApi({ 'GET /auth/demo-accounts': { status: 200, body: { accounts } } })
    render(<LoginPage />)

    await screen.findByText('王秀兰')
    expect(byTestId('login-group-elder')?.textContent).toContain('长辈')
    expect(byTestId('login-group-family')?.textContent).toContain('家属')
    expect(byTestId('login-group-worker')?.textContent).toContain('社区工作者')
    expect(byTestId('login-group-admin')?.textContent).toContain('县级平台')
    // No volunteer account in the list, so no empty volunteer group either.
    expect(byTestId('login-group-volunteer')).toBeNull()
    expect(byTestId('login-account-demo-family-li')?.textContent).toContain('在深圳工作')
  })

  it('signs in as the chosen account, stores the session and opens home', async () => {
    const calls = mockApi({
      'GET /auth/demo-accounts': { status: 200, body: { accounts } },
      'POST /auth/demo': (data) => ({
        status: 200,
        body: {
          token: 'tok-1',
          expiresAt: new Date(Date.now() + 3600_000).toISOString(),
          user: { userId: (data as { userId: string }).userId, role: 'family', name: '李明' },
        },
      }),
    })
    render(<LoginPage />)
    await screen.findByText('李明')

    fireEvent.click(byTestId('login-account-demo-family-li')!)

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }))
    expect(calls.find((call) => call.method === 'POST')?.data).toEqual({ userId: 'demo-family-li' })
    expect(currentSession()?.token).toBe('tok-1')
    expect(currentSession()?.user.name).toBe('李明')
  })

  it('explains plainly when demo accounts do not exist (not the local stage)', async () => {
    mockApi({})
    render(<LoginPage />)
    const notice = await waitFor(() => {
      const element = byTestId('login-demo-unavailable')
      expect(element).not.toBeNull()
      return element!
    })
    expect(notice.textContent).toContain('在微信里打开')
  })

  it('shows a Chinese message when the network is down', async () => {
    jest.mocked(Taro.request).mockRejectedValue({ errMsg: 'request:fail' })
    render(<LoginPage />)
    expect(await screen.findByText(/网络连不上/)).toBeTruthy()
  })
})

describe('sign-in page (WeChat)', () => {
  const newAccount = {
    token: 'tok-new',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { userId: 'u-new', role: 'family', name: '微信用户', needsName: true },
  }
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
    jest.mocked(Taro.login).mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' } as never)
  })
  afterEach(() => {
    process.env.TARO_ENV = 'h5'
  })

  it('signing in needs the box ticked: consent is never assumed', async () => {
    mockApi({})
    render(<LoginPage />)
    expect(byTestId('login-agree')?.textContent).toMatch(/^☐ 我已阅读并同意/)
    fireEvent.click(byTestId('login-wechat')!)
    expect((await findByTestId('login-error')).textContent).toContain('同意的话在上面打勾')
    expect(Taro.login).not.toHaveBeenCalled()
  })

  it('the privacy notice and user agreement are one tap away', () => {
    mockApi({})
    render(<LoginPage />)
    fireEvent.click(byTestId('login-privacy')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/legal/index?doc=privacy' })
    fireEvent.click(byTestId('login-terms')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/legal/index?doc=terms' })
  })

  it('a first sign-in asks what to call the person, saves it, and only then goes home', async () => {
    const calls = mockApi({
      'POST /auth/wechat': { status: 200, body: newAccount },
      'PUT /me/name': (data) => ({
        status: 200,
        body: { ...newAccount, token: 'tok-named', user: { userId: 'u-new', role: 'family', name: (data as { name: string }).name } },
      }),
    })
    render(<LoginPage />)
    fireEvent.click(byTestId('login-agree')!)
    fireEvent.click(byTestId('login-wechat')!)
    expect((await findByTestId('login-first-name')).textContent).toContain('怎么称呼您')
    expect(Taro.reLaunch).not.toHaveBeenCalled()

    // Choosing the WeChat nickname fills the box without an input event: the value arrives on blur.
    fireEvent.blur(await waitFor(() => nativeInput('login-name-input')), { target: { value: '王建国' } })
    fireEvent.click(byTestId('login-name-save')!)
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }))
    expect(calls.find((call) => call.method === 'PUT')).toMatchObject({ url: '/api/me/name', data: { name: '王建国' } })
    expect(currentSession()).toMatchObject({ token: 'tok-named', user: { name: '王建国' } })
  })

  it('someone already named goes straight home', async () => {
    mockApi({ 'POST /auth/wechat': { status: 200, body: { ...newAccount, user: { userId: 'u-li', role: 'family', name: '李明' } } } })
    render(<LoginPage />)
    fireEvent.click(byTestId('login-agree')!)
    fireEvent.click(byTestId('login-wechat')!)
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }))
    expect(byTestId('login-first-name')).toBeNull()
  })
})
