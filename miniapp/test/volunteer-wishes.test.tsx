import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MeResponse } from '@yilin/contract'
import HomePage from '../src/pages/home/index'
import LeaderboardPage from '../src/volunteer/leaderboard/index'
import MyWishesPage from '../src/volunteer/mine/index'
import WallPage from '../src/volunteer/wall/index'
import VolunteerWishPage from '../src/volunteer/wish/index'
import { setRouterParams } from './taro-shim'
import { apiError, mockApi, signIn } from './api-mock'
import { byTestId, findByTestId, nativeInput, tileIds } from './dom'
import { claimedWish, leaderboardOf, myWishesOf, tallyOf, wallOf, wishOf } from './points-fixtures'
import { privacyAccepted } from './fixtures'

const wishRoute = 'GET /wishes/w-radio'
const claimRoute = 'POST /wishes/w-radio/claim'

const meOf = (status: 'pending' | 'confirmed'): MeResponse => ({
  user: { userId: 'v-liu', role: 'volunteer', name: '刘洋', communityId: 'c-xueyuan' },
  privacyNotice: privacyAccepted,
  volunteer: { userId: 'v-liu', name: '刘洋', phone: '13907341101', communityId: 'c-xueyuan', communityName: '学院路社区', status, partyMember: false, signedUpAt: '2026-11-28T02:00:00.000Z' },
})

const posts = (calls: ReturnType<typeof mockApi>) => calls.filter((call) => call.method === 'POST')

function openWish() {
  signIn('volunteer', '刘洋', 'v-liu')
  setRouterParams({ wishId: 'w-radio' })
  render(<VolunteerWishPage />)
}

