import { cleanup, fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CanteenPage from '../src/pages/canteen/index'
import LoginPage from '../src/pages/login/index'
import { call } from '../src/api/client'
import { currentSession, interrupted } from '../src/lib/session'
import { apiError, mockApi, signIn, type RecordedCall } from './api-mock'
import { menusResponse, offerOf, orderOf, tomorrow } from './canteen-fixtures'
import { byTestId, findByTestId, nativeInput } from './dom'

const menusRoute = 'GET /elders/u-elder/menus'
const ordersRoute = 'POST /elders/u-elder/orders'
const week = menusResponse([{ date: tomorrow, meals: [offerOf(tomorrow, 'lunch'), offerOf(tomorrow, 'dinner')] }])
const expired = apiError(401, 'SESSION_EXPIRED', '登录已过期，请重新登录。')

const sessionOf = (token: string, userId = 'u-elder') => ({
  token,
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { userId, role: 'elder', name: '王秀兰', communityId: 'c-xueyuan' },
})

/** An answer that refuses the old token and serves the renewed one. */
const withToken = (token: string, reply: { status: number; body?: unknown }) => (call: RecordedCall) =>
  call.header.Authorization === `Bearer ${token}` ? reply : expired

/** Like `mockApi`, but the reply also sees the request's headers. */
function mockServer(routes: Record<string, (call: RecordedCall) => { status: number; body?: unknown }>): RecordedCall[] {
  const calls: RecordedCall[] = []
  jest.mocked(Taro.request).mockImplementation(((options: RecordedCall) => {
    const recorded = { method: options.method, url: options.url, data: options.data, header: options.header }
    calls.push(recorded)
    const reply = routes[`${options.method} ${options.url.replace(/^\/api/, '').split('?')[0]}`]
    const { status, body } = reply ? reply(recorded) : { status: 404, body: undefined }
    return Promise.resolve({ statusCode: status, data: body ?? '' })
  }) as never)
  return calls
}

const keyOf = (call: RecordedCall) => (call.data as { idempotencyKey: string }).idempotencyKey

async function openConfirm() {
  render(<CanteenPage />)
  fireEvent.click(await findByTestId(`canteen-order-${tomorrow}-lunch`))
  await findByTestId('canteen-confirm')
}

describe('in WeChat a lapsed session is renewed without a word', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
    signIn('elder', '王秀兰', 'u-elder')
    jest.mocked(Taro.login).mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' } as never)
  })
  afterEach(() => {
    process.env.TARO_ENV = 'h5'
  })

  it('an order refused for its session is sent once more with the new token and the same idempotency key, and placed once', async () => {
    const calls = mockServer({
      [menusRoute]: () => ({ status: 200, body: week }),
      'POST /auth/wechat': () => ({ status: 200, body: sessionOf('token-renewed') }),
      [ordersRoute]: withToken('token-renewed', { status: 201, body: { order: orderOf(), replayed: false } }),
    })
    await openConfirm()
    fireEvent.click(byTestId('canteen-confirm-submit')!)
    await findByTestId('canteen-placed')

    const orders = calls.filter((c) => c.url.endsWith('/orders'))
    expect(orders.map((c) => c.header.Authorization)).toEqual(['Bearer token-elder', 'Bearer token-renewed'])
    expect(keyOf(orders[0])).toBe(keyOf(orders[1]))
    expect(calls.filter((c) => c.url.endsWith('/auth/wechat')).map((c) => c.data)).toEqual([{ code: 'wx-code-1' }])
    expect(currentSession()?.token).toBe('token-renewed')
    expect(Taro.reLaunch).not.toHaveBeenCalled()
  })

  it('two requests refused together wait for one renewal, then both are answered', async () => {
    const calls = mockServer({
      [menusRoute]: withToken('token-renewed', { status: 200, body: week }),
      'GET /me': withToken('token-renewed', { status: 200, body: { user: sessionOf('x').user } }),
      'POST /auth/wechat': () => ({ status: 200, body: sessionOf('token-renewed') }),
    })
    const [menus, me] = await Promise.all([call('canteen/elder-menus', { params: { elderId: 'u-elder' } }), call('me/get')])
    expect(menus.centreName).toBe(week.centreName)
    expect(me.user.userId).toBe('u-elder')
    expect(Taro.login).toHaveBeenCalledTimes(1)
    expect(calls.filter((c) => c.url.endsWith('/auth/wechat'))).toHaveLength(1)
    const tokens = calls.filter((c) => !c.url.endsWith('/auth/wechat')).map((c) => `${c.url} ${c.header.Authorization}`)
    expect(tokens.sort()).toEqual([
      '/api/elders/u-elder/menus Bearer token-elder',
      '/api/elders/u-elder/menus Bearer token-renewed',
      '/api/me Bearer token-elder',
      '/api/me Bearer token-renewed',
    ])
  })

  it('a request refused again after renewal is not sent a third time: the person signs in', async () => {
    const calls = mockServer({
      'GET /me': () => expired,
      'POST /auth/wechat': () => ({ status: 200, body: sessionOf('token-renewed') }),
    })
    await expect(call('me/get')).rejects.toMatchObject({ status: 401 })
    expect(calls.filter((c) => c.url.endsWith('/me'))).toHaveLength(2)
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
  })

  it('when renewal fails the person is sent to sign in, told why, and told the order in hand is kept', async () => {
    mockServer({
      [menusRoute]: () => ({ status: 200, body: week }),
      'POST /auth/wechat': () => apiError(401, 'WECHAT_CODE_INVALID', '微信登录凭证已失效，请重新打开小程序再登录。'),
      [ordersRoute]: () => expired,
    })
    await openConfirm()
    fireEvent.click(byTestId('canteen-confirm-submit')!)
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }))
    expect(Taro.reLaunch).toHaveBeenCalledTimes(1)
    expect(currentSession()).toBeNull()

    render(<LoginPage />)
    expect(byTestId('login-lapsed')?.textContent).toBe('登录已过期，请重新登录。刚才填写的内容已为您保留，登录后会回到原来的页面。')
  })

  it('a lost network while renewing keeps the session, so 确认下单 can simply be tapped again', async () => {
    mockServer({ [menusRoute]: () => ({ status: 200, body: week }), [ordersRoute]: () => expired })
    await openConfirm()
    jest.mocked(Taro.request).mockImplementation(((options: RecordedCall) =>
      options.url.endsWith('/auth/wechat') ? Promise.reject(new Error('request:fail')) : Promise.resolve({ statusCode: 401, data: expired.body })) as never)
    fireEvent.click(byTestId('canteen-confirm-submit')!)
    expect((await findByTestId('canteen-confirm-error')).textContent).toContain('不会重复订')
    expect(Taro.reLaunch).not.toHaveBeenCalled()
  })
})

