import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import WorkerWishesPage from '../src/worker/wishes/index'
import WorkerWishPage from '../src/worker/wish/index'
import WishSettingsPage from '../src/worker/wish-settings/index'
import { mockApi } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { setRouterParams } from './taro-shim'
import { settingsOf, signInWorker, wishOf } from './worker-wish-fixtures'

const writes = (calls: ReturnType<typeof mockApi>) => calls.filter((call) => call.method !== 'GET')

async function typeInto(testId: string, value: string) {
  const box = await waitFor(() => nativeInput(testId))
  fireEvent.input(box, { target: { value } })
}

describe('the community wishes list', () => {
  beforeEach(signInWorker)

  it('opens on the wishes waiting for review with their count, and a wish opens its page', async () => {
    const calls = mockApi({
      'GET /communities/c-xueyuan/wishes': { status: 200, body: { items: [wishOf(), wishOf({ wishId: 'w-2', title: '陪我下象棋', valueFen: 0 })], cursor: null } },
    })
    render(<WorkerWishesPage />)

    expect((await findByTestId('worker-wish-w-1')).textContent).toContain('王秀兰 · 物品 · 约 ¥120')
    expect(byTestId('worker-wish-w-2')?.textContent).toContain('不花钱')
    expect(byTestId('worker-wishes-tab-pending')?.textContent).toContain('待审核（2）')
    expect(calls[0].url).toBe('/api/communities/c-xueyuan/wishes?status=pending')
    fireEvent.click(byTestId('worker-wish-w-1')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/worker/wish/index?wishId=w-1' })
  })

  it('进行中 asks for the claimed and the delivered wishes', async () => {
    const calls = mockApi({ 'GET /communities/c-xueyuan/wishes': { status: 200, body: { items: [], cursor: null } } })
    render(<WorkerWishesPage />)
    await findByTestId('worker-wishes-empty')
    fireEvent.click(byTestId('worker-wishes-tab-inProgress')!)

    await waitFor(() => expect(calls.map((call) => call.url)).toEqual(expect.arrayContaining(['/api/communities/c-xueyuan/wishes?status=claimed', '/api/communities/c-xueyuan/wishes?status=delivered'])))
  })
})

describe('reviewing a wish', () => {
  beforeEach(() => {
    signInWorker()
    setRouterParams({ wishId: 'w-1' })
  })

  it('publishes with only the field the worker edited, and shows the elder by the register name', async () => {
    const calls = mockApi({
      'GET /wishes/w-1': { status: 200, body: { wish: wishOf() } },
      'POST /wishes/w-1/publish': (data) => ({
        status: 200,
        body: { wish: wishOf({ ...(data as object), status: 'published', statusName: '等志愿者认领', asPosted: { title: wishOf().title, story: wishOf().story, category: wishOf().category, categoryName: wishOf().categoryName, valueFen: wishOf().valueFen }, can: { ...wishOf().can, review: false } }) },
      }),
    })
    render(<WorkerWishPage />)
    await waitFor(() => expect(byTestId('wish-facts-elder')?.textContent).toContain('王秀兰（心愿墙上显示为 王奶奶）'))
    expect(byTestId('wish-review')?.textContent).toContain('发布前可以改掉姓名、门牌号等隐私')

    await typeInto('wish-review-title', '想要一个足浴盆，冬天泡脚')
    fireEvent.click(byTestId('wish-publish')!)

    expect((await findByTestId('wish-done')).textContent).toContain('已发布到心愿墙')
    expect(writes(calls)).toHaveLength(1)
    expect(writes(calls)[0]).toMatchObject({ url: '/api/wishes/w-1/publish' })
    expect(writes(calls)[0].data).toEqual({ title: '想要一个足浴盆，冬天泡脚' })
    expect(byTestId('wish-review')).toBeNull()
    expect(byTestId('wish-as-posted')?.textContent).toContain('原来的标题想要一个足浴盆')
  })

  it('publishes unchanged words with an empty body', async () => {
    const calls = mockApi({
      'GET /wishes/w-1': { status: 200, body: { wish: wishOf() } },
      'POST /wishes/w-1/publish': { status: 200, body: { wish: wishOf({ status: 'published', statusName: '等志愿者认领', can: { ...wishOf().can, review: false } }) } },
    })
    render(<WorkerWishPage />)
    fireEvent.click(await findByTestId('wish-publish'))

    await findByTestId('wish-done')
    expect(writes(calls)[0].data).toEqual({})
  })

  it('refuses to reject without a reason, then sends the common reason picked', async () => {
    const calls = mockApi({
      'GET /wishes/w-1': { status: 200, body: { wish: wishOf() } },
      'POST /wishes/w-1/reject': (data) => ({
        status: 200,
        body: { wish: wishOf({ status: 'rejected', statusName: '没有通过', rejectReason: (data as { reason: string }).reason, can: { ...wishOf().can, review: false } }) },
      }),
    })
    render(<WorkerWishPage />)
    // The story box is a web component: let it finish rendering before the panel replaces it.
    await waitFor(() => expect(byTestId('wish-review-story')?.querySelector('textarea')).toBeTruthy())
    fireEvent.click(byTestId('wish-reject-open')!)
    fireEvent.click(byTestId('wish-reject-submit')!)

    expect((await findByTestId('wish-review-error')).textContent).toContain('请写没通过的原因')
    expect(writes(calls)).toHaveLength(0)

    fireEvent.click(byTestId('wish-reject-quick-超出心愿价值上限')!)
    fireEvent.click(byTestId('wish-reject-submit')!)
    expect((await findByTestId('wish-done')).textContent).toContain('已告诉王奶奶')
    expect(writes(calls)[0]).toMatchObject({ url: '/api/wishes/w-1/reject', data: { reason: '超出心愿价值上限' } })
    expect(byTestId('wish-facts-reject-reason')?.textContent).toContain('超出心愿价值上限')
  })

  it('takes a stalled claim back only after asking', async () => {
    const claimed = wishOf({ status: 'claimed', statusName: '志愿者已认领', claimer: { name: '李华', partyMember: true }, claimDeadline: '2026-11-27T15:59:00.000Z', can: { ...wishOf().can, review: false, release: true } })
    const calls = mockApi({
      'GET /wishes/w-1': { status: 200, body: { wish: claimed } },
      'POST /wishes/w-1/release': { status: 200, body: { wish: wishOf({ status: 'published', statusName: '等志愿者认领', can: { ...wishOf().can, review: false } }) } },
    })
    render(<WorkerWishPage />)
    expect((await findByTestId('wish-facts-claimer')).textContent).toContain('李华（党员）')
    fireEvent.click(byTestId('wish-release')!)
    expect(writes(calls)).toHaveLength(0)
    fireEvent.click(byTestId('wish-release-ask-yes')!)

    expect((await findByTestId('wish-done')).textContent).toContain('放回了心愿墙')
    expect(writes(calls)[0].url).toBe('/api/wishes/w-1/release')
  })
})

describe('the community wish rules', () => {
  beforeEach(signInWorker)

  it('sends the cap typed in yuan as fen, and shows the server problem under its field', async () => {
    const calls = mockApi({
      'GET /communities/c-xueyuan/wish-settings': { status: 200, body: settingsOf() },
      'PUT /communities/c-xueyuan/wish-settings': {
        status: 400,
        body: { error: { code: 'INVALID_INPUT', message: '认领期限最多 60 天', details: { fields: [{ field: 'claimDays', message: '认领期限最多 60 天' }] } } },
      },
    })
    render(<WishSettingsPage />)
    expect((await findByTestId('redemption-windows-default')).textContent).toContain('每季度最后两周')

    await typeInto('wish-settings-cap', '500.5')
    await typeInto('wish-settings-claim-days', '90')
    fireEvent.click(byTestId('wish-settings-save')!)

    expect((await findByTestId('wish-settings-error-claimDays')).textContent).toContain('认领期限最多 60 天')
    expect(writes(calls)[0].data).toEqual({
      valueCapFen: 50050,
      pointsPerWish: 10,
      claimDays: 90,
      eldersRedeem: false,
      redemptionWindows: [],
      commonWishes: [{ title: '理发上门', category: 'service', valueFen: 0 }],
    })
  })

  it('adds a common wish in yuan and refuses one above the cap', async () => {
    const calls = mockApi({
      'GET /communities/c-xueyuan/wish-settings': { status: 200, body: settingsOf({ commonWishes: [] }) },
      'PUT /communities/c-xueyuan/wish-settings': (data) => ({ status: 200, body: { ...(data as object), communityId: 'c-xueyuan' } }),
    })
    render(<WishSettingsPage />)
    await findByTestId('common-wishes')
    await typeInto('common-wish-title', '一副老花镜')
    fireEvent.click(byTestId('common-wish-category-goods')!)
    await typeInto('common-wish-value', '400')
    fireEvent.click(byTestId('common-wish-add')!)
    expect((await findByTestId('common-wish-add-error')).textContent).toContain('不能超过心愿价值上限 ¥300')

    await typeInto('common-wish-value', '45')
    fireEvent.click(byTestId('common-wish-add')!)
    expect((await findByTestId('common-wish-0')).textContent).toContain('一副老花镜 · 物品 · 约 ¥45')
    fireEvent.click(byTestId('wish-settings-save')!)

    expect((await findByTestId('wish-settings-done')).textContent).toContain('规则已保存')
    expect((writes(calls)[0].data as { commonWishes: unknown }).commonWishes).toEqual([{ title: '一副老花镜', category: 'goods', valueFen: 4500 }])
  })
})
