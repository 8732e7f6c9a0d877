import Taro from '@tarojs/taro'
import { fireEvent, render, waitFor } from '@testing-library/react'
import type { DataCopyResponse, ElderDetailResponse, MeResponse } from '@yilin/contract'
import { PRIVACY_NOTICE_VERSION } from '@yilin/contract'
import MyDataPage from '../src/pages/my-data/index'
import CloseAccountPage from '../src/pages/close-account/index'
import HomePage from '../src/pages/home/index'
import LoginPage from '../src/pages/login/index'
import { RegisterPanel } from '../src/worker/elder/RegisterPanel'
import { downloadFile } from '../src/lib/download-file'
import { interrupted, storedSession } from '../src/lib/session'
import { call } from '../src/api/client'
import { apiError, mockApi, signIn } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { elderWang } from './fixtures'

jest.mock('../src/lib/download-file', () => ({ downloadFile: jest.fn(() => Promise.resolve()) }))

const orders = Array.from({ length: 7 }, (_, i) => [`2026-11-${String(10 + i)}`, '午餐', '堂食', '已用餐', '6.00', '9.00'])
const copy: DataCopyResponse = {
  name: '王磊',
  madeAt: '2026-12-01T02:00:00.000Z',
  sections: [
    { kind: 'profile', title: '个人资料', columns: ['项目', '内容'], rows: [['名字', '王磊'], ['身份', '家属']] },
    { kind: 'bindings', title: '绑定关系', columns: ['长辈', '您是长辈的', '绑定时间'], rows: [['王秀英', '儿子', '2026年11月1日 09:00']] },
    { kind: 'orders', title: '订餐记录（王秀英）', columns: ['日期', '餐次', '方式', '状态', '长辈付（元）', '补贴（元）'], rows: orders },
    { kind: 'alerts', title: '紧急求助（王秀英）', columns: ['时间', '状态', '谁按的', '谁来处理', '处理说明'], rows: [] },
  ],
}

