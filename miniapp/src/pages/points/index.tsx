import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { PointsView, RedemptionResponse, StoreResponse } from '@yilin/contract'
import { getPoints, getStore } from '../../api/wishes'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { elderIdForPage } from '../../lib/currentElder'
import { homeOf } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { useData } from '../../shared/useData'
import { Ledger } from './Ledger'
import { Redemptions } from './Redemptions'
import { Store } from './Store'
import './index.css'

interface Loaded {
  points: PointsView
  store: StoreResponse
}

/** Whose points: the holder named in the address, a volunteer themselves, the elder signed in, or the family member's current elder. */
async function holderIdForPage(param?: string): Promise<string | null> {
  if (param) return param
  const user = currentUser()
  if (user?.role === 'volunteer') return user.userId
  return elderIdForPage()
}

async function load(param?: string): Promise<Loaded | null> {
  const holderId = await holderIdForPage(param)
  if (!holderId) return null
  const points = await getPoints(holderId)
  return { points, store: await getStore(points.communityId) }
}

/** A redemption made or changed: the new balance and the redemption in place of the one it replaces. */
function withRedemption(loaded: Loaded, answer: RedemptionResponse): Loaded {
  const others = loaded.points.redemptions.filter((redemption) => redemption.redemptionId !== answer.redemption.redemptionId)
  return { ...loaded, points: { ...loaded.points, balance: answer.balance, redemptions: [answer.redemption, ...others] } }
}

/**
 * Someone's points: the balance in very large digits, the community's points store (where the holder may
 * use it), what they took and whether it waits at the centre, and every movement of the points.
 */
export default function PointsPage() {
  const { params } = useRouter()
  const view = useData(() => load(params.holderId), { onShow: true })
  const loaded = view.data
  const [said, setSaid] = useState('')

  function changed(answer: RedemptionResponse, message: string) {
    view.setData((current) => (current ? withRedemption(current, answer) : current))
    setSaid(message)
    // The ledger and the stock moved too: they come with the next answer, what is shown stays meanwhile.
    void view.reload()
  }

  const points = loaded?.points
  const store = loaded?.store
  const mine = points?.holderId === currentUser()?.userId
  const storeClosedToElders = points?.kind === 'elder' && store && !store.eldersRedeem
  return (
    <ElderPage>
      <View className='page-title' data-testid='points-title'>
        {points ? (mine ? '我的积分' : `${points.holderName}的积分`) : '积分'}
      </View>
      {loaded === null && <Notice kind='info' message='还没有绑定长辈，绑定以后就能看长辈的积分。' testId='points-nobody' />}
      <DataStatus state={view} testId='points' />
      {points && store && (
        <>
          <View className='card' data-testid='points-balance'>
            <View className='card__title'>{mine ? '我现在有' : `${points.holderName}现在有`}</View>
            <View className='points-balance' data-testid='points-balance-number'>
              {points.balance}
              <View className='points-balance__unit'>积分</View>
            </View>
            <View className='hint'>{points.communityName}</View>
          </View>
          {said && <Notice kind='success' message={said} testId='points-done' />}
          {storeClosedToElders ? (
            <Notice kind='info' message={`${store.communityName}的积分超市是给本社区志愿者兑换用的，长辈的积分会一直记着。`} testId='points-store-volunteers' />
          ) : (
            <Store
              holderId={points.holderId}
              balance={points.balance}
              store={store}
              onRedeemed={(answer, item) => changed(answer, `兑换好了！请到社区服务站领取“${item.name}”。`)}
            />
          )}
          {points.redemptions.length > 0 && (
            <Redemptions redemptions={points.redemptions} onChanged={(answer) => changed(answer, `已取消兑换，${answer.redemption.pricePoints} 积分退回来了。`)} />
          )}
          <Ledger entries={points.entries} />
          {points.kind === 'elder' && points.entries.length === 0 && (
            <Notice kind='info' message='长辈的积分由社区发放，比如参加社区活动。有了积分，就能在这里换东西。' testId='points-how-to-earn' />
          )}
        </>
      )}
      <Tap className='btn btn--secondary' testId='points-home' onTap={() => void Taro.reLaunch({ url: homeOf(currentUser()?.role) })}>
        回到首页
      </Tap>
    </ElderPage>
  )
}
