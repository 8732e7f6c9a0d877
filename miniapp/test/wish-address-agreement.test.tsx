import { fireEvent, render, waitFor } from '@testing-library/react'
import WishPostPage from '../src/pages/wish-post/index'
import WorkerWishPage from '../src/worker/wish/index'
import { addressAgreementText } from '../src/components/AddressAgreementNote'
import { setRouterParams } from './taro-shim'
import { mockApi, signIn, type RecordedCall } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { elderWishes, wishOf } from './wish-fixtures'

/**
 * 送到家里 tells the claimer the elder's address, so she must agree: the elder choosing it herself agrees; a
 * relative or a worker posting for her ticks that she herself agreed, and the wish says who agreed and when.
 */
const posts = (calls: RecordedCall[]) => calls.filter((call) => call.method === 'POST')
const wishesRoute = 'GET /elders/e-wang/wishes'
const postRoute = 'POST /elders/e-wang/wishes'
const AGREED = '王秀兰本人同意把地址告诉认领的志愿者'

async function writeHomeWish() {
  fireEvent.input(await waitFor(() => nativeInput('wish-post-title')), { target: { value: '想请人上门理个发' } })
  fireEvent.click(byTestId('wish-post-category-service')!)
  fireEvent.click(byTestId('wish-post-handover-home')!)
}

describe('posting 送到家里 for the elder', () => {
  beforeEach(() => {
    signIn('family', '李明', 'u-family')
    setRouterParams({ elderId: 'e-wang' })
  })

  it('asks for her agreement only with 送到家里, as a big box; without it nothing is sent and the box says why', async () => {
    const calls = mockApi({ [wishesRoute]: { status: 200, body: elderWishes([]) } })
    render(<WishPostPage />)
    expect((await findByTestId('wish-post-form')).textContent).toContain('怎么交给王秀兰？')
    expect(byTestId('wish-post-address-agreed')).toBeNull()
    await writeHomeWish()
    const box = await findByTestId('wish-post-address-agreed')
    expect(box.textContent).toBe(`☐ ${AGREED}：否`)
    expect(box.getAttribute('class')).toContain('toggle')

    fireEvent.click(byTestId('wish-post-next')!)
    expect((await findByTestId('wish-post-error-addressAgreed')).textContent).toContain('要先问过王秀兰本人')
    expect(byTestId('wish-post-confirm')).toBeNull()
    expect(posts(calls)).toHaveLength(0)

    fireEvent.click(byTestId('wish-post-handover-centre')!)
    expect(byTestId('wish-post-address-agreed')).toBeNull()
  })

  it('ticked, the confirm step repeats it and the wish is sent with the agreement', async () => {
    const calls = mockApi({
      [wishesRoute]: { status: 200, body: elderWishes([]) },
      [postRoute]: { status: 201, body: { wish: wishOf({ wishId: 'w-new' }) } },
    })
    render(<WishPostPage />)
    await writeHomeWish()
    fireEvent.click(await findByTestId('wish-post-address-agreed'))
    expect(byTestId('wish-post-address-agreed')?.textContent).toBe(`☑ ${AGREED}：是`)
    fireEvent.click(byTestId('wish-post-next')!)
    expect((await findByTestId('wish-post-facts-agreed')).textContent).toBe(`✓ ${AGREED}`)
    fireEvent.click(byTestId('wish-post-ask-yes')!)
    await waitFor(() => expect(posts(calls)).toHaveLength(1))
    expect(posts(calls)[0].data).toMatchObject({ handover: 'home', addressAgreed: true })
  })

  it("the server's refusal of a home handover without her agreement is shown at the box", async () => {
    const message = '送到家里会把王秀兰家的地址告诉认领的志愿者，要王秀兰本人同意。'
    mockApi({
      [wishesRoute]: { status: 200, body: elderWishes([]) },
      [postRoute]: { status: 400, body: { error: { code: 'ADDRESS_AGREEMENT_MISSING', message, details: { fields: [{ field: 'addressAgreed', message }] } } } },
    })
    render(<WishPostPage />)
    await writeHomeWish()
    fireEvent.click(await findByTestId('wish-post-address-agreed'))
    fireEvent.click(byTestId('wish-post-next')!)
    fireEvent.click(await findByTestId('wish-post-ask-yes'))
    expect((await findByTestId('wish-post-error-addressAgreed')).textContent).toContain(message)
    expect(byTestId('wish-post-form')).not.toBeNull()
  })
})

it('the elder choosing 送到家里 herself is her agreement: no box, nothing more sent', async () => {
  signIn('elder', '王秀兰', 'e-wang')
  const calls = mockApi({
    [wishesRoute]: { status: 200, body: elderWishes([]) },
    [postRoute]: { status: 201, body: { wish: wishOf({ wishId: 'w-new' }) } },
  })
  render(<WishPostPage />)
  await writeHomeWish()
  expect(byTestId('wish-post-address-agreed')).toBeNull()
  fireEvent.click(byTestId('wish-post-next')!)
  fireEvent.click(await findByTestId('wish-post-ask-yes'))
  await waitFor(() => expect(posts(calls)).toHaveLength(1))
  expect(posts(calls)[0].data).not.toHaveProperty('addressAgreed')
})

describe('who agreed, as the wish says it', () => {
  const home = (addressAgreement?: { byName: string; onBehalf: boolean; at: string }) =>
    wishOf({ elderName: '王秀兰', handover: 'home', handoverName: '送到家里', ...(addressAgreement ? { addressAgreement } : {}) })
  // 09:30 on 20 November in China.
  const at = '2026-11-20T01:30:00.000Z'

  it('to the elder: her own agreement, or who agreed for her and when', () => {
    expect(addressAgreementText(home({ byName: '王秀兰', onBehalf: false, at }), true)).toBe('地址会告诉认领的志愿者，是您11月20日自己同意的。')
    expect(addressAgreementText(home({ byName: '王磊（儿子）', onBehalf: true, at }), true)).toBe('地址会告诉认领的志愿者，王磊（儿子）11月20日代您同意。')
  })

  it('to the others, by her name; a wish from before it was asked only says the address is told; the centre says nothing', () => {
    expect(addressAgreementText(home({ byName: '刘晓燕', onBehalf: true, at }), false)).toBe('地址会告诉认领的志愿者，刘晓燕11月20日代王秀兰同意。')
    expect(addressAgreementText(home({ byName: '王秀兰', onBehalf: false, at }), false)).toBe('地址会告诉认领的志愿者，王秀兰本人11月20日同意。')
    expect(addressAgreementText(home(), true)).toBe('地址会告诉认领的志愿者。')
    expect(addressAgreementText(wishOf(), true)).toBeNull()
  })

  it("the community's page of the wish shows who agreed under the handover", async () => {
    signIn('worker', '刘晓燕')
    setRouterParams({ wishId: 'w-home' })
    const wish = { ...home({ byName: '王磊（儿子）', onBehalf: true, at }), wishId: 'w-home' }
    mockApi({ 'GET /wishes/w-home': { status: 200, body: { wish } } })
    render(<WorkerWishPage />)
    expect((await findByTestId('wish-facts-address-agreement')).textContent).toBe('地址会告诉认领的志愿者，王磊（儿子）11月20日代王秀兰同意。')
  })
})
