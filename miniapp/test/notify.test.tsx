import { act, fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { CallNumber, MessageView } from '@yilin/contract'
import { AlertsBanner } from '../src/components/AlertsBanner'
import AdminAlertsPage from '../src/admin/alerts/index'
import WorkerAlertsPage from '../src/worker/alerts/index'
import { SosButton } from '../src/components/SosButton'
import MessagesListPage from '../src/pages/messages/index'
import SosPage from '../src/pages/sos/index'
import { apiError, mockApi, signIn, type RecordedCall } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { alertOf, answeredBy, elderAlerts, elderSideNumbers, RAISED_AT, resolvedCall } from './notify-fixtures'
import { setRouterParams } from './taro-shim'


const raiseRoute = 'POST /elders/e-wang/alerts'
const raised = (calls: RecordedCall[]) => calls.filter((call) => call.method === 'POST' && call.url === '/api/elders/e-wang/alerts')
const keyOf = (call: RecordedCall) => (call.data as { idempotencyKey: string }).idempotencyKey

describe('the 紧急求助 button', () => {
  afterEach(() => jest.useRealTimers())

  const open = () => {
    const onRaised = jest.fn()
    const calls = mockApi({ [raiseRoute]: { status: 200, body: { alert: alertOf(), callNumbers: elderSideNumbers } } })
    render(<SosButton elderId='e-wang' onRaised={onRaised} />)
    return { onRaised, calls }
  }

  it('says what it is in words and to screen readers, and how to press it', async () => {
    open()
    const button = await findByTestId('sos-button')
    expect(button.textContent).toBe('紧急求助按住 2 秒')
    expect(button.getAttribute('role')).toBe('button')
    // Its visible words are its name: screen readers say what the eye reads (axe: label-content-name-mismatch).
    expect(button.getAttribute('aria-label')).toBeNull()
  })

  it('a short tap only asks 要叫人来帮忙吗？, and 不用了 calls nobody', async () => {
    const { calls, onRaised } = open()
    const button = await findByTestId('sos-button')
    fireEvent.touchStart(button)
    fireEvent.touchEnd(button)
    fireEvent.click(button)

    expect((await findByTestId('sos-confirm')).textContent).toContain('要叫人来帮忙吗？')
    fireEvent.click(byTestId('sos-confirm-no')!)
    await findByTestId('sos-button')
    expect(raised(calls)).toHaveLength(0)
    expect(onRaised).not.toHaveBeenCalled()
  })

  it('calls for help once 是，马上求助 is tapped, with a key of its own', async () => {
    const { calls, onRaised } = open()
    fireEvent.click(await findByTestId('sos-button'))
    fireEvent.click(await findByTestId('sos-confirm-yes'))

    await waitFor(() => expect(onRaised).toHaveBeenCalledTimes(1))
    expect(onRaised.mock.calls[0][0].alert.alertId).toBe('a-1')
    expect(raised(calls)).toHaveLength(1)
    expect(keyOf(raised(calls)[0])).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
  })

  it('calls for help when held for 2 seconds, the words changing to 继续按住… meanwhile', async () => {
    jest.useFakeTimers()
    const { calls, onRaised } = open()
    const button = await findByTestId('sos-button')
    fireEvent.touchStart(button)
    expect(byTestId('sos-button')?.textContent).toContain('继续按住…')
    act(() => jest.advanceTimersByTime(1900))
    expect(raised(calls)).toHaveLength(0)

    act(() => jest.advanceTimersByTime(100))
    await waitFor(() => expect(onRaised).toHaveBeenCalledTimes(1))
    // Lifting the finger after the call went asks nothing more.
    fireEvent.touchEnd(byTestId('sos-button')!)
    fireEvent.click(byTestId('sos-button')!)
    expect(byTestId('sos-confirm')).toBeNull()
    expect(raised(calls)).toHaveLength(1)
  })

  it('let go before 2 seconds calls nobody: lifting the finger asks instead, sliding off or scrolling does nothing', async () => {
    jest.useFakeTimers()
    const { calls } = open()
    const button = await findByTestId('sos-button')
    fireEvent.mouseDown(button)
    act(() => jest.advanceTimersByTime(1000))
    fireEvent.mouseLeave(button.parentElement!)
    act(() => jest.advanceTimersByTime(3000))
    expect(byTestId('sos-confirm')).toBeNull()
    expect(byTestId('sos-button')?.textContent).toContain('按住 2 秒')

    // A finger that slides while holding is scrolling the page.
    fireEvent.touchStart(button, { touches: [{ clientX: 100, clientY: 300 }] })
    act(() => jest.advanceTimersByTime(500))
    fireEvent.touchMove(button, { touches: [{ clientX: 100, clientY: 240 }] })
    act(() => jest.advanceTimersByTime(3000))
    expect(byTestId('sos-button')?.textContent).toContain('按住 2 秒')

    fireEvent.touchStart(button, { touches: [{ clientX: 100, clientY: 300 }] })
    act(() => jest.advanceTimersByTime(1500))
    fireEvent.touchEnd(button)
    act(() => jest.advanceTimersByTime(3000))
    expect(byTestId('sos-confirm')).not.toBeNull()
    expect(raised(calls)).toHaveLength(0)
  })
})

describe('the 紧急求助 page', () => {
  beforeEach(() => setRouterParams({}))
  afterEach(() => jest.useRealTimers())

  it('once someone answers, tells the elder who is coming, with their number, and the numbers to call at once', async () => {
    signIn('elder', '王秀兰', 'e-wang')
    mockApi({ 'GET /elders/e-wang/alerts': { status: 200, body: elderAlerts({ open: alertOf({ status: 'acknowledged', responder: answeredBy }) }) } })
    render(<SosPage />)

    expect((await findByTestId('sos-status')).textContent).toContain('已经发出求助12月1日 09:03 发出')
    expect(byTestId('sos-responder')?.textContent).toContain('社区工作者 刘晓燕 正在处理')
    expect(byTestId('sos-responder-phone')?.getAttribute('href')).toBe('tel:13700003333')
    expect(byTestId('sos-waiting')).toBeNull()
    expect(byTestId('sos-button')).toBeNull()
    expect(byTestId('sos-call-0')?.getAttribute('href')).toBe('tel:120')
    expect(byTestId('sos-call-1')?.textContent).toBe('社区值班电话拨打 0734-8123456')
    expect(byTestId('sos-call-2')?.textContent).toBe('紧急联系人 李明（儿子）拨打 13900002222')
    expect(byTestId(`sos-recent-${resolvedCall.alertId}`)?.textContent).toContain('已处理11月20日 10:00李娟 处理：血压偏高，陪去了社区医院')
  })

  it('with no call open shows the button, and once it fires shows the call at once, waiting for the community', async () => {
    signIn('elder', '王秀兰', 'e-wang')
    const calls = mockApi({
      'GET /elders/e-wang/alerts': { status: 200, body: elderAlerts() },
      [raiseRoute]: { status: 200, body: { alert: alertOf(), callNumbers: elderSideNumbers } },
    })
    render(<SosPage />)

    fireEvent.click(await findByTestId('sos-button'))
    fireEvent.click(await findByTestId('sos-confirm-yes'))

    expect((await findByTestId('sos-waiting')).textContent).toContain('正在等社区的人响应')
    expect(byTestId('sos-status')?.textContent).toContain('已经发出求助')
    expect(byTestId('sos-button')).toBeNull()
    expect(byTestId('sos-call-0')).not.toBeNull()
    expect(raised(calls)).toHaveLength(1)
  })

  it('shows a relative how far the call has gone and lets them phone the elder straight away', async () => {
    signIn('family', '李明', 'f-li')
    setRouterParams({ elderId: 'e-wang' })
    mockApi({ 'GET /elders/e-wang/alerts': { status: 200, body: elderAlerts({ open: alertOf({ level: 'centre' }) }) } })
    render(<SosPage />)

    expect((await findByTestId('sos-status')).textContent).toContain('王秀兰本人发出')
    expect(byTestId('sos-level')?.textContent).toBe('社区还没有人响应，已通知服务中心')
    expect(byTestId('sos-title')?.textContent).toBe('为王秀兰紧急求助')
    expect(document.body.textContent).toContain('您可以马上打电话给王秀兰')
    expect(byTestId('sos-call-elder')?.getAttribute('href')).toBe('tel:13800001111')
  })

  it('asks again every 10 seconds while it is open, so an answer shows without a pull', async () => {
    jest.useFakeTimers()
    signIn('elder', '王秀兰', 'e-wang')
    const replies = [elderAlerts({ open: alertOf() }), elderAlerts({ open: alertOf({ status: 'acknowledged', responder: answeredBy }) })]
    const calls = mockApi({ 'GET /elders/e-wang/alerts': () => ({ status: 200, body: replies.length > 1 ? replies.shift() : replies[0] }) })
    const { unmount } = render(<SosPage />)

    await findByTestId('sos-waiting')
    act(() => jest.advanceTimersByTime(10_000))
    expect((await findByTestId('sos-responder')).textContent).toContain('刘晓燕 正在处理')
    unmount()
    const asked = calls.length
    act(() => jest.advanceTimersByTime(30_000))
    expect(calls).toHaveLength(asked)
  })
})

describe('消息', () => {
  const messageOf = (overrides: Partial<MessageView>): MessageView => ({
    messageId: 'm-1',
    topic: 'visitAssigned',
    title: '上门安排好了',
    body: '12月2日上午，保洁员 张丽 上门打扫。',
    at: '2026-12-01T01:05:00.000Z',
    read: true,
    wechat: 'sent',
    ...overrides,
  })
  const newest = messageOf({ messageId: 'm-3', read: false, page: '/pages/booking/index?bookingId=b-1', elderName: '王秀兰' })
  const failed = messageOf({ messageId: 'm-2', topic: 'orderConfirmed', title: '订餐确认了', body: '明天午餐，堂食。', wechat: 'failed' })
  const sent = messageOf({ messageId: 'm-1', title: '心愿上墙了', body: '您的心愿已经上墙。' })

  it('lists messages newest first, marks the unseen ones 新 in words, counts them seen and opens their page', async () => {
    signIn('family', '李明', 'f-li')
    const older = messageOf({ messageId: 'm-0', title: '饭送到了', body: '午餐已送到。', wechat: 'refused' })
    const pages = [{ messages: [newest, failed, sent], unread: 1, cursor: 'c-2' }, { messages: [older], unread: 0 }]
    const calls = mockApi({
      'GET /me/messages': () => ({ status: 200, body: pages.shift() }),
      'POST /me/messages/read': { status: 204 },
    })
    render(<MessagesListPage />)

    const first = await findByTestId('messages-row-0')
    expect(first.textContent).toContain('新上门安排好了')
    expect(first.textContent).toContain('12月1日 09:05 · 王秀兰')
    expect(byTestId('messages-row-1')?.textContent).not.toContain('新')
    expect(byTestId('messages-row-1')?.textContent).toContain('微信发送失败')
    expect(byTestId('messages-row-2')?.textContent).not.toContain('已发到微信')
    await waitFor(() => expect(calls.filter((call) => call.url === '/api/me/messages/read')).toHaveLength(1))

    fireEvent.click(first)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/booking/index?bookingId=b-1' })

    fireEvent.click(byTestId('messages-more')!)
    expect((await findByTestId('messages-row-3')).textContent).toContain('微信没有送达（未订阅）')
    expect(calls.map((call) => call.url)).toContain('/api/me/messages?cursor=c-2')
    await waitFor(() => expect(byTestId('messages-more')).toBeNull())
    expect(calls.filter((call) => call.url === '/api/me/messages/read')).toHaveLength(1)
  })

  it('says 还没有消息 when there are none, and marks nothing', async () => {
    signIn('elder', '王秀兰', 'e-wang')
    const calls = mockApi({ 'GET /me/messages': { status: 200, body: { messages: [], unread: 0 } } })
    render(<MessagesListPage />)

    expect((await findByTestId('messages-empty')).textContent).toContain('还没有消息')
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0)
  })
})

