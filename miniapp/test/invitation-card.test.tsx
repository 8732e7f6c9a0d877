import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import BindingPage from '../src/pages/binding/index'
import { invitationCard } from '../src/lib/invitation'
import { pageAfterSignIn } from '../src/lib/navigation'
import { clearSession } from '../src/lib/session'
import { setRouterParams } from './taro-shim'
import { mockApi, signIn } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { summaryOf, elderWang } from './fixtures'

describe('the invitation as a WeChat card', () => {
  afterEach(() => setRouterParams({}))

  it('carries the elder’s name and the page with her code; with no code it is just the app', () => {
    expect(invitationCard('王秀英', '408215')).toEqual({ title: '王秀英请您绑定，帮忙订餐、看资料（邀请码 408215）', path: '/pages/binding/index?code=408215' })
    expect(invitationCard('王秀英', null).path).toBe('/pages/home/index')
  })

  it('opened by a relative, it brings the code filled in; choosing who they are and one tap binds', async () => {
    signIn('family', '王磊')
    setRouterParams({ code: '408215' })
    const calls = mockApi({ 'POST /bindings': { status: 201, body: { elder: summaryOf(elderWang) } } })
    render(<BindingPage />)
    expect((await findByTestId('redeem-from-card')).textContent).toContain('卡片')
    expect((await waitFor(() => nativeInput('redeem-code-input'))).value).toBe('408215')
    fireEvent.click(byTestId('redeem-relation-daughter')!)
    fireEvent.click(byTestId('redeem-submit')!)
    await findByTestId('redeem-success')
    expect(calls[0]).toMatchObject({ method: 'POST', data: { code: '408215', relation: 'daughter' } })
  })

  it('opened before signing in, it sends to sign-in and comes back to the code after', () => {
    clearSession()
    setRouterParams({ code: '408215' })
    render(<BindingPage />)
    expect(Taro.reLaunch).toHaveBeenLastCalledWith({ url: '/pages/login/index' })
    expect(pageAfterSignIn('u-new')).toBe('/pages/binding/index?code=408215')
    // Once: the next sign-in goes home.
    expect(pageAfterSignIn('u-new')).toBe('/pages/home/index')
  })

  it('the elder’s panel says, in the browser, that in WeChat the code can be sent as a card', async () => {
    signIn('elder', '王秀兰', 'e-wang')
    mockApi({ 'GET /elders/e-wang/bindings': { status: 200, body: { items: [], cursor: null, liveCode: { code: '408215', expiresAt: '2026-11-24T07:30:00.000Z' } } } })
    render(<BindingPage />)
    expect((await findByTestId('binding-code-share-hint')).textContent).toContain('发给家人')
  })
})
