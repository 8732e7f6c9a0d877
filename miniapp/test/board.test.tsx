import { fireEvent, render, waitFor } from '@testing-library/react'
import BoardPage from '../src/worker/board/index'
import { saveSession } from '../src/lib/session'
import { mockApi } from './api-mock'
import { boardItem, boardOf } from './canteen-fixtures'
import { byTestId, findByTestId } from './dom'

function signInWorker() {
  saveSession({
    token: 'token-worker',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { userId: 'u-worker', role: 'worker', name: '刘晓燕', communityId: 'c-xueyuan', centreId: 'centre-xueyuan' },
  })
}

describe('canteen board (worker)', () => {
  beforeEach(signInWorker)

  it('shows counts by fulfilment and pending, and each elder with dietary needs in words, address and phone', async () => {
    const calls = mockApi({
      'GET /centres/centre-xueyuan/board': {
        status: 200,
        body: boardOf([boardItem(), boardItem({ orderId: 'o-2', elderName: '赵德福', fulfilment: 'eat_in', fulfilmentName: '堂食', status: 'confirmed', statusName: '已确认', dietary: { lowSalt: false, lowSugar: true, softFood: false, allergies: '' } })], { eat_in: 3, pick_up: 2, delivery: 1, pending: 1, total: 6 }),
      },
    })
    render(<BoardPage />)
    expect((await findByTestId('board-count-eat_in')).textContent).toBe('3堂食')
    expect(byTestId('board-count-pick_up')?.textContent).toBe('2自取')
    expect(byTestId('board-count-delivery')?.textContent).toBe('1送餐')
    expect(byTestId('board-count-pending')?.textContent).toBe('1待确认')
    expect(byTestId('board-dietary-o-1')?.textContent).toContain('低盐')
    expect(byTestId('board-dietary-o-1')?.textContent).toContain('软食')
    expect(byTestId('board-dietary-o-1')?.textContent).toContain('过敏：花生')
    expect(byTestId('board-dietary-o-2')?.textContent).toContain('低糖')
    expect(byTestId('board-address-o-1')?.textContent).toContain('学院路 12 号 3 栋 201')
    expect(byTestId('board-address-o-1')?.textContent).toContain('13800001111')
    expect(byTestId('board-address-o-2')).toBeNull()
    // Next steps per status: a placed order is confirmed; an eat-in order once confirmed is served or a no-show.
    expect(byTestId('board-action-confirmed-o-1')?.textContent).toBe('确认')
    expect(byTestId('board-action-served-o-2')?.textContent).toBe('已取餐')
    expect(byTestId('board-action-no_show-o-2')?.textContent).toBe('未到')
    expect(calls[0].url).toMatch(/\/api\/centres\/centre-xueyuan\/board\?date=\d{4}-\d{2}-\d{2}&meal=(lunch|dinner)/)
  })

  it('确认 posts the confirmed status for that order and reloads the board', async () => {
    let confirmed = false
    const calls = mockApi({
      'GET /centres/centre-xueyuan/board': () => ({
        status: 200,
        body: boardOf([confirmed ? boardItem({ status: 'confirmed', statusName: '已确认' }) : boardItem()], { pending: confirmed ? 0 : 1 }),
      }),
      'POST /orders/o-1/status': (data) => {
        confirmed = true
        return { status: 200, body: { order: { ...boardItem(), status: 'confirmed', statusName: '已确认', data } } }
      },
    })
    render(<BoardPage />)
    fireEvent.click(await findByTestId('board-action-confirmed-o-1'))
    await findByTestId('board-action-out_for_delivery-o-1')
    expect(byTestId('board-status-o-1')?.textContent).toBe('✓ 已确认')
    expect(calls.find((call) => call.method === 'POST')).toMatchObject({ url: '/api/orders/o-1/status', data: { status: 'confirmed' } })
  })

  it('全部确认 confirms the whole meal at once', async () => {
    const calls = mockApi({
      'GET /centres/centre-xueyuan/board': { status: 200, body: boardOf([boardItem()]) },
      'POST /centres/centre-xueyuan/board/confirm-all': { status: 200, body: { confirmed: 1 } },
    })
    render(<BoardPage />)
    fireEvent.click(await findByTestId('board-confirm-all'))
    expect((await findByTestId('board-done')).textContent).toContain('已确认 1 份')
    expect(calls.find((call) => call.method === 'POST')).toMatchObject({ url: '/api/centres/centre-xueyuan/board/confirm-all' })
    expect((calls.find((call) => call.method === 'POST')!.data as { meal: string }).meal).toMatch(/lunch|dinner/)
  })

  it('switches to tomorrow and to dinner', async () => {
    const calls = mockApi({ 'GET /centres/centre-xueyuan/board': { status: 200, body: boardOf([]) } })
    render(<BoardPage />)
    await findByTestId('board-empty')
    fireEvent.click(byTestId('board-next-day')!)
    await findByTestId('board-empty')
    fireEvent.click(byTestId('board-meal-dinner')!)
    await findByTestId('board-empty')
    expect(byTestId('board-title')?.textContent).toContain('明天')
    expect(calls.at(-1)?.url).toContain('meal=dinner')
  })
})

