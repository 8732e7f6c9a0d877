import Taro from '@tarojs/taro'
import { fireEvent, render, waitFor } from '@testing-library/react'
import RegisterElderPage from '../src/worker/register/index'
import { mockApi, signIn, type RecordedCall } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { elderWang } from './fixtures'

const registered = { elder: { ...elderWang, elderId: 'e-new', name: '孙桂芳' }, verificationHistory: [], liveClaimCode: null }

async function type(testId: string, value: string) {
  fireEvent.input(await waitFor(() => nativeInput(testId)), { target: { value } })
}

function pickBirthDate(date: string) {
  const picker = byTestId('register-birth-date')!.closest('taro-picker-core')!
  fireEvent(picker, new CustomEvent('change', { detail: { value: date } }))
}

/** Fills in every field a 建档 needs, as a worker would. */
async function fillForm() {
  await type('register-name', '孙桂芳')
  fireEvent.click(byTestId('register-sex-female')!)
  pickBirthDate('1940-03-08')
  await type('register-phone', '07348123456')
  await type('register-address', '学院路 8 号 1 栋 202')
  fireEvent.click(byTestId('register-living-alone')!)
  fireEvent.click(byTestId('register-ability-partlyDependent')!)
  fireEvent.click(byTestId('register-category-dibao')!)
  await type('register-proof', '低保证 尾号 0318')
  fireEvent.click(byTestId('register-mobility')!)
  fireEvent.click(byTestId('register-low-salt')!)
}

const posts = (calls: RecordedCall[]) => calls.filter((call) => call.method === 'POST')

describe('the worker registers an elder (建档)', () => {
  beforeEach(() => signIn('worker', '刘晓燕'))

  it('the big choices say which one is taken; unchosen ones are named under their field and nothing is sent', async () => {
    const calls = mockApi({})
    render(<RegisterElderPage />)
    fireEvent.click(await findByTestId('register-ability-dependent'))
    expect(byTestId('register-ability-dependent')?.textContent).toBe('✓ 失能')
    expect(byTestId('register-ability-dependent')?.getAttribute('aria-checked')).toBe('true')
    fireEvent.click(byTestId('register-save')!)
    expect(byTestId('register-error-sex')?.textContent).toContain('请选择性别')
    expect(byTestId('register-error-birthDate')?.textContent).toContain('请选择出生日期')
    expect(byTestId('register-error-livingSituation')?.textContent).toContain('请选择居住情况')
    expect(byTestId('register-error-ability')).toBeNull()
    expect(posts(calls)).toHaveLength(0)
  })

  it('sends every field of the form with a request key, and opens the new elder’s page', async () => {
    const calls = mockApi({ 'POST /communities/c-xueyuan/elders': { status: 201, body: registered } })
    render(<RegisterElderPage />)
    await fillForm()
    fireEvent.click(byTestId('register-contact-add')!)
    await type('register-contact-0-name', '孙强')
    await type('register-contact-0-relation', '儿子')
    await type('register-contact-0-phone', '13907340011')
    fireEvent.click(byTestId('register-save')!)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/worker/elder/index?elderId=e-new' }))
    expect(posts(calls)[0].data).toEqual({
      name: '孙桂芳',
      sex: 'female',
      birthDate: '1940-03-08',
      phone: '07348123456',
      address: '学院路 8 号 1 栋 202',
      livingSituation: 'alone',
      ability: 'partlyDependent',
      subsidyCategory: 'dibao',
      subsidyProofNote: '低保证 尾号 0318',
      mobilityLimited: true,
      dietary: { lowSalt: true, lowSugar: false, softFood: false, allergies: '' },
      emergencyContacts: [{ name: '孙强', relation: '儿子', phone: '13907340011' }],
      idempotencyKey: expect.stringMatching(/^[0-9A-Za-z]{8,64}$/),
    })
  })

  it('shows the server’s message under each field it refused, and clears it once the field is changed', async () => {
    mockApi({
      'POST /communities/c-xueyuan/elders': {
        status: 400,
        body: {
          error: {
            code: 'INVALID_INPUT',
            message: '电话不对：手机号是 1 开头的 11 位数字，座机请带区号，如 0734-8123456',
            details: { fields: [{ field: 'phone', message: '电话不对：手机号是 1 开头的 11 位数字，座机请带区号，如 0734-8123456' }] },
          },
        },
      },
    })
    render(<RegisterElderPage />)
    await fillForm()
    fireEvent.click(byTestId('register-save')!)
    expect((await findByTestId('register-error-phone')).textContent).toContain('手机号是 1 开头的 11 位数字')
    expect(byTestId('register-error')?.textContent).toContain('电话不对')
    await type('register-phone', '13807341234')
    expect(byTestId('register-error-phone')).toBeNull()
  })

  it('a likely duplicate is shown as a card; 不是同一个人 resends the same request confirming those elders are others', async () => {
    let answered = 0
    const calls = mockApi({
      'POST /communities/c-xueyuan/elders': () =>
        answered++ === 0
          ? {
              status: 409,
              body: {
                error: {
                  code: 'LIKELY_DUPLICATE',
                  message: '学院路社区、东风社区已有一位同名、同一天出生的孙桂芳，请先确认是不是同一个人。',
                  details: {
                    matches: [
                      { elderId: 'e-same', name: '孙桂芳', age: 86, communityId: 'c-xueyuan', communityName: '学院路社区' },
                      { elderId: 'e-there', name: '孙桂芳', age: 86, communityId: 'c-dongfeng', communityName: '东风社区' },
                    ],
                  },
                },
              },
            }
          : { status: 201, body: registered },
    })
    render(<RegisterElderPage />)
    await fillForm()
    fireEvent.click(byTestId('register-save')!)
    const card = await findByTestId('register-duplicate')
    expect(card.textContent).toContain('孙桂芳 · 86 岁 · 学院路社区')
    expect(card.textContent).toContain('孙桂芳 · 86 岁 · 东风社区')
    expect(byTestId('register-save')).toBeNull()
    // Another community's elder is not opened here: the card says to move them instead of registering twice.
    expect(byTestId('register-duplicate-open-e-there')).toBeNull()
    expect(byTestId('register-duplicate-e-there')?.textContent).toContain('迁到本社区')

    fireEvent.click(byTestId('register-not-duplicate')!)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/worker/elder/index?elderId=e-new' }))
    const [first, second] = posts(calls).map((call) => call.data as Record<string, unknown>)
    expect(second.notDuplicateOf).toEqual(['e-same', 'e-there'])
    expect(second.idempotencyKey).toBe(first.idempotencyKey)
    expect(first.notDuplicateOf).toBeUndefined()
  })

  it('是同一个人 opens the elder already registered in the worker’s community', async () => {
    mockApi({
      'POST /communities/c-xueyuan/elders': {
        status: 409,
        body: { error: { code: 'LIKELY_DUPLICATE', message: '已有同名长辈', details: { matches: [{ elderId: 'e-same', name: '孙桂芳', age: 86, communityId: 'c-xueyuan', communityName: '学院路社区' }] } } },
      },
    })
    render(<RegisterElderPage />)
    await fillForm()
    fireEvent.click(byTestId('register-save')!)
    fireEvent.click(await findByTestId('register-duplicate-open-e-same'))
    expect(byTestId('register-duplicate-open-e-same')?.textContent).toBe('是同一个人，去看他的资料')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/worker/elder/index?elderId=e-same' })
  })
})
