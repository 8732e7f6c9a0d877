import { fireEvent, render, waitFor } from '@testing-library/react'
import type { RedemptionView } from '@yilin/contract'
import StorePage from '../src/worker/store/index'
import WorkerPointsPage from '../src/worker/points/index'
import { apiError, mockApi } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { setRouterParams } from './taro-shim'
import { itemOf, pointsOf, redemptionOf, signInWorker, storeOf } from './worker-wish-fixtures'

const writes = (calls: ReturnType<typeof mockApi>) => calls.filter((call) => call.method !== 'GET')

async function typeInto(testId: string, value: string) {
  const box = await waitFor(() => nativeInput(testId))
  fireEvent.input(box, { target: { value } })
}

describe('the points store (积分超市)', () => {
  beforeEach(signInWorker)

  it('adds an item, and a retry after a failed answer sends the same key', async () => {
    let attempts = 0
    const calls = mockApi({
      'GET /communities/c-xueyuan/store': { status: 200, body: storeOf([]) },
      'GET /communities/c-xueyuan/redemptions': { status: 200, body: { items: [], cursor: null } },
      'POST /communities/c-xueyuan/store/items': (data) => {
        attempts += 1
        if (attempts === 1) return apiError(503, 'SERVICE_BUSY', '系统忙，请稍后再试。')
        const { idempotencyKey: _key, ...item } = data as Record<string, unknown>
        return { status: 200, body: itemOf({ ...item, itemId: 'i-rice' }) }
      },
    })
    render(<StorePage />)
    expect((await findByTestId('store-window')).textContent).toContain('兑换期 12月18日 至 12月31日')
    fireEvent.click(byTestId('store-section-items')!)
    fireEvent.click(await findByTestId('store-add'))
    await typeInto('store-item-name', '大米 5 斤')
    await typeInto('store-item-points', '80')
    await typeInto('store-item-stock', '20')
    fireEvent.click(byTestId('store-item-save')!)
    expect((await findByTestId('store-item-form-error')).textContent).toContain('系统忙')
    fireEvent.click(byTestId('store-item-save')!)

    expect((await findByTestId('store-done')).textContent).toContain('已添加“大米 5 斤”')
    const posts = writes(calls)
    expect(posts).toHaveLength(2)
    expect(posts[0].data).toEqual({ name: '大米 5 斤', description: '', pricePoints: 80, active: true, stock: 20, idempotencyKey: expect.any(String) })
    expect((posts[1].data as { idempotencyKey: string }).idempotencyKey).toBe((posts[0].data as { idempotencyKey: string }).idempotencyKey)
    expect(byTestId('store-item-i-rice-stock')?.textContent).toContain('库存 20 件')
  })

  it('restocks with a count taken off, the reason and a key', async () => {
    const calls = mockApi({
      'GET /communities/c-xueyuan/store': { status: 200, body: storeOf() },
      'GET /communities/c-xueyuan/redemptions': { status: 200, body: { items: [], cursor: null } },
      'POST /communities/c-xueyuan/store/items/i-soap/restock': { status: 200, body: itemOf({ stock: 10 }) },
    })
    render(<StorePage />)
    fireEvent.click(await findByTestId('store-section-items'))
    fireEvent.click(await findByTestId('store-item-i-soap-restock'))
    fireEvent.click(byTestId('restock-direction-remove')!)
    await typeInto('restock-count', '2')
    await typeInto('restock-reason', '盘点少了 2 件')
    fireEvent.click(byTestId('restock-save')!)

    expect((await findByTestId('store-done')).textContent).toContain('现有 10 件')
    expect(writes(calls)[0].data).toEqual({ count: -2, reason: '盘点少了 2 件', idempotencyKey: expect.any(String) })
  })

  it('hands one redemption over and cancels another after asking, the points going back', async () => {
    let storeReads = 0
    const li = redemptionOf()
    const zhao = redemptionOf({ redemptionId: 'r-2', holderId: 'u-vol-zhao', holderName: '赵强', itemName: '毛巾', pricePoints: 20 })
    const answer = (redemption: RedemptionView) => ({ status: 200, body: { redemption, balance: 70 } })
    const calls = mockApi({
      'GET /communities/c-xueyuan/store': () => {
        storeReads += 1
        return { status: 200, body: storeOf() }
      },
      'GET /communities/c-xueyuan/redemptions': { status: 200, body: { items: [li, zhao], cursor: null } },
      'POST /redemptions/r-1/hand-over': answer({ ...li, status: 'handed', statusName: '已领取', handedAt: '2026-12-19T03:00:00.000Z', handedByName: '刘晓燕' }),
      'POST /redemptions/r-2/cancel': answer({ ...zhao, status: 'cancelled', statusName: '已取消', cancelledAt: '2026-12-19T03:05:00.000Z' }),
    })
    render(<StorePage />)
    expect((await findByTestId('redemption-r-1')).textContent).toContain('李华')
    expect(byTestId('store-section-waiting')?.textContent).toContain('待领取（2）')

    fireEvent.click(byTestId('redemption-r-1-hand-over')!)
    expect((await findByTestId('store-done')).textContent).toContain('已交给李华：洗衣液 2 升')
    expect(byTestId('redemption-r-1')).toBeNull()
    expect(writes(calls)[0].url).toBe('/api/redemptions/r-1/hand-over')

    fireEvent.click(byTestId('redemption-r-2-cancel')!)
    expect(writes(calls)).toHaveLength(1)
    expect(byTestId('redemption-r-2-cancel-ask')?.textContent).toContain('20 积分会退回给赵强')
    fireEvent.click(byTestId('redemption-r-2-cancel-ask-yes')!)

    await waitFor(() => expect(byTestId('store-done')?.textContent).toContain('已取消赵强兑换的毛巾，20 积分已退回'))
    expect(writes(calls)[1].url).toBe('/api/redemptions/r-2/cancel')
    expect(byTestId('redemption-r-2')).toBeNull()
    expect(byTestId('store-waiting-empty')).not.toBeNull()
    // The cancelled item is back in stock: the store is read again.
    await waitFor(() => expect(storeReads).toBe(2))
  })

  it('lists handed-over and cancelled redemptions together under their own tab', async () => {
    const calls = mockApi({
      'GET /communities/c-xueyuan/store': { status: 200, body: storeOf() },
      'GET /communities/c-xueyuan/redemptions': { status: 200, body: { items: [], cursor: null } },
    })
    render(<StorePage />)
    await findByTestId('store-waiting-empty')
    fireEvent.click(byTestId('store-section-past')!)

    await findByTestId('store-past-empty')
    expect(calls.map((call) => call.url)).toEqual(
      expect.arrayContaining(['/api/communities/c-xueyuan/redemptions?status=handed', '/api/communities/c-xueyuan/redemptions?status=cancelled']),
    )
  })
})

