import { useState } from 'react'
import { fireEvent, render, waitFor } from '@testing-library/react'
import { PhoneInput, TextInput } from '../src/components/TextInput'
import ProfilePage from '../src/pages/profile/index'
import { mockApi, signIn } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { elderWang } from './fixtures'

function NameBox({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial)
  return <TextInput label='姓名' value={value} maxlength={20} testId='name' onInput={setValue} />
}

describe('a text box at its limit says so', () => {
  it('says nothing below the limit, and 最多 20 个字，已到上限 once the value reaches it', async () => {
    render(<NameBox />)
    const input = await waitFor(() => nativeInput('name'))
    fireEvent.input(input, { target: { value: '王'.repeat(19) } })
    await waitFor(() => expect(input.value).toHaveLength(19))
    expect(byTestId('name-limit')).toBeNull()
    fireEvent.input(input, { target: { value: '王'.repeat(20) } })
    expect((await findByTestId('name-limit')).textContent).toBe('最多 20 个字，已到上限')
    expect(byTestId('name-limit')?.getAttribute('role')).toBe('status')
  })

  it('a value cut at the limit when it comes in (a paste) is noted too, and the note goes once it is shorter', async () => {
    render(<NameBox initial={'李'.repeat(20)} />)
    expect((await findByTestId('name-limit')).textContent).toContain('已到上限')
    fireEvent.input(await waitFor(() => nativeInput('name')), { target: { value: '李明' } })
    await waitFor(() => expect(byTestId('name-limit')).toBeNull())
  })
})

describe('phone boxes take a landline', () => {
  it('a phone box keeps a stored 0571-88886666 as it is and says a landline is typed with its area code', async () => {
    render(<PhoneInput label='电话' value='0571-88886666' testId='phone' onInput={() => undefined} />)
    const input = await waitFor(() => nativeInput('phone'))
    expect(input.type).toBe('tel')
    await waitFor(() => expect(input.value).toBe('0571-88886666'))
    expect(input.placeholder).toContain('座机连区号')
    expect(input.getAttribute('aria-label')).toBe('电话')
  })

  it('an emergency contact’s home landline typed without "-" is sent as typed', async () => {
    signIn('elder')
    const calls = mockApi({
      'GET /me': { status: 200, body: { user: { userId: 'u-elder', role: 'elder', name: '王秀兰' }, elder: elderWang } },
      'PATCH /elders/e-wang/contact': (data) => ({ status: 200, body: { elder: { ...elderWang, ...(data as object) } } }),
    })
    render(<ProfilePage />)
    fireEvent.click(await findByTestId('profile-edit'))
    fireEvent.input(await waitFor(() => nativeInput('profile-edit-contact-0-phone')), { target: { value: '057188886666' } })
    fireEvent.click(byTestId('profile-edit-save')!)
    await findByTestId('profile-saved')
    expect(calls.find((call) => call.method === 'PATCH')?.data).toEqual({ emergencyContacts: [{ name: '李明', relation: '儿子', phone: '057188886666' }] })
  })
})
