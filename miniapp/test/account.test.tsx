import { act, fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MeResponse } from '@yilin/contract'
import AccountPage from '../src/pages/account/index'
import LegalPage from '../src/pages/legal/index'
import { currentSession } from '../src/lib/session'
import { answerPrivacyRequest, watchPrivacyRequests } from '../src/lib/privacy'
import { PrivacyPrompt } from '../src/components/PrivacyPrompt'
import { apiError, mockApi, signIn } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { elderWang, elderZhao, privacyAccepted, summaryOf } from './fixtures'
import { setRouterParams } from './taro-shim'

const familyMe: MeResponse = {
  user: { userId: 'u-family', role: 'family', name: '李明' },
  privacyNotice: privacyAccepted,
  boundElders: [{ ...summaryOf(elderWang), relation: 'son' }, { ...elderZhao, relation: null }],
}

describe('my account', () => {
  it('a relative changes their name; the new session carries it', async () => {
    signIn('family', '李明', 'u-family')
    const calls = mockApi({
      'GET /me': { status: 200, body: familyMe },
      'PUT /me/name': (data) => ({
        status: 200,
        body: { token: 'tok-renamed', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { ...familyMe.user, name: (data as { name: string }).name } },
      }),
    })
    render(<AccountPage />)
    const input = await waitFor(() => nativeInput('account-name-editor-input'))
    expect(input.value).toBe('李明')
    fireEvent.input(input, { target: { value: '李明（大儿子）' } })
    fireEvent.click(byTestId('account-name-editor-save')!)
    expect((await findByTestId('account-name-saved')).textContent).toContain('“李明（大儿子）”')
    expect(calls.find((call) => call.method === 'PUT')).toMatchObject({ url: '/api/me/name', data: { name: '李明（大儿子）' } })
    expect(currentSession()).toMatchObject({ token: 'tok-renamed', user: { name: '李明（大儿子）' } })
  })

  it("the server's message names the field when a name is refused", async () => {
    signIn('family', '李明', 'u-family')
    mockApi({ 'GET /me': { status: 200, body: familyMe }, 'PUT /me/name': apiError(400, 'INVALID_INPUT', '称呼最多 20 个字') })
    render(<AccountPage />)
    fireEvent.click(await findByTestId('account-name-editor-save'))
    expect((await findByTestId('account-name-editor-error')).textContent).toContain('称呼最多 20 个字')
  })

  it('shows what the relative is to each elder and corrects a mistaken relation', async () => {
    signIn('family', '李明', 'u-family')
    const calls = mockApi({
      'GET /me': { status: 200, body: familyMe },
      'PUT /elders/e-zhao/relation': (data) => ({ status: 200, body: { elder: { ...elderZhao, relation: (data as { relation: string }).relation } } }),
    })
    render(<AccountPage />)
    expect((await findByTestId('account-relation-e-wang-now')).textContent).toBe('您是王秀兰的儿子')
    expect(byTestId('account-relation-e-wang')?.textContent).toContain('王秀兰（母亲）')
    expect(byTestId('account-relation-e-zhao-now')?.textContent).toBe('还没有选您是长辈的什么人')

    fireEvent.click(byTestId('account-relation-e-zhao-edit')!)
    fireEvent.click(byTestId('account-relation-e-zhao-choices-sonInLaw')!)
    await waitFor(() => expect(byTestId('account-relation-e-zhao-now')?.textContent).toBe('您是赵德福的女婿'))
    expect(byTestId('account-relation-e-zhao')?.textContent).toContain('赵德福（岳父）')
    expect(calls.find((call) => call.method === 'PUT')).toMatchObject({ data: { relation: 'sonInLaw' } })
  })

  it("an elder's name is the registered one: shown, with whom to ask, not editable", async () => {
    signIn('elder', '王秀兰', 'e-wang')
    mockApi({ 'GET /me': { status: 200, body: { user: { userId: 'e-wang', role: 'elder', name: '王秀兰' }, elder: elderWang } } })
    render(<AccountPage />)
    expect((await findByTestId('account-name')).textContent).toContain('告诉社区工作者')
    expect(byTestId('account-name-editor')).toBeNull()
  })

  it('the privacy notice and the user agreement open from the account page', async () => {
    signIn('worker')
    mockApi({ 'GET /me': { status: 200, body: { user: { userId: 'u-worker', role: 'worker', name: '测试用户' } } } })
    render(<AccountPage />)
    fireEvent.click(await findByTestId('account-privacy'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/legal/index?doc=privacy' })
  })
})

describe('privacy notice and user agreement', () => {
  it.each([
    ['privacy', '颐邻隐私保护指引', '不保存身份证号码'],
    ['terms', '颐邻用户协议', '邀请码和登录码只告诉自己信得过的家人'],
  ])('%s reads in Chinese', (doc, title, words) => {
    setRouterParams({ doc })
    render(<LegalPage />)
    expect(byTestId('legal-title')?.textContent).toBe(title)
    expect(document.body.textContent).toContain(words)
  })
})

describe("WeChat's privacy authorisation", () => {
  let listener: ((resolve: (option: unknown) => void) => void) | undefined
  beforeEach(() => {
    ;(Taro as unknown as { onNeedPrivacyAuthorization: unknown }).onNeedPrivacyAuthorization = jest.fn((callback) => {
      listener = callback
    })
    watchPrivacyRequests()
  })

  it('when WeChat waits, the page shows the prompt and tells WeChat it was shown; 不同意 lets the API fail', async () => {
    render(<PrivacyPrompt />)
    expect(byTestId('privacy-prompt')).toBeNull()
    const resolve = jest.fn()
    act(() => listener!(resolve))
    expect((await findByTestId('privacy-prompt')).textContent).toContain('隐私保护指引')
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
    fireEvent.click(byTestId('privacy-prompt-disagree')!)
    await waitFor(() => expect(byTestId('privacy-prompt')).toBeNull())
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
  })

  it('agreeing answers with the id of the button WeChat checks', async () => {
    render(<PrivacyPrompt />)
    const resolve = jest.fn()
    act(() => listener!(resolve))
    await findByTestId('privacy-prompt')
    // In WeChat the open-type button fires this; the browser build has no such event.
    act(() => answerPrivacyRequest(true))
    await waitFor(() => expect(byTestId('privacy-prompt')).toBeNull())
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' })
  })
})
