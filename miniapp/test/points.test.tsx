import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { RedemptionResponse } from '@yilin/contract'
import PointsPage from '../src/pages/points/index'
import { setCurrentElderId } from '../src/lib/session'
import { setRouterParams } from './taro-shim'
import { mockApi, signIn, type RecordedCall } from './api-mock'
import { byTestId, findByTestId } from './dom'
import { closedStore, pointsOf, redemptionOf, storeOf } from './points-fixtures'

const pointsRoute = 'GET /points/v-liu'
const storeRoute = 'GET /communities/c-xueyuan/store'
const redeemRoute = 'POST /points/v-liu/redemptions'

const redeemed = (): RedemptionResponse => ({ redemption: redemptionOf({ redemptionId: 'r-new' }), balance: 20 })

function openAsVolunteer() {
  signIn('volunteer', '刘洋', 'v-liu')
  render(<PointsPage />)
}

describe('积分: the balance, the store and the ledger', () => {
  it("a volunteer sees their own balance in large digits, and the ledger's entries with + and −", async () => {
    const calls = mockApi({ [pointsRoute]: { status: 200, body: pointsOf() }, [storeRoute]: { status: 200, body: storeOf() } })
    openAsVolunteer()
    expect((await findByTestId('points-balance-number')).textContent).toBe('120积分')
    expect(byTestId('points-title')?.textContent).toBe('我的积分')
    expect(calls.map((call) => call.url)).toEqual(['/api/points/v-liu', '/api/communities/c-xueyuan/store'])
    expect(byTestId('points-entry-p-1')?.textContent).toContain('实现心愿“理发上门”')
    expect(byTestId('points-entry-p-1')?.textContent).toContain('+20 分')
    expect(byTestId('points-entry-p-2')?.textContent).toContain('−100 分')
  })

  it('兑换 only where it can be taken now; otherwise why, in words (none left, points short)', async () => {
    mockApi({ [pointsRoute]: { status: 200, body: pointsOf() }, [storeRoute]: { status: 200, body: storeOf() } })
    openAsVolunteer()
    expect(await findByTestId('points-item-i-oil-redeem')).not.toBeNull()
    expect(byTestId('points-window')?.textContent).toContain('✓ 兑换期 12月18日 至 12月31日')
    expect(byTestId('points-item-i-towel-redeem')).toBeNull()
    expect(byTestId('points-item-i-towel-why')?.textContent).toContain('已经换完了')
    expect(byTestId('points-item-i-rice-redeem')).toBeNull()
    expect(byTestId('points-item-i-rice-why')?.textContent).toContain('积分还不够，还差 380 分')
  })

  it('outside a redemption window no 兑换 button is offered, and the next window’s dates are given', async () => {
    mockApi({ [pointsRoute]: { status: 200, body: pointsOf() }, [storeRoute]: { status: 200, body: closedStore() } })
    openAsVolunteer()
    const why = await findByTestId('points-item-i-oil-why')
    expect(why.textContent).toContain('现在不是兑换期。下次兑换：2027年3月18日 至 2027年3月31日')
    expect(document.querySelector('[data-testid$="-redeem"]')).toBeNull()
    expect(byTestId('points-window')?.textContent).toContain('下次兑换期 2027年3月18日 至 3月31日')
  })

  it('redeeming asks once more, then shows the new balance and the redemption waiting at the centre', async () => {
    let answered: RedemptionResponse | null = null
    const calls = mockApi({
      [pointsRoute]: () => ({ status: 200, body: answered ? pointsOf({ balance: answered.balance, redemptions: [answered.redemption] }) : pointsOf() }),
      [storeRoute]: { status: 200, body: storeOf() },
      [redeemRoute]: () => {
        answered = redeemed()
        return { status: 201, body: answered }
      },
    })
    openAsVolunteer()
    fireEvent.click(await findByTestId('points-item-i-oil-redeem'))
    expect(byTestId('points-redeem-ask')?.textContent).toContain('用 100 积分兑换“食用油一桶”吗？')
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0)
    fireEvent.click(byTestId('points-redeem-ask-yes')!)
    expect((await findByTestId('points-done')).textContent).toContain('请到社区服务站领取“食用油一桶”')
    expect(byTestId('points-redemption-r-new-where')?.textContent).toBe('请到社区服务站领取。')
    expect(byTestId('points-balance-number')?.textContent).toBe('20积分')
    const post = calls.find((call) => call.method === 'POST')!
    expect(post.data).toMatchObject({ itemId: 'i-oil' })
    expect((post.data as { idempotencyKey: string }).idempotencyKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
  })

  it('after a lost answer, 是，兑换 again resends the same key; another thing gets a new one', async () => {
    const calls = mockApi({
      [pointsRoute]: { status: 200, body: pointsOf({ balance: 1000 }) },
      [storeRoute]: { status: 200, body: storeOf() },
      [redeemRoute]: { status: 201, body: { ...redeemed(), replayed: true } },
    })
    openAsVolunteer()
    fireEvent.click(await findByTestId('points-item-i-oil-redeem'))
    const request = jest.mocked(Taro.request)
    const answer = request.getMockImplementation()!
    request.mockImplementationOnce(((options: RecordedCall) => {
      calls.push({ method: options.method, url: options.url, data: options.data, header: options.header })
      return Promise.reject(new Error('request:fail timeout'))
    }) as never)
    fireEvent.click(byTestId('points-redeem-ask-yes')!)
    expect((await findByTestId('points-redeem-error')).textContent).toContain('不会重复兑换')

    request.mockImplementation(answer)
    fireEvent.click(byTestId('points-redeem-ask-yes')!)
    await findByTestId('points-done')
    fireEvent.click(await findByTestId('points-item-i-rice-redeem'))
    fireEvent.click(byTestId('points-redeem-ask-yes')!)
    await waitFor(() => expect(calls.filter((call) => call.method === 'POST')).toHaveLength(3))
    const keys = calls.filter((call) => call.method === 'POST').map((call) => (call.data as { idempotencyKey: string }).idempotencyKey)
    expect(keys[0]).toBe(keys[1])
    expect(keys[2]).not.toBe(keys[0])
  })

  it('取消兑换 asks once more; then the points come back', async () => {
    const handed = redemptionOf({ redemptionId: 'r-old', status: 'handed', statusName: '已领取', handedAt: '2026-11-20T02:00:00.000Z', handedByName: '刘晓燕' })
    let waiting = redemptionOf()
    const calls = mockApi({
      [pointsRoute]: () => ({ status: 200, body: pointsOf({ balance: waiting.status === 'waiting' ? 20 : 120, redemptions: [waiting, handed] }) }),
      [storeRoute]: { status: 200, body: storeOf() },
      'POST /redemptions/r-1/cancel': () => {
        waiting = { ...waiting, status: 'cancelled', statusName: '已取消', cancelledAt: '2026-11-30T02:00:00.000Z' }
        return { status: 200, body: { redemption: waiting, balance: 120 } }
      },
    })
    openAsVolunteer()
    expect((await findByTestId('points-redemption-r-1-where')).textContent).toBe('请到社区服务站领取。')
    expect(byTestId('points-redemption-r-old')?.textContent).toContain('刘晓燕经手')
    expect(byTestId('points-redemption-r-old-cancel')).toBeNull()

    fireEvent.click(byTestId('points-redemption-r-1-cancel')!)
    expect(byTestId('points-redemption-r-1-cancel-ask')?.textContent).toContain('100 积分会退回')
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0)
    fireEvent.click(byTestId('points-redemption-r-1-cancel-ask-yes')!)
    expect((await findByTestId('points-done')).textContent).toContain('100 积分退回来了')
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.url)).toEqual(['/api/redemptions/r-1/cancel'])
    expect(byTestId('points-redemption-r-1-status')?.textContent).toContain('已取消')
    expect(byTestId('points-redemption-r-1-cancel')).toBeNull()
    expect(byTestId('points-balance-number')?.textContent).toBe('120积分')
  })

  it("a family member sees the current elder's points; where elders do not redeem, the store is explained instead", async () => {
    signIn('family', '李明', 'u-family')
    setCurrentElderId('e-wang')
    const calls = mockApi({
      'GET /points/e-wang': { status: 200, body: pointsOf({ holderId: 'e-wang', holderName: '王秀兰', kind: 'elder', balance: 30 }) },
      [storeRoute]: { status: 200, body: storeOf({ eldersRedeem: false }) },
    })
    setRouterParams({})
    render(<PointsPage />)
    expect((await findByTestId('points-store-volunteers')).textContent).toContain('给本社区志愿者兑换')
    expect(byTestId('points-title')?.textContent).toBe('王秀兰的积分')
    expect(byTestId('points-store')).toBeNull()
    expect(byTestId('points-balance-number')?.textContent).toBe('30积分')
    expect(calls[0].url).toBe('/api/points/e-wang')
  })
})