describe("a volunteer's home", () => {
  it('confirmed: the wall, their wishes, their points and the month’s leaderboard; waiting for the community: the wall only', async () => {
    signIn('volunteer', '刘洋', 'v-liu')
    mockApi({ 'GET /me': { status: 200, body: meOf('confirmed') } })
    const { unmount } = render(<HomePage />)
    await findByTestId('home-tile-points')
    expect(tileIds()).toEqual(['home-tile-wall', 'home-tile-my-wishes', 'home-tile-points', 'home-tile-leaderboard', 'home-tile-messages', 'home-tile-account'])
    fireEvent.click(byTestId('home-tile-points')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/points/index' })
    unmount()

    mockApi({ 'GET /me': { status: 200, body: meOf('pending') } })
    render(<HomePage />)
    await findByTestId('home-volunteer-wait')
    expect(tileIds()).toEqual(['home-tile-wall', 'home-tile-messages', 'home-tile-account'])
    fireEvent.click(byTestId('home-tile-wall')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/volunteer/wall/index' })
  })
})

describe('心愿墙', () => {
  beforeEach(() => signIn('volunteer', '刘洋', 'v-liu'))

  it("opens on the volunteer's own community: its four figures, then the wishes; 全县 asks for every community", async () => {
    const county = wallOf({ tallies: [tallyOf(), tallyOf({ communityId: 'c-gzp', communityName: '古丈坪社区', collected: 19, realised: 2, inProgress: 1, waiting: 16 })] })
    const calls = mockApi({ 'GET /wall': () => ({ status: 200, body: calls.at(-1)?.url.includes('communityId') ? wallOf() : county }) })
    render(<WallPage />)
    expect((await findByTestId('wall-tally-collected')).textContent).toBe('381收集')
    expect(byTestId('wall-tally-realised')?.textContent).toBe('218已实现')
    expect(byTestId('wall-tally')?.textContent).toContain('学院路社区')
    expect(calls[0].url).toBe('/api/wall?communityId=c-xueyuan')
    const card = byTestId('wall-wish-w-radio')!.textContent
    expect(card).toContain('想要一台收音机')
    expect(card).toContain('王奶奶 · 学院路社区')
    expect(card).toContain('物品 · 约 ¥80 · 2026年11月20日发布')

    fireEvent.click(byTestId('wall-scope-county')!)
    await waitFor(() => expect(byTestId('wall-tally-collected')?.textContent).toBe('400收集'))
    expect(calls.at(-1)?.url).toBe('/api/wall')
    expect(byTestId('wall-community-c-gzp')?.textContent).toContain('古丈坪社区')

    fireEvent.click(byTestId('wall-wish-w-radio')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/volunteer/wish/index?wishId=w-radio' })
  })

  it('loads more wishes with the cursor, keeping those shown; a party member who claimed one is marked ★党员', async () => {
    const first = wallOf({ cursor: 'next-1' })
    const second = wallOf({ wishes: [wishOf({ wishId: 'w-chat', title: '陪我聊聊天', valueFen: 0, claimer: { name: '黄丽华', partyMember: true } })] })
    const calls = mockApi({ 'GET /wall': () => ({ status: 200, body: calls.at(-1)?.url.includes('cursor=next-1') ? second : first }) })
    render(<WallPage />)
    fireEvent.click(await findByTestId('wall-more'))
    await findByTestId('wall-wish-w-chat')
    expect(calls.at(-1)?.url).toBe('/api/wall?communityId=c-xueyuan&cursor=next-1')
    expect(byTestId('wall-wish-w-radio')).not.toBeNull()
    expect(byTestId('wall-wish-w-chat')?.textContent).toContain('不花钱')
    expect(byTestId('wall-wish-w-chat-party')?.textContent).toContain('★ 党员')
    expect(byTestId('wall-wish-w-radio-party')).toBeNull()
    expect(byTestId('wall-more')).toBeNull()
  })
})

describe('a wish, for a volunteer', () => {
  it('claiming asks once more; after it, how to hand it over (place, address, a phone to tap) and the deadline', async () => {
    const calls = mockApi({
      [wishRoute]: { status: 200, body: { wish: wishOf({ can: { claim: true } }) } },
      [claimRoute]: { status: 200, body: { wish: claimedWish() } },
    })
    openWish()
    expect(byTestId('wish-handover')).toBeNull()
    fireEvent.click(await findByTestId('wish-claim'))
    expect(byTestId('wish-claim-ask')?.textContent).toContain('认领后请在')
    expect(posts(calls)).toHaveLength(0)
    fireEvent.click(byTestId('wish-claim-ask-yes')!)

    const handover = await findByTestId('wish-handover')
    expect(calls.find((call) => call.method === 'POST')?.url).toBe('/api/wishes/w-radio/claim')
    expect(byTestId('wish-done')?.textContent).toContain('认领成功')
    expect(handover.textContent).toContain('学院路社区服务站')
    expect(byTestId('wish-handover-address')?.textContent).toContain('学院路 8 号')
    expect(byTestId('wish-phone')?.getAttribute('href')).toBe('tel:07348123456')
    expect(byTestId('wish-deadline')?.textContent).toContain('2026年12月14日 10:00 前办好')
    expect(byTestId('wish-claim')).toBeNull()
    expect(byTestId('wish-release')).not.toBeNull()
  })

  it("a refused claim says why in the server's words; a volunteer the community has not confirmed is told so", async () => {
    mockApi({
      [wishRoute]: { status: 200, body: { wish: wishOf({ can: { claim: true } }) } },
      [claimRoute]: apiError(403, 'FORBIDDEN', '社区确认您的志愿者报名以后，才能认领心愿。'),
    })
    openWish()
    fireEvent.click(await findByTestId('wish-claim'))
    fireEvent.click(byTestId('wish-claim-ask-yes')!)
    expect((await findByTestId('wish-error')).textContent).toContain('社区确认您的志愿者报名以后，才能认领心愿。')
    expect(byTestId('wish-handover')).toBeNull()
  })

  it('a wish the volunteer may not claim has no 认领 button, and says why', async () => {
    mockApi({ [wishRoute]: { status: 200, body: { wish: wishOf() } }, 'GET /me': { status: 200, body: meOf('pending') } })
    openWish()
    expect((await findByTestId('wish-why-not')).textContent).toContain('社区还没有确认您的志愿者报名')
    expect(byTestId('wish-claim')).toBeNull()
  })

  it('claimed by someone else first: says another volunteer was quicker, without reopening a wish now hidden from them', async () => {
    const calls = mockApi({
      [wishRoute]: { status: 200, body: { wish: wishOf({ can: { claim: true } }) } },
      [claimRoute]: apiError(409, 'WISH_TAKEN', '这个心愿刚被别的志愿者认领了。'),
    })
    openWish()
    fireEvent.click(await findByTestId('wish-claim'))
    fireEvent.click(byTestId('wish-claim-ask-yes')!)
    expect((await findByTestId('wish-taken')).textContent).toContain('已经有志愿者认领了')
    expect(byTestId('wish-claim')).toBeNull()
    expect(byTestId('wish-to-wall')).not.toBeNull()
    expect(calls.filter((call) => call.method === 'GET')).toHaveLength(1)
  })

  it('我已办好 sends the message (a suggested phrase, changed) with the key of the photo chosen', async () => {
    const file = new File(['jpeg'], 'gift.jpg', { type: 'image/jpeg' })
    const click = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      Object.defineProperty(this, 'files', { value: [file] })
      this.onchange?.(new Event('change'))
    })
    const upload = jest.fn(() => Promise.resolve({ ok: true, status: 204 }))
    const realFetch = global.fetch
    global.fetch = upload as never
    try {
      const calls = mockApi({
        [wishRoute]: { status: 200, body: { wish: claimedWish() } },
        'POST /wishes/w-radio/photo-uploads': { status: 200, body: { url: 'https://files.example/up', fields: { key: 'wishes/w-radio/p1.jpg', policy: 'p' }, key: 'wishes/w-radio/p1.jpg', maxBytes: 5_000_000 } },
        'POST /wishes/w-radio/deliver': (data) => ({
          status: 200,
          body: { wish: claimedWish({ status: 'delivered', statusName: '志愿者说已办好，等确认', delivery: { message: (data as { message: string }).message, at: '2026-12-01T02:00:00.000Z' }, can: { release: false, deliver: false } }) },
        }),
      })
      openWish()
      fireEvent.click(await findByTestId('wish-deliver-open'))
      fireEvent.click(byTestId('wish-deliver-phrase-1')!)
      await waitFor(() => expect(nativeInput('wish-deliver-message').value).toBe('东西已经交给社区服务站，工作人员会转交给您。'))
      fireEvent.input(nativeInput('wish-deliver-message'), { target: { value: '收音机放在服务站了，祝您听戏开心！' } })
      fireEvent.click(byTestId('wish-deliver-photo')!)
      await findByTestId('wish-deliver-photo-added')
      expect(calls.find((call) => call.url.endsWith('/photo-uploads'))?.data).toEqual({ contentType: 'image/jpeg' })
      expect(upload).toHaveBeenCalledWith('https://files.example/up', expect.objectContaining({ method: 'POST' }))

      fireEvent.click(byTestId('wish-deliver-submit')!)
      await findByTestId('wish-waiting-confirm')
      expect(calls.find((call) => call.url.endsWith('/deliver'))?.data).toEqual({ message: '收音机放在服务站了，祝您听戏开心！', photoKey: 'wishes/w-radio/p1.jpg' })
      expect(byTestId('wish-delivery')?.textContent).toContain('收音机放在服务站了')
      expect(byTestId('wish-deliver-open')).toBeNull()
    } finally {
      click.mockRestore()
      global.fetch = realFetch
    }
  })

  it('我已办好 without a message says what is missing and sends nothing; without a photo sends no key', async () => {
    const calls = mockApi({
      [wishRoute]: { status: 200, body: { wish: claimedWish() } },
      'POST /wishes/w-radio/deliver': { status: 200, body: { wish: claimedWish({ status: 'delivered', can: { release: false, deliver: false } }) } },
    })
    openWish()
    fireEvent.click(await findByTestId('wish-deliver-open'))
    fireEvent.click(byTestId('wish-deliver-submit')!)
    expect((await findByTestId('wish-deliver-error')).textContent).toContain('请写一句留言')
    expect(posts(calls)).toHaveLength(0)
    fireEvent.click(byTestId('wish-deliver-phrase-0')!)
    fireEvent.click(byTestId('wish-deliver-submit')!)
    await waitFor(() => expect(posts(calls)).toHaveLength(1))
    expect(posts(calls)[0].data).toEqual({ message: '心愿已经帮您办好了，祝您身体健康、天天开心！' })
  })

  it('放弃认领 asks once more before the wish goes back to the wall', async () => {
    const calls = mockApi({
      [wishRoute]: { status: 200, body: { wish: claimedWish() } },
      'POST /wishes/w-radio/release': { status: 200, body: { wish: wishOf() } },
    })
    openWish()
    fireEvent.click(await findByTestId('wish-release'))
    expect(posts(calls)).toHaveLength(0)
    fireEvent.click(byTestId('wish-release-ask-no')!)
    fireEvent.click(await findByTestId('wish-release'))
    fireEvent.click(byTestId('wish-release-ask-yes')!)
    expect((await findByTestId('wish-done')).textContent).toContain('心愿回到了心愿墙')
    expect(posts(calls).map((call) => call.url)).toEqual(['/api/wishes/w-radio/release'])
    expect(byTestId('wish-handover')).toBeNull()
  })

  const realisedFor = (claimer: { name: string; partyMember: boolean }) =>
    claimedWish({
      status: 'realised',
      statusName: '已实现',
      points: 20,
      claimer,
      thanks: { message: '谢谢小刘，收音机很好用！', at: '2026-12-02T02:00:00.000Z', byName: '王秀兰', to: claimer },
      can: { release: false, deliver: false },
    })

  it('realised: the points earned and the elder’s thanks, addressed to the volunteer', async () => {
    mockApi({ [wishRoute]: { status: 200, body: { wish: realisedFor({ name: '刘洋', partyMember: false }) } } })
    openWish()
    expect((await findByTestId('wish-points')).textContent).toBe('+20 积分')
    expect(byTestId('wish-thanks')?.textContent).toContain('谢谢小刘，收音机很好用！')
    expect(byTestId('wish-thanks')?.textContent).toContain('王秀兰')
    expect(byTestId('wish-thanks-to')?.textContent).toBe('致志愿者 刘洋')
    expect(byTestId('wish-thanks-party')).toBeNull()
    expect(byTestId('wish-deliver-open')).toBeNull()
  })

  it('realised by a party member: the thanks the volunteer reads carries the 党员 mark beside their name', async () => {
    mockApi({ [wishRoute]: { status: 200, body: { wish: realisedFor({ name: '黄丽华', partyMember: true }) } } })
    openWish()
    expect((await findByTestId('wish-thanks-to')).textContent).toBe('致志愿者 黄丽华★ 党员')
    expect(byTestId('wish-thanks-party')?.textContent).toBe('★ 党员')
  })
})

describe('我认领的心愿', () => {
  it('lists those in hand with their deadline and those realised with their points, and the balance leads to the points page', async () => {
    signIn('volunteer', '刘洋', 'v-liu')
    mockApi({ 'GET /me/wishes': { status: 200, body: myWishesOf() } })
    render(<MyWishesPage />)
    expect((await findByTestId('mine-balance-number')).textContent).toBe('120')
    expect(byTestId('mine-wish-w-radio-deadline')?.textContent).toContain('2026年12月14日 10:00 前办好')
    expect(byTestId('mine-wish-w-hair')?.textContent).toContain('得到 20 积分')
    expect(byTestId('mine-not-confirmed')).toBeNull()
    fireEvent.click(byTestId('mine-to-points')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/points/index' })
  })
})

describe('本月排行', () => {
  it("ranks the community's volunteers, marks the caller's row and party members, and shows last month on request", async () => {
    signIn('volunteer', '刘洋', 'v-liu')
    const calls = mockApi({ 'GET /communities/c-xueyuan/leaderboard': () => ({ status: 200, body: calls.at(-1)?.url.includes('month=') ? leaderboardOf({ month: '2026-10', rows: [] }) : leaderboardOf() }) })
    render(<LeaderboardPage />)
    const you = await findByTestId('leaderboard-you')
    expect(you.textContent).toContain('第 2 名')
    expect(you.textContent).toContain('刘洋（我）')
    expect(you.className).toContain('wall-rank--you')
    expect(byTestId('leaderboard-row-1')?.textContent).toContain('黄丽华 ★党员')
    expect(byTestId('leaderboard-row-1')?.className).not.toContain('wall-rank--you')
    expect(byTestId('leaderboard-title')?.textContent).toBe('学院路社区 2026年11月积分排行')

    fireEvent.click(byTestId('leaderboard-month-last')!)
    await findByTestId('leaderboard-empty')
    expect(calls.at(-1)?.url).toMatch(/^\/api\/communities\/c-xueyuan\/leaderboard\?month=20\d\d-\d\d$/)
  })
})
