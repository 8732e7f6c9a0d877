import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setRouterParams } from './taro-shim'
import { mockApi, signIn, type RecordedCall } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { claimer, elderWishes, wishAt, wishOf } from './wish-fixtures'
import WishesPage from '../src/pages/wishes/index'
import WishPostPage from '../src/pages/wish-post/index'
import WishPage from '../src/pages/wish/index'

const wishesRoute = 'GET /elders/e-wang/wishes'
const postRoute = 'POST /elders/e-wang/wishes'

const posts = (calls: RecordedCall[]) => calls.filter((call) => call.method === 'POST')
const keyOf = (call: RecordedCall) => (call.data as { idempotencyKey: string }).idempotencyKey

/** The next answer of `Taro.request` is a lost network; the ones after it answer as before. */
function loseNextAnswer(calls: RecordedCall[]) {
  jest.mocked(Taro.request).mockImplementationOnce(((options: RecordedCall) => {
    calls.push({ method: options.method, url: options.url, data: options.data, header: options.header })
    return Promise.reject(new Error('request:fail timeout'))
  }) as never)
}

async function type(testId: string, value: string) {
  fireEvent.input(await waitFor(() => nativeInput(testId)), { target: { value } })
}

describe('wishes page: each wish says what happens next', () => {
  it('shows every wish with its state in words and the next step, the one to confirm first', async () => {
    const all = [wishAt.pending(), wishAt.published(), wishAt.claimed(), wishAt.delivered(), wishAt.realised(), wishAt.rejected()]
    mockApi({ [wishesRoute]: { status: 200, body: elderWishes(all) } })
    signIn('elder', '王秀兰', 'e-wang')
    render(<WishesPage />)

    expect((await findByTestId('wishes-w-pending-next')).textContent).toContain('等社区审核')
    expect(byTestId('wishes-w-published-next')?.textContent).toBe('等志愿者认领')
    expect(byTestId('wishes-w-claimed-next')?.textContent).toBe('李华（党员）已认领，11月28日前办好')
    expect(byTestId('wishes-w-delivered-next')?.textContent).toBe('志愿者说已办好，请您确认')
    expect(byTestId('wishes-w-realised-next')?.textContent).toBe('已实现 ✓')
    expect(byTestId('wishes-w-rejected-next')?.textContent).toBe('没有通过：这个心愿超出了社区能帮的范围')
    expect(byTestId('wishes-w-claimed-status')?.textContent).toBe('✎ 志愿者已认领')
    expect(byTestId('wishes-title')?.textContent).toBe('我的心愿')

    const order = Array.from(document.querySelectorAll('[data-testid^="wishes-w-"][data-testid$="-next"]')).map((element) => element.getAttribute('data-testid'))
    expect(order[0]).toBe('wishes-w-delivered-next')

    fireEvent.click(byTestId('wishes-w-delivered')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/wish/index?wishId=w-delivered' })
  })

  it('with no wish yet, says in plain words what a micro-wish is, and 许个心愿 opens the post page for the elder', async () => {
    mockApi({ [wishesRoute]: { status: 200, body: elderWishes([]) } })
    signIn('family', '李明', 'u-family')
    setRouterParams({ elderId: 'e-wang' })
    render(<WishesPage />)

    const empty = await findByTestId('wishes-empty')
    expect(empty.textContent).toContain('王秀兰还没有许过心愿')
    expect(empty.textContent).toContain('社区的志愿者帮忙实现')
    expect(byTestId('wishes-title')?.textContent).toBe('王秀兰的心愿')
    fireEvent.click(byTestId('wishes-post')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/wish-post/index?elderId=e-wang' })
  })
})

describe('posting a wish', () => {
  function open() {
    signIn('elder', '王秀兰', 'e-wang')
    render(<WishPostPage />)
  }

  it('a common wish is one tap and one confirm; after a lost answer 确认许愿 resends it with the same key', async () => {
    const calls = mockApi({
      [wishesRoute]: { status: 200, body: elderWishes([]) },
      [postRoute]: { status: 201, body: { wish: wishOf({ wishId: 'w-new' }), replayed: true } },
    })
    open()
    expect((await findByTestId('wish-post-common')).textContent).toContain('点一下就能许愿')
    expect(byTestId('wish-post-common-0')?.textContent).toContain('服务 · 约 ¥30')
    expect(byTestId('wish-post-common-1')?.textContent).toContain('不花钱')

    fireEvent.click(byTestId('wish-post-common-0')!)
    expect((await findByTestId('wish-post-facts-title')).textContent).toContain('想理个发')
    expect(byTestId('wish-post-facts-value')?.textContent).toContain('约 ¥30')
    expect(byTestId('wish-post-facts-handover')?.textContent).toContain('送到社区服务站')
    expect(byTestId('wish-post-form')).toBeNull()
    expect(posts(calls)).toHaveLength(0)

    loseNextAnswer(calls)
    fireEvent.click(byTestId('wish-post-ask-yes')!)
    expect((await findByTestId('wish-post-error')).textContent).toContain('不会重复许愿')
    expect(Taro.redirectTo).not.toHaveBeenCalled()

    fireEvent.click(byTestId('wish-post-ask-yes')!)
    // A second tap while the first is on its way sends nothing more.
    fireEvent.click(byTestId('wish-post-ask-yes')!)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/wish/index?wishId=w-new' }))

    const sent = posts(calls)
    expect(sent).toHaveLength(2)
    expect(sent[0].url).toBe('/api/elders/e-wang/wishes')
    expect(sent[0].data).toEqual({ title: '想理个发', story: '', category: 'service', valueFen: 3000, handover: 'centre', idempotencyKey: keyOf(sent[0]) })
    expect(keyOf(sent[0])).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
    expect(keyOf(sent[1])).toBe(keyOf(sent[0]))
  })

  it('a wish written out is sent as typed, in fen, to be brought home; another wish gets another key', async () => {
    const calls = mockApi({
      [wishesRoute]: { status: 200, body: elderWishes([]) },
      [postRoute]: { status: 500, body: { error: { code: 'INTERNAL', message: '系统开小差了，请稍后再试。' } } },
    })
    open()
    await type('wish-post-title', '想要一个台灯')
    expect((await findByTestId('wish-post-title-count')).textContent).toBe('已写 6 个字，最多 30 个字')
    const story = byTestId('wish-post-story')?.querySelector('textarea')
    fireEvent.input(story!, { target: { value: '晚上看报纸太暗' } })
    fireEvent.click(byTestId('wish-post-category-goods')!)
    await type('wish-post-value', '45.5')
    expect(byTestId('wish-post-cap')?.textContent).toBe('最多 ¥300')
    fireEvent.click(byTestId('wish-post-handover-home')!)
    expect((await findByTestId('wish-post-handover-note')).textContent).toContain('认领以后，才能看到家里的地址')

    fireEvent.click(byTestId('wish-post-next')!)
    fireEvent.click(await findByTestId('wish-post-ask-yes'))
    await findByTestId('wish-post-error')
    fireEvent.click(byTestId('wish-post-ask-no')!)
    await type('wish-post-title', '想要一个护眼台灯')
    fireEvent.click(byTestId('wish-post-next')!)
    fireEvent.click(await findByTestId('wish-post-ask-yes'))
    await waitFor(() => expect(posts(calls)).toHaveLength(2))

    const [first, second] = posts(calls)
    expect(first.data).toMatchObject({ title: '想要一个台灯', story: '晚上看报纸太暗', category: 'goods', valueFen: 4550, handover: 'home' })
    expect(second.data).toMatchObject({ title: '想要一个护眼台灯' })
    expect(keyOf(second)).not.toBe(keyOf(first))
  })

  it('says at the field what is missing or too much, without sending anything', async () => {
    const calls = mockApi({ [wishesRoute]: { status: 200, body: elderWishes([]) } })
    open()
    await type('wish-post-value', '500')
    fireEvent.click(await findByTestId('wish-post-next'))
    expect((await findByTestId('wish-post-error-title')).textContent).toContain('请写上您的心愿')
    expect(byTestId('wish-post-error-category')?.textContent).toContain('选一个类别')
    expect(byTestId('wish-post-error-valueFen')?.textContent).toContain('最多 ¥300')
    expect(posts(calls)).toHaveLength(0)
  })

  it("shows the server's problem with a field under that field, back on the form", async () => {
    const calls = mockApi({
      [wishesRoute]: { status: 200, body: elderWishes([]) },
      [postRoute]: {
        status: 400,
        body: { error: { code: 'INVALID_INPUT', message: '心愿标题里有无法显示的特殊字符，请删掉后重新输入', details: { fields: [{ field: 'title', message: '心愿标题里有无法显示的特殊字符，请删掉后重新输入' }] } } },
      },
    })
    open()
    await type('wish-post-title', '想理个发')
    fireEvent.click(await findByTestId('wish-post-category-service'))
    fireEvent.click(byTestId('wish-post-next')!)
    fireEvent.click(await findByTestId('wish-post-ask-yes'))

    expect((await findByTestId('wish-post-error-title')).textContent).toContain('特殊字符')
    expect(byTestId('wish-post-form')).not.toBeNull()
    expect(byTestId('wish-post-confirm')).toBeNull()
    expect(posts(calls)).toHaveLength(1)
  })

  it("a value over the community's cap, refused by the server, is shown at the value", async () => {
    mockApi({
      [wishesRoute]: { status: 200, body: elderWishes([]) },
      [postRoute]: { status: 409, body: { error: { code: 'WISH_VALUE_TOO_HIGH', message: '心愿的价值最多 ¥300。' } } },
    })
    open()
    fireEvent.click(await findByTestId('wish-post-common-0'))
    fireEvent.click(await findByTestId('wish-post-ask-yes'))
    expect((await findByTestId('wish-post-error-valueFen')).textContent).toContain('最多 ¥300')
  })
})

describe('one wish: confirming, thanking, withdrawing', () => {
  function open(wishId: string) {
    signIn('family', '李明', 'u-family')
    setRouterParams({ wishId })
    render(<WishPage />)
  }

  it('确认收到了 asks first, then realises the wish and shows the points', async () => {
    const delivered = wishAt.delivered()
    const realised = { ...wishAt.realised(), wishId: 'w-delivered', delivery: delivered.delivery }
    const calls = mockApi({
      'GET /wishes/w-delivered': { status: 200, body: { wish: delivered } },
      'POST /wishes/w-delivered/confirm': { status: 200, body: { wish: realised } },
    })
    open('w-delivered')
    expect((await findByTestId('wish-next')).textContent).toBe('志愿者说已办好，请您确认')
    expect(byTestId('wish-claimer')?.textContent).toContain('李华 ★党员')
    expect(byTestId('wish-delivery')?.textContent).toContain('头发理好了')
    expect(byTestId('wish-delivery-photo')).not.toBeNull()

    fireEvent.click(byTestId('wish-confirm')!)
    expect(byTestId('wish-confirm-ask')?.textContent).toContain('确认以后，心愿就算实现了，志愿者会得到积分')
    expect(posts(calls)).toHaveLength(0)
    fireEvent.click(byTestId('wish-confirm-ask-yes')!)

    expect((await findByTestId('wish-done')).textContent).toContain('心愿实现了')
    expect(byTestId('wish-next')?.textContent).toBe('已实现 ✓')
    expect(byTestId('wish-points')?.textContent).toContain('10 积分')
    expect(byTestId('wish-confirm')).toBeNull()
    expect(posts(calls).map((call) => call.url)).toEqual(['/api/wishes/w-delivered/confirm'])
  })

  it('说声谢谢 offers ready phrases; the words chosen are sent and then shown', async () => {
    const realised = wishAt.realised()
    const calls = mockApi({
      'GET /wishes/w-realised': { status: 200, body: { wish: realised } },
      'POST /wishes/w-realised/thanks': (data) => ({
        status: 200,
        body: {
          wish: {
            ...realised,
            can: { ...realised.can, thank: false },
            thanks: { message: (data as { message: string }).message, at: '2026-11-22T06:00:00.000Z', byName: '李明', to: claimer },
          },
        },
      }),
    })
    open('w-realised')
    fireEvent.click(await findByTestId('wish-thank-phrase-0'))
    await waitFor(() => expect(nativeInput('wish-thank-message').value).toBe('谢谢你，孩子！'))
    fireEvent.click(byTestId('wish-thank-send')!)

    expect((await findByTestId('wish-thanks-message')).textContent).toBe('谢谢你，孩子！')
    expect(byTestId('wish-thanks')?.textContent).toContain('李明')
    // The thank-you names the volunteer it went to, a party member marked as on the wall.
    expect(byTestId('wish-thanks-to')?.textContent).toBe('送给志愿者 李华★ 党员')
    expect(byTestId('wish-thanks-party')?.textContent).toBe('★ 党员')
    expect(byTestId('wish-thank')).toBeNull()
    const sent = posts(calls)
    expect(sent).toHaveLength(1)
    expect(sent[0].url).toBe('/api/wishes/w-realised/thanks')
    expect(sent[0].data).toEqual({ message: '谢谢你，孩子！' })
  })

  it('撤回心愿 needs a second tap to confirm; 不是，返回 leaves the wish as it was', async () => {
    const pending = wishAt.pending()
    const calls = mockApi({
      'GET /wishes/w-pending': { status: 200, body: { wish: pending } },
      'POST /wishes/w-pending/withdraw': { status: 200, body: { wish: { ...pending, status: 'withdrawn', statusName: '已撤回', can: { ...pending.can, withdraw: false } } } },
    })
    open('w-pending')
    fireEvent.click(await findByTestId('wish-withdraw'))
    expect(byTestId('wish-withdraw-ask')?.textContent).toContain('真的要撤回“想理个发”吗')
    fireEvent.click(byTestId('wish-withdraw-ask-no')!)
    expect(byTestId('wish-withdraw-ask')).toBeNull()
    expect(posts(calls)).toHaveLength(0)

    fireEvent.click(byTestId('wish-withdraw')!)
    fireEvent.click(byTestId('wish-withdraw-ask-yes')!)
    await waitFor(() => expect(byTestId('wish-status')?.textContent).toContain('已撤回'))
    expect(byTestId('wish-withdraw')).toBeNull()
    expect(posts(calls).map((call) => call.url)).toEqual(['/api/wishes/w-pending/withdraw'])
  })

  it('the thanks to a volunteer who is not a party member carries no 党员 mark', async () => {
    const thanked = wishAt.realised()
    const volunteer = { name: '刘洋', partyMember: false }
    mockApi({
      'GET /wishes/w-realised': {
        status: 200,
        body: { wish: { ...thanked, claimer: volunteer, can: { ...thanked.can, thank: false }, thanks: { message: '谢谢小刘', at: '2026-11-22T06:00:00.000Z', byName: '王秀兰', to: volunteer } } },
      },
    })
    open('w-realised')
    expect((await findByTestId('wish-thanks-to')).textContent).toBe('送给志愿者 刘洋')
    expect(byTestId('wish-thanks-party')).toBeNull()
  })

  it('shows each change the community made when publishing, before and after: the category and the value as well as the words', async () => {
    const published = wishOf({
      status: 'published',
      statusName: '等志愿者认领',
      title: '想请人上门修个灯',
      category: 'service',
      categoryName: '服务',
      valueFen: 150_00,
      asPosted: { title: '想请人上门修个灯', story: '腿脚不方便，出不了门', category: 'goods', categoryName: '物品', valueFen: 200_00 },
    })
    mockApi({ 'GET /wishes/w-1': { status: 200, body: { wish: published } } })
    open('w-1')
    await findByTestId('wish-as-posted')
    expect(byTestId('wish-as-posted-category')?.textContent).toBe('社区把类别从“物品”改成了“服务”。')
    expect(byTestId('wish-as-posted-value')?.textContent).toBe('社区把估价从“约 ¥200”改成了“约 ¥150”。')
    // The words were left as written: nothing is said about them.
    expect(byTestId('wish-as-posted-words')).toBeNull()
  })

  it('says plainly when the community reworded the wish for privacy, and shows the words first written', async () => {
    const published = wishOf({
      status: 'published',
      statusName: '等志愿者认领',
      title: '想理个发',
      story: '腿脚不方便',
      asPosted: { title: '想理个发', story: '我住学院路 12 号，腿脚不方便', category: 'service', categoryName: '服务', valueFen: 30_00 },
      timeline: [{ action: 'posted', text: '发布了心愿', at: '2026-11-20T02:00:00.000Z', byName: '王秀兰' }],
    })
    mockApi({ 'GET /wishes/w-1': { status: 200, body: { wish: published } } })
    open('w-1')
    const note = await findByTestId('wish-as-posted')
    expect(note.textContent).toContain('社区为了保护您的隐私，把内容改成了上面这样；您原来写的是')
    expect(note.textContent).toContain('我住学院路 12 号')
    expect(byTestId('wish-timeline')?.textContent).toContain('发布了心愿')
  })
})
