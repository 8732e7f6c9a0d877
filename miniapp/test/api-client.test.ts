import Taro from '@tarojs/taro'
import { ApiError, call } from '../src/api/client'
import { apiError, mockApi, signIn } from './api-mock'

const order = { date: '2026-11-24', meal: 'lunch', fulfilment: 'delivery', idempotencyKey: 'key-0000001' } as const

describe('the typed client builds every call from the route table', () => {
  beforeEach(() => {
    signIn('family', '王小明')
  })

  it('fills the route path with its parameters, percent-encoded, and sends the body as JSON', async () => {
    const calls = mockApi({ 'POST /elders/e%2F1/orders': { status: 201, body: { order: { orderId: 'o-1' }, replayed: false } } })
    const answer = await call('canteen/place-order', { params: { elderId: 'e/1' }, body: order })
    expect(answer.replayed).toBe(false)
    expect(calls).toEqual([
      { method: 'POST', url: '/api/elders/e%2F1/orders', data: order, header: { 'Content-Type': 'application/json', Authorization: 'Bearer token-family' } },
    ])
  })

  it('writes the query after the path and leaves out what is not given', async () => {
    const calls = mockApi({ 'GET /elders/e-1/orders': { status: 200, body: { items: [], cursor: null } } })
    await call('canteen/elder-orders', { params: { elderId: 'e-1' }, query: { limit: '10' } })
    await call('canteen/elder-orders', { params: { elderId: 'e-1' } })
    expect(calls.map((c) => c.url)).toEqual(['/api/elders/e-1/orders?limit=10', '/api/elders/e-1/orders'])
  })

  it('answers nothing for 204, and throws the server code and message otherwise', async () => {
    mockApi({
      'DELETE /elders/e-1/bindings/f-1': { status: 204 },
      'GET /orders/o-404': apiError(404, 'ORDER_NOT_FOUND', '没有找到这个订单。'),
    })
    await expect(call('bindings/remove', { params: { elderId: 'e-1', familyId: 'f-1' } })).resolves.toBeUndefined()
    const failure = call('canteen/get-order', { params: { orderId: 'o-404' } })
    await expect(failure).rejects.toBeInstanceOf(ApiError)
    await expect(failure).rejects.toMatchObject({ status: 404, code: 'ORDER_NOT_FOUND', message: '没有找到这个订单。' })
  })

  it('starts again from sign-in when the session is refused', async () => {
    mockApi({ 'GET /me': apiError(401, 'SESSION_EXPIRED', '登录已过期，请重新登录。') })
    await expect(call('me/get')).rejects.toMatchObject({ status: 401, code: 'SESSION_EXPIRED' })
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
  })
})

/**
 * Checked by `tsc -p miniapp` (npm run typecheck), never run: each line is a call the route table refuses.
 * Should one of them compile, the `@ts-expect-error` above it fails the type check.
 */
export function callsTheRouteTableRefuses() {
  // @ts-expect-error a menu is not an order
  void call('canteen/place-order', { params: { elderId: 'e-1' }, body: { dishes: [], standardPriceFen: 1500 } })
  // @ts-expect-error an order needs its meal
  void call('canteen/place-order', { params: { elderId: 'e-1' }, body: { date: '2026-11-24', fulfilment: 'delivery', idempotencyKey: 'key-0000001' } })
  // @ts-expect-error there is no fulfilment called takeaway
  void call('canteen/place-order', { params: { elderId: 'e-1' }, body: { ...order, fulfilment: 'takeaway' } })
  // @ts-expect-error the order's elder is a path parameter
  void call('canteen/place-order', { body: order })
  // @ts-expect-error a worker cannot set an order back to placed
  void call('canteen/set-order-status', { params: { orderId: 'o-1' }, body: { status: 'placed' } })
  // @ts-expect-error cancelling an order takes no body
  void call('canteen/cancel-order', { params: { orderId: 'o-1' }, body: { reason: '不想吃了' } })
  // @ts-expect-error the board needs the date and the meal
  void call('canteen/board', { params: { centreId: 'c-1' } })
  // @ts-expect-error no route is called that
  void call('canteen/delete-everything')
  // @ts-expect-error an order's answer has no menu
  void call('canteen/get-order', { params: { orderId: 'o-1' } }).then((answer) => answer.menu)
}
