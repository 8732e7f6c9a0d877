import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ElderSummary } from '@yilin/contract'
import type { OrderView, SubscriptionView } from '@yilin/contract'
import { listElderOrders } from '../../api'
import { messageOf } from '../../api/client'
import { ElderPage } from '../../components/ElderPage'
import { DataStatus } from '../../components/DataStatus'
import { Notice } from '../../components/Notice'
import { elderIdForPage } from '../../lib/currentElder'
import { goTo } from '../../lib/navigation'
import { mealOrder } from '../../lib/canteen'
import { chinaToday } from '../../lib/format'
import { currentUser } from '../../lib/session'
import { OrderCard } from './OrderCard'
import { StandingOrders } from './StandingOrders'
import { Tap } from '../../components/Tap'
import { useData } from '../../shared/useData'
import './index.css'

const PAGE_SIZE = 10

interface Orders {
  elder: ElderSummary | null
  orders: OrderView[]
  cursor: string | null
  subscriptions: SubscriptionView[]
}

/**
 * Orders from today on, soonest first, then past ones, each with its timeline (so a child far away sees the
 * meal arrived), and standing orders.
 */
export default function OrdersPage() {
  const { params } = useRouter()
  const [busy, setBusy] = useState(false)
  const [moreError, setMoreError] = useState('')
  const isElder = currentUser()?.role === 'elder'

  // Null when a family member has no bound elder.
  const view = useData<Orders | null>(
    async () => {
      const elderId = await elderIdForPage(params.elderId)
      if (!elderId) return null
      // One request: the first page of orders brings the elder and the standing orders along.
      const page = await listElderOrders(elderId, undefined, PAGE_SIZE)
      return { elder: page.elder ?? null, orders: page.items, cursor: page.cursor, subscriptions: page.subscriptions ?? [] }
    },
    { onShow: true },
  )
  const elder = view.data?.elder ?? null
  const orders = view.data?.orders
  const cursor = view.data?.cursor

  async function more() {
    if (busy || !cursor || !elder) return
    setBusy(true)
    setMoreError('')
    try {
      const page = await listElderOrders(elder.elderId, cursor, PAGE_SIZE)
      view.setData((current) => current && { ...current, orders: [...current.orders, ...page.items], cursor: page.cursor })
    } catch (err) {
      setMoreError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  // Soonest first from today on, then what is past, newest first: the next meal is what a person looks for.
  const today = chinaToday()
  const upcoming = (orders ?? []).filter((order) => order.date >= today).sort((a, b) => a.date.localeCompare(b.date) || mealOrder.indexOf(a.meal) - mealOrder.indexOf(b.meal))
  const past = (orders ?? []).filter((order) => order.date < today)

  const changed = (order: OrderView) =>
    view.setData((current) => current && { ...current, orders: current.orders.map((o) => (o.orderId === order.orderId ? order : o)) })
  const setSubscriptions = (subscriptions: SubscriptionView[]) => view.setData((current) => current && { ...current, subscriptions })

  return (
    <ElderPage>
      <View className='page-title' data-testid='orders-title'>
        {elder && !isElder ? `${elder.name}的订单` : '我的订单'}
      </View>
      {view.data === null && <Notice kind='info' message='您还没有绑定长辈。' testId='orders-no-elder' />}
      <DataStatus state={view} testId='orders' />
      {orders?.length === 0 && (
        <View data-testid='orders-empty'>
          <Notice kind='info' message='还没有订过餐。' />
          <Tap className='btn btn--primary' testId='orders-go-canteen' onTap={() => goTo('/pages/canteen/index')}>
            去订餐
          </Tap>
        </View>
      )}
      {upcoming.length > 0 && (
        <View className='section-title' data-testid='orders-upcoming'>
          今天和以后
        </View>
      )}
      {upcoming.map((order) => <OrderCard key={order.orderId} order={order} onChanged={changed} />)}
      {past.length > 0 && (
        <View className='section-title' data-testid='orders-past'>
          以前的订单
        </View>
      )}
      {past.map((order) => <OrderCard key={order.orderId} order={order} onChanged={changed} />)}
      {moreError && <Notice kind='error' message={moreError} testId='orders-more-error' />}
      {cursor && (
        <Tap className='btn btn--secondary' testId='orders-more' onTap={more}>
          {busy ? '正在加载…' : '加载更多'}
        </Tap>
      )}
      {elder && (
        <StandingOrders elderId={elder.elderId} mayDeliver={elder.mobilityLimited} items={view.data?.subscriptions ?? null} onItems={setSubscriptions} />
      )}
    </ElderPage>
  )
}
