import { useState } from 'react'
import { useDidShow, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ElderSummary } from '@yilin/functions/src/schemas/people'
import type { OrderView, SubscriptionView } from '@yilin/functions/src/schemas/canteen'
import { listElderOrders } from '../../api'
import { messageOf } from '../../api/client'
import { ElderPage } from '../../components/ElderPage'
import { Loading } from '../../components/Loading'
import { Notice } from '../../components/Notice'
import { elderIdForPage } from '../../lib/currentElder'
import { goTo } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { OrderCard } from './OrderCard'
import { StandingOrders } from './StandingOrders'
import { Tap } from '../../components/Tap'
import './index.css'

const PAGE_SIZE = 10

/** Orders newest first, each with its timeline (so a child far away sees the meal arrived), and standing orders. */
export default function OrdersPage() {
  const { params } = useRouter()
  const [elder, setElder] = useState<ElderSummary | null>(null)
  const [orders, setOrders] = useState<OrderView[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [subscriptions, setSubscriptions] = useState<SubscriptionView[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [noElder, setNoElder] = useState(false)
  const isElder = currentUser()?.role === 'elder'

  useDidShow(() => {
    elderIdForPage(params.elderId)
      .then(async (elderId) => {
        if (!elderId) {
          setNoElder(true)
          return
        }
        // One request: the first page of orders brings the elder and the standing orders along.
        const page = await listElderOrders(elderId, undefined, PAGE_SIZE)
        setElder(page.elder ?? null)
        setOrders(page.items)
        setCursor(page.cursor)
        setSubscriptions(page.subscriptions ?? [])
        setError('')
      })
      .catch((err) => setError(messageOf(err)))
  })

  async function more() {
    if (busy || !cursor || !elder) return
    setBusy(true)
    setError('')
    try {
      const page = await listElderOrders(elder.elderId, cursor, PAGE_SIZE)
      setOrders((list) => [...(list ?? []), ...page.items])
      setCursor(page.cursor)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  const changed = (order: OrderView) => setOrders((list) => (list ?? []).map((o) => (o.orderId === order.orderId ? order : o)))

  return (
    <ElderPage>
      <View className='page-title' data-testid='orders-title'>
        {elder && !isElder ? `${elder.name}的订单` : '我的订单'}
      </View>
      {noElder && <Notice kind='info' message='您还没有绑定长辈。' testId='orders-no-elder' />}
      {!orders && !error && !noElder && <Loading />}
      {orders?.length === 0 && (
        <View data-testid='orders-empty'>
          <Notice kind='info' message='还没有订过餐。' />
          <Tap className='btn btn--primary' testId='orders-go-canteen' onTap={() => goTo('/pages/canteen/index')}>
            去订餐
          </Tap>
        </View>
      )}
      {orders?.map((order) => <OrderCard key={order.orderId} order={order} onChanged={changed} />)}
      {error && <Notice kind='error' message={error} testId='orders-error' />}
      {cursor && (
        <Tap className='btn btn--secondary' testId='orders-more' onTap={more}>
          {busy ? '正在加载…' : '加载更多'}
        </Tap>
      )}
      {elder && (
        <StandingOrders elderId={elder.elderId} mayDeliver={elder.mobilityLimited} items={subscriptions} onItems={setSubscriptions} />
      )}
    </ElderPage>
  )
}