describe('in the browser a lapsed session keeps the confirm step for after signing in', () => {
  async function lapseWithDraft() {
    signIn('elder', '王秀兰', 'u-elder')
    const calls = mockApi({ [menusRoute]: { status: 200, body: week }, [ordersRoute]: expired })
    await openConfirm()
    fireEvent.click(byTestId('canteen-fulfilment-eat_in')!)
    fireEvent.input(await waitFor(() => nativeInput('canteen-confirm-note')), { target: { value: '饭要软一点' } })
    fireEvent.click(byTestId('canteen-confirm-submit')!)
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }))
    expect(Taro.login).not.toHaveBeenCalled()
    cleanup()
    jest.mocked(Taro.reLaunch).mockClear()
    return keyOf(calls.find((c) => c.method === 'POST')!)
  }

  async function signInOnPage(userId: string) {
    mockApi({
      'GET /auth/demo-accounts': { status: 200, body: { accounts: [{ userId, role: 'elder', name: '王秀兰', description: '' }] } },
      'POST /auth/demo': { status: 200, body: sessionOf('token-again', userId) },
    })
    render(<LoginPage />)
    expect(byTestId('login-lapsed')?.textContent).toContain('刚才填写的内容已为您保留')
    fireEvent.click(await findByTestId(`login-account-${userId}`))
    await waitFor(() => expect(currentSession()?.token).toBe('token-again'))
    cleanup()
  }

  it('signing in again returns to the canteen with the meal, the fulfilment and the note filled back in', async () => {
    const firstKey = await lapseWithDraft()
    await signInOnPage('u-elder')
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/canteen/index' })

    const calls = mockApi({ [menusRoute]: { status: 200, body: week }, [ordersRoute]: { status: 201, body: { order: orderOf(), replayed: false } } })
    render(<CanteenPage />)
    expect((await findByTestId('canteen-confirm-restored')).textContent).toContain('已为您填回登录前选好的内容')
    expect(byTestId('canteen-confirm')?.textContent).toContain('午餐')
    expect(byTestId('canteen-fulfilment-eat_in')?.getAttribute('aria-checked')).toBe('true')
    await waitFor(() => expect(nativeInput('canteen-confirm-note').value).toBe('饭要软一点'))

    fireEvent.click(byTestId('canteen-confirm-submit')!)
    await findByTestId('canteen-placed')
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.data).toEqual({ date: tomorrow, meal: 'lunch', fulfilment: 'eat_in', note: '饭要软一点', idempotencyKey: firstKey })
    expect(interrupted()).toBeNull()
  })

  it('someone else signing in goes home and never sees the draft', async () => {
    await lapseWithDraft()
    await signInOnPage('u-other')
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' })
    expect(interrupted()).toBeNull()

    mockApi({ 'GET /elders/u-other/menus': { status: 200, body: week } })
    render(<CanteenPage />)
    await findByTestId(`canteen-order-${tomorrow}-lunch`)
    expect(byTestId('canteen-confirm')).toBeNull()
  })
})
