import { fireEvent, render, waitFor } from '@testing-library/react'
import ProfilePage from '../src/pages/profile/index'
import { setCurrentElderId } from '../src/lib/session'
import { setRouterParams } from './taro-shim'
import { apiError, mockApi, signIn } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { elderWang } from './fixtures'

const detail = (elder = elderWang) => ({ status: 200, body: { elder } })

describe('elder profile', () => {
  it("shows the family member's current elder, with the requested category marked as waiting for the community", async () => {
    signIn('family')
    setCurrentElderId('e-wang')
    mockApi({ 'GET /elders/e-wang': detail() })
    render(<ProfilePage />)

    expect((await findByTestId('profile-name')).textContent).toBe('王秀兰')
    expect(byTestId('profile-subsidy')?.textContent).toContain('低保（待社区核实）')
    expect(byTestId('profile-birth-date')?.textContent).toContain('1946年5月12日')
    expect(byTestId('profile-mobility')?.textContent).toContain('行动不便')
    expect(byTestId('profile-dietary')?.textContent).toContain('低盐、软食')
    expect(byTestId('profile-emergency-contacts')?.textContent).toContain('李明（儿子）13900002222')
  })

  it('says 已核实 in words once a worker verified the category', async () => {
    signIn('elder')
    setRouterParams({ elderId: 'e-wang' })
    mockApi({ 'GET /elders/e-wang': detail({ ...elderWang, subsidyCategoryVerified: 'tekun' }) })
    render(<ProfilePage />)
    expect((await findByTestId('profile-subsidy')).textContent).toContain('特困（✓ 已核实）')
  })

  it('sends only the changed fields with PATCH and shows the saved profile', async () => {
    signIn('elder')
    const calls = mockApi({
      'GET /me': { status: 200, body: { user: { userId: 'u-elder', role: 'elder', name: '王秀兰' }, elder: elderWang } },
      'PATCH /elders/e-wang/contact': (data) => detail({ ...elderWang, ...(data as object) }),
    })
    render(<ProfilePage />)
    fireEvent.click(await findByTestId('profile-edit'))

    const phone = await waitFor(() => nativeInput('profile-edit-phone'))
    fireEvent.input(phone, { target: { value: '13712345678' } })
    fireEvent.click(byTestId('profile-edit-low-sugar')!)
    fireEvent.click(byTestId('profile-edit-save')!)

    expect((await findByTestId('profile-saved')).textContent).toContain('已保存')
    const patch = calls.find((call) => call.method === 'PATCH')
    expect(patch?.url).toBe('/api/elders/e-wang/contact')
    expect(patch?.data).toEqual({ phone: '13712345678', dietary: { lowSalt: true, lowSugar: true, softFood: true, allergies: '' } })
    expect(byTestId('profile-phone')?.textContent).toContain('13712345678')
  })

  it("keeps the form open and shows the server's message next to the save button", async () => {
    signIn('elder')
    setRouterParams({ elderId: 'e-wang' })
    mockApi({
      'GET /elders/e-wang': detail(),
      'PATCH /elders/e-wang/contact': apiError(400, 'VALIDATION_FAILED', '请填写 11 位手机号，或带区号的座机号'),
    })
    render(<ProfilePage />)
    fireEvent.click(await findByTestId('profile-edit'))
    fireEvent.input(await waitFor(() => nativeInput('profile-edit-phone')), { target: { value: '12' } })
    fireEvent.click(byTestId('profile-edit-save')!)

    const error = await findByTestId('profile-edit-error')
    expect(error.textContent).toContain('请填写 11 位手机号')
    // The message sits right before the save button, inside the form that is still open.
    expect(error.nextElementSibling?.getAttribute('data-testid')).toBe('profile-edit-save')
  })

  it('does not call the server when nothing changed', async () => {
    signIn('elder')
    setRouterParams({ elderId: 'e-wang' })
    const calls = mockApi({ 'GET /elders/e-wang': detail() })
    render(<ProfilePage />)
    fireEvent.click(await findByTestId('profile-edit'))
    fireEvent.click(await findByTestId('profile-edit-save'))
    expect((await findByTestId('profile-edit-error')).textContent).toContain('没有要修改的内容')
    expect(calls.map((call) => call.method)).toEqual(['GET'])
  })
})