describe('我在颐邻的信息', () => {
  it('lists every kind with its count, the newest few rows in words, and downloads the workbook under the person’s name', async () => {
    signIn('family', '王磊', 'u-family')
    mockApi({ 'GET /me/data': { status: 200, body: copy } })
    render(<MyDataPage />)
    expect((await findByTestId('my-data-orders')).textContent).toContain('7 条')
    // The newest five, newest first; the rest one tap away.
    expect(byTestId('my-data-orders')!.textContent).toContain('日期2026-11-16')
    expect(byTestId('my-data-orders')!.textContent).not.toContain('2026-11-10')
    fireEvent.click(byTestId('my-data-orders-all')!)
    await waitFor(() => expect(byTestId('my-data-orders')!.textContent).toContain('2026-11-10'))
    expect(byTestId('my-data-alerts')!.textContent).toContain('没有记录')
    expect(byTestId('my-data-profile')!.textContent).toContain('名字王磊身份家属')

    fireEvent.click(byTestId('my-data-download')!)
    await waitFor(() => expect(downloadFile).toHaveBeenCalledWith('/me/data/xlsx', '我的数据-王磊-2026-12-01.xlsx', 'xlsx'))
    expect((await findByTestId('my-data-downloaded')).textContent).toContain('已下载')
    // A relative may close their account from here.
    fireEvent.click(byTestId('my-data-close')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/close-account/index' })
  })

  it('an elder is told to close the account with the community', async () => {
    signIn('elder', '王秀英', 'e-wang')
    mockApi({ 'GET /me/data': { status: 200, body: copy } })
    render(<MyDataPage />)
    expect((await findByTestId('my-data-close-elsewhere')).textContent).toContain('和社区工作者一起注销')
    expect(byTestId('my-data-close')).toBeNull()
  })
})

describe('注销账户', () => {
  it('a relative reads what goes and what is kept, confirms on the page, and is signed out', async () => {
    signIn('family', '王磊', 'u-family')
    const calls = mockApi({ 'POST /me/close': { status: 200, body: { closedAt: '2026-12-01T02:00:00.000Z' } } })
    render(<CloseAccountPage />)
    expect(byTestId('close-account-removed')!.textContent).toContain('和长辈的绑定')
    expect(byTestId('close-account-kept')!.textContent).toContain('已注销用户')
    fireEvent.click(byTestId('close-account-ask')!)
    // Nothing is sent before the second tap.
    expect(calls).toHaveLength(0)
    fireEvent.click(byTestId('close-account-confirm-yes')!)
    expect((await findByTestId('close-account-done')).textContent).toContain('已注销')
    expect(calls).toEqual([expect.objectContaining({ method: 'POST', url: '/api/me/close', data: { confirm: true } })])
    expect(storedSession()).toBeNull()
    fireEvent.click(byTestId('close-account-leave')!)
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
  })

  it('a closing asked again after it went through (401 ACCOUNT_CLOSED) ends as a closing does', async () => {
    signIn('family', '王磊', 'u-family')
    mockApi({ 'POST /me/close': apiError(401, 'ACCOUNT_CLOSED', '您的账户已经注销。') })
    render(<CloseAccountPage />)
    fireEvent.click(byTestId('close-account-ask')!)
    fireEvent.click(byTestId('close-account-confirm-yes')!)
    expect((await findByTestId('close-account-done')).textContent).toContain('您的账户已注销，和长辈的绑定已解除。感谢您使用颐邻。')
    expect(byTestId('close-account-error')).toBeNull()
    expect(storedSession()).toBeNull()
    // No silent sign-in (it would start a new account), and the page is left only when the person taps.
    expect(Taro.login).not.toHaveBeenCalled()
    expect(Taro.reLaunch).not.toHaveBeenCalled()
    fireEvent.click(byTestId('close-account-leave')!)
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
  })

  it('any other request of a closed account (another phone) signs out at once, as closed, without a new sign-in', async () => {
    signIn('family', '王磊', 'u-family')
    const calls = mockApi({ 'GET /me': apiError(401, 'ACCOUNT_CLOSED', '您的账户已经注销。') })
    await expect(call('me/get')).rejects.toMatchObject({ status: 401, code: 'ACCOUNT_CLOSED', message: '您的账户已经注销。' })
    expect(calls).toHaveLength(1)
    expect(Taro.login).not.toHaveBeenCalled()
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
    expect(storedSession()).toBeNull()
    expect(interrupted()).toMatchObject({ userId: 'u-family', reason: 'closed' })
    render(<LoginPage />)
    expect(byTestId('login-lapsed')?.textContent).toBe('您的账户已经注销。如有疑问，请联系社区工作者。')
  })

  it('a refusal (a wish still in hand) is said in Chinese and the session stays', async () => {
    signIn('volunteer', '李华', 'u-vol')
    mockApi({ 'POST /me/close': { status: 409, body: { error: { code: 'CLOSE_OPEN_WISHES', message: '您还有 1 个认领的心愿没有完成（想要老花镜）：请先送到并等长辈确认，或者放弃认领，再注销。' } } } })
    render(<CloseAccountPage />)
    fireEvent.click(byTestId('close-account-ask')!)
    fireEvent.click(byTestId('close-account-confirm-yes')!)
    expect((await findByTestId('close-account-error')).textContent).toContain('放弃认领')
    expect(storedSession()).not.toBeNull()
  })

  it('a relative who does not accept the privacy notice is offered closing on the home page', async () => {
    signIn('family', '王磊', 'u-family')
    const me: MeResponse = { user: { userId: 'u-family', role: 'family', name: '王磊' }, boundElders: [], privacyNotice: { version: PRIVACY_NOTICE_VERSION, accepted: false } }
    mockApi({ 'GET /me': { status: 200, body: me }, 'GET /me/messages': { status: 200, body: { messages: [], unread: 0 } } })
    render(<HomePage />)
    fireEvent.click(await findByTestId('home-privacy-decline'))
    fireEvent.click(byTestId('home-privacy-close-account')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/close-account/index' })
  })
})

describe("the worker closes an elder's account (注销)", () => {
  it('says what is kept and removed, needs who asked, confirms on the page, then shows the elder closed', async () => {
    signIn('worker', '刘晓燕', 'u-worker')
    const closed: ElderDetailResponse = { elder: { ...elderWang, status: 'closed', phone: '', address: '', emergencyContacts: [], contactsErasedAt: '2026-12-01T02:00:00.000Z' } }
    const calls = mockApi({ 'POST /elders/e-wang/close': { status: 200, body: closed } })
    let shown: ElderDetailResponse | undefined
    const { rerender } = render(<RegisterPanel elder={elderWang} onChanged={(detail) => (shown = detail)} />)
    fireEvent.click(byTestId('close-elder-open')!)
    expect(byTestId('close-elder')!.textContent).toContain('保留：姓名、出生日期')
    expect(byTestId('close-elder')!.textContent).toContain('删除：电话、住址')
    const note = await waitFor(() => nativeInput('close-elder-note'))
    fireEvent.input(note, { target: { value: '本人到社区申请注销' } })
    fireEvent.click(byTestId('close-elder-ask')!)
    expect(calls).toHaveLength(0)
    fireEvent.click(byTestId('close-elder-confirm-yes')!)
    await waitFor(() => expect(shown?.elder.status).toBe('closed'))
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/elders/e-wang/close', data: { note: '本人到社区申请注销' } })
    rerender(<RegisterPanel elder={shown!.elder} onChanged={() => undefined} />)
    expect(byTestId('elder-closed')!.textContent).toContain('账户已注销')
    // No way back to the register, no second closing.
    expect(byTestId('register-restore')).toBeNull()
    expect(byTestId('close-elder-open')).toBeNull()
  })
})