describe('canteen board: meals over and meals ahead', () => {
  beforeEach(signInWorker)

  it('an open order after its meal is flagged in words and counted as 待处理; earlier open meals are one tap away', async () => {
    const calls = mockApi({
      'GET /centres/centre-xueyuan/board': {
        status: 200,
        body: {
          ...boardOf([boardItem({ status: 'confirmed', statusName: '已确认', needsDecision: true })], { needsDecision: 1 }),
          earlierOpen: [{ date: '2026-11-17', meal: 'lunch', mealName: '午餐', count: 3 }],
        },
      },
    })
    render(<BoardPage />)
    expect((await findByTestId('board-decide-o-1')).textContent).toContain('用餐时间已过')
    expect(byTestId('board-count-decide')?.textContent).toBe('1待处理')
    const earlier = byTestId('board-earlier-2026-11-17-lunch')!
    expect(earlier.textContent).toContain('3 份')
    fireEvent.click(earlier)
    await findByTestId('board-decide-o-1')
    expect(calls.at(-1)?.url).toContain('date=2026-11-17&meal=lunch')
  })

  it('on a day still ahead only 确认 is offered, with a word on why', async () => {
    mockApi({
      'GET /centres/centre-xueyuan/board': {
        status: 200,
        body: boardOf([boardItem(), boardItem({ orderId: 'o-2', status: 'confirmed', statusName: '已确认', fulfilment: 'eat_in', fulfilmentName: '堂食' })], { total: 2 }),
      },
    })
    render(<BoardPage />)
    await findByTestId('board-action-confirmed-o-1')
    fireEvent.click(byTestId('board-next-day')!)
    await findByTestId('board-before-day')
    expect(byTestId('board-action-confirmed-o-1')).not.toBeNull()
    expect(byTestId('board-action-served-o-2')).toBeNull()
    expect(byTestId('board-action-no_show-o-2')).toBeNull()
  })
})

describe('canteen board: marking a meal as missed asks again', () => {
  beforeEach(signInWorker)

  it('未到 asks on the page, naming the elder; 不是 goes back, 确定未到 posts no_show', async () => {
    const calls = mockApi({
      'GET /centres/centre-xueyuan/board': { status: 200, body: boardOf([boardItem({ orderId: 'o-2', status: 'confirmed', statusName: '已确认', fulfilment: 'eat_in', fulfilmentName: '堂食' })]) },
      'POST /orders/o-2/status': { status: 200, body: { order: boardItem({ orderId: 'o-2', status: 'no_show', statusName: '未到' }) } },
    })
    render(<BoardPage />)
    fireEvent.click(await findByTestId('board-action-no_show-o-2'))
    expect(byTestId('board-confirm-no_show-o-2')?.textContent).toContain('确定王秀兰没来取餐吗')
    expect(calls.some((call) => call.method === 'POST')).toBe(false)
    fireEvent.click(byTestId('board-confirm-no_show-no-o-2')!)
    expect(byTestId('board-action-served-o-2')).not.toBeNull()
    fireEvent.click(byTestId('board-action-no_show-o-2')!)
    fireEvent.click(byTestId('board-confirm-no_show-yes-o-2')!)
    await waitFor(() => expect(calls.find((call) => call.method === 'POST')).toMatchObject({ url: '/api/orders/o-2/status', data: { status: 'no_show' } }))
  })

  it('a delivery that found nobody home reads 家中无人, not 未到', async () => {
    mockApi({ 'GET /centres/centre-xueyuan/board': { status: 200, body: boardOf([boardItem({ status: 'out_for_delivery', statusName: '配送中' })]) } })
    render(<BoardPage />)
    expect((await findByTestId('board-action-no_show-o-1')).textContent).toBe('家中无人')
    fireEvent.click(byTestId('board-action-no_show-o-1')!)
    expect(byTestId('board-confirm-no_show-o-1')?.textContent).toContain('家中无人、没送到')
  })
})

