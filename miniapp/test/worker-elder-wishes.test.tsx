import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import WorkerElderPage from '../src/worker/elder/index'
import WorkerPointsPage from '../src/worker/points/index'
import WishPostPage from '../src/pages/wish-post/index'
import PointsPage from '../src/pages/points/index'
import { setRouterParams } from './taro-shim'
import { mockApi, signIn, type RecordedCall } from './api-mock'
import { byTestId, findByTestId, nativeInput } from './dom'
import { elderWang } from './fixtures'
import { pointsOf, redemptionOf, storeOf } from './points-fixtures'
import { elderWishes, wishOf } from './wish-fixtures'

/**
 * A community worker writes a wish down for an elder who cannot use the app, and gives an elder points for
 * taking part in the community's activities; the elder then spends them where her community lets elders redeem.
 */
const writes = (calls: RecordedCall[]) => calls.filter((call) => call.method !== 'GET')

async function type(testId: string, value: string) {
  fireEvent.input(await waitFor(() => nativeInput(testId)), { target: { value } })
}

describe("the worker's elder page leads to the elder's wishes and points", () => {
  beforeEach(() => {
    signIn('worker', '刘晓燕')
    setRouterParams({ elderId: 'e-wang' })
  })

  it('替王秀兰许个心愿 opens the posting page for her; her 积分 opens the points page for her', async () => {
    mockApi({ 'GET /elders/e-wang': { status: 200, body: { elder: elderWang, verificationHistory: [] } } })
    render(<WorkerElderPage />)
    fireEvent.click(await findByTestId('worker-elder-wish'))
    expect(byTestId('worker-elder-wish')?.textContent).toBe('替王秀兰许个心愿')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/wish-post/index?elderId=e-wang' })
    fireEvent.click(byTestId('worker-elder-points')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/worker/points/index?holderId=e-wang' })
  })
})

describe('a worker posts a wish for the elder named in the address', () => {
  beforeEach(() => signIn('worker', '刘晓燕'))

  it('for the elder of the address: posted for her, then the community’s page of the wish, waiting for review', async () => {
    setRouterParams({ elderId: 'e-wang' })
    const calls = mockApi({
      'GET /elders/e-wang/wishes': { status: 200, body: elderWishes([]) },
      'POST /elders/e-wang/wishes': { status: 201, body: { wish: wishOf({ wishId: 'w-new' }) } },
    })
    render(<WishPostPage />)
    fireEvent.click(await findByTestId('wish-post-common-0'))
    expect(byTestId('wish-post-title-bar')?.textContent).toBe('替王秀兰许个心愿')
    expect((await findByTestId('wish-post-facts')).textContent).toContain('替王秀兰许的心愿')
    fireEvent.click(byTestId('wish-post-ask-yes')!)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/worker/wish/index?wishId=w-new' }))
    expect(writes(calls).map((call) => call.url)).toEqual(['/api/elders/e-wang/wishes'])
    expect(byTestId('wish-post-no-elder')).toBeNull()
  })

  it('without an elder in the address, says where to start from, and asks the server nothing', async () => {
    setRouterParams({})
    const calls = mockApi({})
    render(<WishPostPage />)
    expect((await findByTestId('wish-post-no-elder')).textContent).toContain('从长辈资料页点“替长辈许个心愿”进来')
    expect(calls).toHaveLength(0)
  })
})

describe('an elder earns points from the community and spends them', () => {
  it('the worker records her part in an activity, in the words of an activity, and it is granted to her', async () => {
    signIn('worker', '刘晓燕')
    setRouterParams({ holderId: 'e-wang' })
    const elderPoints = pointsOf({ holderId: 'e-wang', holderName: '王秀兰', kind: 'elder', balance: 0, entries: [] })
    const calls = mockApi({
      'GET /points/e-wang': { status: 200, body: elderPoints },
      'POST /points/e-wang/grants': { status: 200, body: { ...elderPoints, balance: 30 } },
    })
    render(<WorkerPointsPage />)
    expect((await findByTestId('points-balance')).textContent).toContain('王秀兰（长辈）')
    expect(byTestId('points-elders-redeem')?.textContent).toContain('长辈也能兑换')
    expect(byTestId('points-grant')?.textContent).toBe('记录参加活动时长')
    fireEvent.click(byTestId('points-grant')!)
    expect((await findByTestId('grant-form')).textContent).toContain('记录王秀兰的参加活动时长')
    await type('grant-points', '30')
    fireEvent.click(byTestId('grant-save')!)
    expect((await findByTestId('grant-form-error')).textContent).toContain('请写参加了什么活动')
    await type('grant-reason', '重阳节包饺子')
    fireEvent.click(byTestId('grant-save')!)

    expect((await findByTestId('points-done')).textContent).toContain('已给王秀兰记录 1 小时参加活动，加 30 积分')
    expect(writes(calls).map((call) => [call.url, call.data])).toEqual([
      ['/api/points/e-wang/grants', { hours: 1, points: 30, reason: '重阳节包饺子', idempotencyKey: expect.any(String) }],
    ])
  })

  it('where her community lets elders redeem, the elder sees her balance and redeems in the window', async () => {
    signIn('elder', '王秀兰', 'e-wang')
    setRouterParams({})
    let balance = 150
    const calls = mockApi({
      'GET /points/e-wang': () => ({ status: 200, body: pointsOf({ holderId: 'e-wang', holderName: '王秀兰', kind: 'elder', balance }) }),
      'GET /communities/c-xueyuan/store': { status: 200, body: storeOf({ eldersRedeem: true }) },
      'POST /points/e-wang/redemptions': () => {
        balance = 50
        return { status: 201, body: { balance, redemption: redemptionOf({ redemptionId: 'r-e', holderId: 'e-wang', holderName: '王秀兰' }) } }
      },
    })
    render(<PointsPage />)
    expect((await findByTestId('points-balance-number')).textContent).toBe('150积分')
    expect(byTestId('points-title')?.textContent).toBe('我的积分')
    expect(byTestId('points-store-volunteers')).toBeNull()
    fireEvent.click(byTestId('points-item-i-oil-redeem')!)
    fireEvent.click(byTestId('points-redeem-ask-yes')!)
    expect((await findByTestId('points-done')).textContent).toContain('请到社区服务站领取“食用油一桶”')
    expect(byTestId('points-balance-number')?.textContent).toBe('50积分')
    expect(writes(calls).map((call) => call.url)).toEqual(['/api/points/e-wang/redemptions'])
  })
})