describe("the workers' 紧急求助 board", () => {
  const sixMinutesAgo = () => new Date(Date.now() - 6 * 60_000 - 5_000).toISOString()
  const responderNumbers: CallNumber[] = [
    { label: '王秀兰的电话', phone: '13800001111' },
    { label: '紧急联系人 李明（儿子）', phone: '13900002222' },
    { label: '急救电话 120', phone: '120' },
  ]
  const communityRoutes = {
    'GET /communities/c-xueyuan/duty-phone': { status: 200, body: { communityId: 'c-xueyuan', dutyPhone: '0734-8123456' } },
    'GET /communities/c-xueyuan/failed-notifications': {
      status: 200,
      body: { items: [{ messageId: 'm-9', recipientName: '李明', topic: 'alert', title: '紧急求助', reason: '没有订阅', at: RAISED_AT, elderName: '王秀兰' }] },
    },
  }

  beforeEach(() => signIn('worker', '刘晓燕', 'u-liu'))

  it('a call waiting shows whose, since when and how long, where and whom to phone; 我去处理 answers it', async () => {
    const waiting = alertOf({ raisedAt: sixMinutesAgo(), level: 'centre', location: { latitude: 26.89, longitude: 112.57, accuracy: 30 } })
    const calls = mockApi({
      ...communityRoutes,
      'GET /me/alerts': { status: 200, body: { open: [waiting], recent: [resolvedCall] } },
      'GET /alerts/a-1': { status: 200, body: { alert: waiting, callNumbers: responderNumbers } },
      'POST /alerts/a-1/acknowledge': { status: 200, body: { alert: { ...waiting, status: 'acknowledged', responder: answeredBy }, callNumbers: responderNumbers } },
    })
    render(<WorkerAlertsPage />)

    const card = await findByTestId('alerts-open-a-1')
    expect(card.textContent).toContain('王秀兰（学院路社区）')
    expect(card.textContent).toMatch(/按于 \d+月\d+日 \d\d:\d\d（已等 6 分钟）/)
    expect(card.textContent).toContain('已转到服务中心')
    expect(card.textContent).toContain('学院路 12 号 3 栋 201')
    expect(byTestId('alerts-location-a-1')?.textContent).toContain('纬度 26.89000，经度 112.57000（误差约 30 米）')
    await waitFor(() => expect(byTestId('alerts-call-a-1-1')?.getAttribute('href')).toBe('tel:13900002222'))
    expect(byTestId(`alerts-recent-${resolvedCall.alertId}`)?.textContent).toContain('李娟：血压偏高，陪去了社区医院')

    fireEvent.click(byTestId('alerts-ack-a-1')!)
    expect((await findByTestId('alerts-responder-a-1')).textContent).toBe('您正在处理')
    expect(byTestId('alerts-ack-a-1')).toBeNull()
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.url)).toEqual(['/api/alerts/a-1/acknowledge'])
  })

  it('已处理 needs a note of what was done, then moves the call to the ones dealt with', async () => {
    const answered = alertOf({ status: 'acknowledged', responder: { ...answeredBy, name: '李娟' } })
    const calls = mockApi({
      ...communityRoutes,
      'GET /me/alerts': { status: 200, body: { open: [answered], recent: [] } },
      'POST /alerts/a-1/resolve': (body) => ({
        status: 200,
        body: { alert: { ...answered, status: 'resolved', resolvedByName: '刘晓燕', resolvedAt: RAISED_AT, note: (body as { note: string }).note }, callNumbers: [] },
      }),
    })
    render(<WorkerAlertsPage />)

    expect((await findByTestId('alerts-responder-a-1')).textContent).toBe('李娟 正在处理')
    fireEvent.click(byTestId('alerts-resolve-a-1')!)
    // The note box is a web component: its textarea appears a moment after the form.
    const note = await waitFor(() => {
      const box = byTestId('alerts-note')?.querySelector('textarea')
      if (!box) throw new Error('no note box yet')
      return box
    })
    fireEvent.click(byTestId('alerts-resolve-confirm')!)
    expect((await findByTestId('alerts-note-error')).textContent).toContain('请写一下做了什么')
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0)

    fireEvent.input(note, { target: { value: '上门看过，摔了一跤，没有大碍' } })
    fireEvent.click(byTestId('alerts-resolve-confirm')!)
    expect((await findByTestId('alerts-recent-a-1')).textContent).toContain('刘晓燕：上门看过，摔了一跤，没有大碍')
    expect(byTestId('alerts-open-a-1')).toBeNull()
    expect(byTestId('alerts-empty')).not.toBeNull()
    expect(calls.find((call) => call.url === '/api/alerts/a-1/resolve')?.data).toEqual({ note: '上门看过，摔了一跤，没有大碍' })
  })

  it('a call someone else closed meanwhile says so in their words, and the list is read again', async () => {
    const calls = mockApi({
      ...communityRoutes,
      'GET /me/alerts': { status: 200, body: { open: [alertOf()], recent: [] } },
      'POST /alerts/a-1/acknowledge': apiError(409, 'ALERT_CLOSED', '这次求助已经由李娟处理完了。'),
    })
    render(<WorkerAlertsPage />)

    fireEvent.click(await findByTestId('alerts-ack-a-1'))
    expect((await findByTestId('alerts-action-error')).textContent).toContain('王秀兰：这次求助已经由李娟处理完了。')
    await waitFor(() => expect(calls.filter((call) => call.url === '/api/me/alerts')).toHaveLength(2))
  })

  it("a worker keeps the community's duty line (the server's objection next to it) and sees whose WeChat message did not go", async () => {
    const calls = mockApi({
      ...communityRoutes,
      'GET /me/alerts': { status: 200, body: { open: [], recent: [] } },
      'PUT /communities/c-xueyuan/duty-phone': apiError(400, 'INVALID_INPUT', '值班电话不对：手机号是 1 开头的 11 位数字，座机请带区号，如 0734-8123456'),
    })
    render(<WorkerAlertsPage />)

    expect((await findByTestId('alerts-empty')).textContent).toContain('现在没有等待处理的求助')
    expect((await findByTestId('alerts-failed-0')).textContent).toContain('李明（关于王秀兰）紧急求助')
    expect(byTestId('alerts-failed-0')?.textContent).toContain('没有订阅')
    fireEvent.input(await waitFor(() => nativeInput('alerts-duty-phone')), { target: { value: '12345' } })
    fireEvent.click(byTestId('alerts-duty-save')!)
    expect((await findByTestId('alerts-duty-error')).textContent).toContain('值班电话不对')
    expect(calls.find((call) => call.method === 'PUT')?.data).toEqual({ dutyPhone: '12345' })
  })

  it('the county sees the calls without a community of its own to keep', async () => {
    signIn('admin', '周建国', 'u-admin')
    const calls = mockApi({ 'GET /me/alerts': { status: 200, body: { open: [alertOf({ level: 'county' })], recent: [] } } })
    render(<AdminAlertsPage />)

    expect((await findByTestId('alerts-open-a-1')).textContent).toContain('已转到县级平台')
    expect(byTestId('alerts-duty-phone')).toBeNull()
    expect(calls.some((call) => call.url.includes('/communities/'))).toBe(false)
  })
})

describe('the home banner', () => {
  it('shows while calls are open, saying how many in words, and opens them', async () => {
    signIn('worker', '刘晓燕', 'u-liu')
    mockApi({ 'GET /me/alerts': { status: 200, body: { open: [alertOf(), alertOf({ alertId: 'a-2', elderName: '赵德福' })], recent: [] } } })
    render(<AlertsBanner role='worker' />)

    const banner = await findByTestId('home-alerts-banner')
    expect(banner.textContent).toBe('紧急有 2 位长辈在求助，点这里处理')
    fireEvent.click(banner)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/worker/alerts/index' })
  })

  it('shows nothing when no call is open', async () => {
    signIn('admin', '周建国', 'u-admin')
    const calls = mockApi({ 'GET /me/alerts': { status: 200, body: { open: [], recent: [resolvedCall] } } })
    const { container } = render(<AlertsBanner />)

    await waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(1))
    await act(async () => undefined)
    expect(byTestId('home-alerts-banner')).toBeNull()
    expect(container.textContent).toBe('')
  })
})
