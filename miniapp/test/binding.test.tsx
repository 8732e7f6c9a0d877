import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import BindingPage from '../src/pages/binding/index'
import { currentElderId } from '../src/lib/session'
import { apiError, mockApi, signIn } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { elderWang, summaryOf } from './fixtures'

async function typeCode(code: string) {
  const input = await waitFor(() => nativeInput('redeem-code-input'))
  fireEvent.input(input, { target: { value: code } })
}

/** Types the code and says what the relative is to the elder, as the page asks before binding. */
async function typeCodeAs(code: string, relation = 'son') {
  await typeCode(code)
  fireEvent.click(byTestId(`redeem-relation-${relation}`)!)
}

describe('family enters an invitation code', () => {
  beforeEach(() => signIn('family'))

  it('refuses anything but 6 digits without calling the server', async () => {
    const calls = mockApi({})
    render(<BindingPage />)
    await typeCode('12345')
    fireEvent.click(byTestId('redeem-submit')!)
    expect((await findByTestId('redeem-error')).textContent).toContain('请输入 6 位数字邀请码')
    expect(calls).toHaveLength(0)
  })

  it("shows the server's Chinese message next to the button when the code is wrong", async () => {
    const calls = mockApi({ 'POST /bindings': apiError(404, 'BINDING_CODE_INVALID', '邀请码不对或已过期，请让长辈重新生成一个。') })
    render(<BindingPage />)
    await typeCodeAs('654321')
    fireEvent.click(byTestId('redeem-submit')!)
    expect((await findByTestId('redeem-error')).textContent).toContain('邀请码不对或已过期')
    expect(calls[0]).toMatchObject({ method: 'POST', data: { code: '654321', relation: 'son' } })
    expect(currentElderId()).toBeNull()
  })

  it('after too many wrong codes, says how long to wait', async () => {
    mockApi({ 'POST /bindings': apiError(429, 'TOO_MANY_ATTEMPTS', '输错的次数太多了，为了长辈的安全，请 15 分钟后再试。') })
    render(<BindingPage />)
    await typeCodeAs('654321')
    fireEvent.click(byTestId('redeem-submit')!)
    expect((await findByTestId('redeem-error')).textContent).toContain('15 分钟后再试')
  })

  it('asks what the relative is to the elder before binding, without calling the server', async () => {
    const calls = mockApi({})
    render(<BindingPage />)
    await typeCode('123456')
    fireEvent.click(byTestId('redeem-submit')!)
    expect((await findByTestId('redeem-error')).textContent).toContain('您是长辈的什么人')
    expect(calls).toHaveLength(0)
    fireEvent.click(byTestId('redeem-relation-daughterInLaw')!)
    expect(byTestId('redeem-relation-daughterInLaw')?.getAttribute('aria-checked')).toBe('true')
    expect(byTestId('redeem-relation-daughterInLaw')?.textContent).toBe('✓ 儿媳')
    expect(byTestId('redeem-error')).toBeNull()
  })

  it('on success the newly bound elder becomes the current one, named as the relative calls her', async () => {
    const calls = mockApi({ 'POST /bindings': { status: 201, body: { elder: { ...summaryOf(elderWang), relation: 'son' } } } })
    render(<BindingPage />)
    await typeCodeAs('123456', 'son')
    fireEvent.click(byTestId('redeem-submit')!)
    expect((await findByTestId('redeem-success')).textContent).toContain('您现在可以照看母亲王秀兰了')
    expect(calls[0]).toMatchObject({ data: { code: '123456', relation: 'son' } })
    expect(currentElderId()).toBe('e-wang')
  })
})

describe('elder invites family and manages bindings', () => {
  beforeEach(() => signIn('elder', '王秀兰', 'e-wang'))

  const routes = () => ({
    'GET /elders/e-wang/bindings': { status: 200, body: { items: [{ familyId: 'f-li', name: '李明', relation: 'son', boundAt: '2026-11-01T02:00:00.000Z' }], cursor: null } },
    'POST /elders/e-wang/binding-codes': { status: 201, body: { code: '408215', expiresAt: '2026-11-24T07:30:00.000Z' } },
    'DELETE /elders/e-wang/bindings/f-li': { status: 204 },
  })

  it('shows a new code huge and spaced, with its one-time, 24-hour rule', async () => {
    mockApi(routes())
    render(<BindingPage />)
    fireEvent.click(await findByTestId('binding-code-generate'))
    expect((await findByTestId('binding-code')).textContent).toBe('4 0 8 2 1 5')
    expect(screen.getByText('24小时内有效，只能用一次')).toBeTruthy()
    expect(byTestId('binding-code-expiry')?.textContent).toContain('2026年11月24日 15:30')
  })

  it('opens showing the invitation code that still works; 作废 stops it and says so', async () => {
    const calls = mockApi({
      ...routes(),
      'GET /elders/e-wang/bindings': { status: 200, body: { items: [], cursor: null, liveCode: { code: '408215', expiresAt: '2026-11-24T07:30:00.000Z' } } },
      'DELETE /elders/e-wang/binding-codes': { status: 204 },
    })
    render(<BindingPage />)
    expect((await findByTestId('binding-code')).textContent).toBe('4 0 8 2 1 5')
    fireEvent.click(byTestId('binding-code-revoke')!)
    expect((await findByTestId('binding-code-revoked')).textContent).toContain('邀请码已作废，不能再用了')
    expect(byTestId('binding-code')).toBeNull()
    expect(byTestId('binding-code-revoke')).toBeNull()
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.url)).toEqual(['/api/elders/e-wang/binding-codes'])
  })

  it('opens with one request: the bindings of the signed-in elder, each relative with what they are to her', async () => {
    const calls = mockApi(routes())
    render(<BindingPage />)
    expect((await findByTestId('binding-row-f-li')).textContent).toContain('李明（儿子）')
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual(['GET /api/elders/e-wang/bindings'])
  })

  it('removes a family member only after a second, on-page confirmation', async () => {
    const calls = mockApi(routes())
    render(<BindingPage />)
    fireEvent.click(await findByTestId('binding-row-f-li-remove'))
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false)
    expect(byTestId('binding-row-f-li')?.textContent).toContain('解除后李明就看不到您的资料了')

    fireEvent.click(byTestId('binding-row-f-li-confirm')!)
    await waitFor(() => expect(byTestId('binding-row-f-li')).toBeNull())
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.url)).toEqual(['/api/elders/e-wang/bindings/f-li'])
  })
})