describe("a volunteer's points (worker)", () => {
  beforeEach(() => {
    signInWorker()
    setRouterParams({ holderId: 'u-vol-li' })
  })

  it('records hours in half hours with the points and the reason', async () => {
    const calls = mockApi({
      'GET /points/u-vol-li': { status: 200, body: pointsOf() },
      'POST /points/u-vol-li/grants': { status: 200, body: pointsOf({ balance: 140 }) },
    })
    render(<WorkerPointsPage />)
    expect((await findByTestId('points-balance-n')).textContent).toBe('120')
    fireEvent.click(byTestId('points-grant')!)
    fireEvent.click(await findByTestId('grant-hours-more'))
    fireEvent.click(byTestId('grant-hours-more')!)
    fireEvent.click(byTestId('grant-hours-less')!)
    expect(byTestId('grant-hours')?.textContent).toBe('1.5 小时')
    await typeInto('grant-points', '20')
    await typeInto('grant-reason', '重阳节敬老活动')
    fireEvent.click(byTestId('grant-save')!)

    expect((await findByTestId('points-done')).textContent).toContain('已给李华记录 1.5 小时服务，加 20 积分')
    expect(writes(calls)[0].data).toEqual({ hours: 1.5, points: 20, reason: '重阳节敬老活动', idempotencyKey: expect.any(String) })
    expect(byTestId('points-balance-n')?.textContent).toBe('140')
  })

  it('takes points off with a reason, and sends nothing without one', async () => {
    const calls = mockApi({
      'GET /points/u-vol-li': { status: 200, body: pointsOf() },
      'POST /points/u-vol-li/adjustments': { status: 200, body: pointsOf({ balance: 115 }) },
    })
    render(<WorkerPointsPage />)
    fireEvent.click(await findByTestId('points-adjust'))
    fireEvent.click(byTestId('adjust-direction-down')!)
    await typeInto('adjust-points', '5')
    fireEvent.click(byTestId('adjust-save')!)
    expect((await findByTestId('adjust-form-error')).textContent).toContain('请写调整原因')
    expect(writes(calls)).toHaveLength(0)

    await typeInto('adjust-reason', '上次记错了')
    fireEvent.click(byTestId('adjust-save')!)
    expect((await findByTestId('points-done')).textContent).toContain('现有 115 积分')
    expect(writes(calls)[0].data).toEqual({ points: -5, reason: '上次记错了', idempotencyKey: expect.any(String) })
  })
})