describe('canteen board: calling the elder', () => {
  beforeEach(signInWorker)

  it('the delivery phone number is a tel: link with a spoken name', async () => {
    mockApi({ 'GET /centres/centre-xueyuan/board': { status: 200, body: boardOf([boardItem()]) } })
    render(<BoardPage />)
    const phone = await findByTestId('board-phone-o-1')
    expect(phone.tagName).toBe('A')
    expect(phone.getAttribute('href')).toBe('tel:13800001111')
    expect(phone.textContent).toBe('电话 13800001111')
    expect(phone.getAttribute('aria-label')).toContain('13800001111')
    expect(phone.getAttribute('aria-label')).toContain(boardItem().elderName)
  })
})

describe('canteen board: taking back a mistaken mark', () => {
  beforeEach(signInWorker)

  const markId = '01KAAAAAAAAAAAAAAAAAAAAAAA'
  const served = boardItem({ status: 'served', statusName: '已取餐', fulfilment: 'eat_in', fulfilmentName: '堂食', undo: { markId, back: 'confirmed', backName: '已确认', until: '2026-11-17T03:45:00.000Z' } })

  it('撤销 names what the order goes back to and until when; tapping it posts the mark’s id and reloads', async () => {
    let undone = false
    const calls = mockApi({
      'GET /centres/centre-xueyuan/board': () => ({
        status: 200,
        body: boardOf([undone ? boardItem({ status: 'confirmed', statusName: '已确认', fulfilment: 'eat_in', fulfilmentName: '堂食' }) : served]),
      }),
      'POST /orders/o-1/status/undo': () => {
        undone = true
        return { status: 200, body: { order: { ...served, undo: undefined, status: 'confirmed', statusName: '已确认' } } }
      },
    })
    render(<BoardPage />)
    expect((await findByTestId('board-undo-o-1')).textContent).toBe('撤销：改回 已确认')
    expect(byTestId('board-undo-until-o-1')?.textContent).toBe('11:45 前可以撤销')
    fireEvent.click(byTestId('board-undo-o-1')!)
    expect((await findByTestId('board-done')).textContent).toContain('改回“已确认”')
    await waitFor(() => expect(byTestId('board-undo-o-1')).toBeNull())
    expect(byTestId('board-status-o-1')?.textContent).toContain('已确认')
    expect(calls.find((call) => call.method === 'POST')).toMatchObject({ url: '/api/orders/o-1/status/undo', data: { markId } })
  })

  it('a refused undo says why in words and shows the board as it is now', async () => {
    let calls = 0
    mockApi({
      'GET /centres/centre-xueyuan/board': () => ({ status: 200, body: boardOf([calls++ === 0 ? served : { ...served, undo: undefined }]) }),
      'POST /orders/o-1/status/undo': { status: 410, body: { error: { code: 'UNDO_TOO_LATE', message: '标记已超过 5 分钟，不能撤销了。' } } },
    })
    render(<BoardPage />)
    fireEvent.click(await findByTestId('board-undo-o-1'))
    expect((await findByTestId('board-action-error')).textContent).toContain('已超过 5 分钟')
    await waitFor(() => expect(byTestId('board-undo-o-1')).toBeNull())
  })

  it('the county admin, who only looks, is not offered 撤销', async () => {
    saveSession({
      token: 'token-admin',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { userId: 'u-admin', role: 'admin', name: '陈主任', centreId: 'centre-xueyuan' },
    })
    mockApi({ 'GET /centres/centre-xueyuan/board': { status: 200, body: boardOf([served]) } })
    render(<BoardPage />)
    await findByTestId('board-row-o-1')
    expect(byTestId('board-undo-o-1')).toBeNull()
  })
})
