import { useState } from 'react'
import { View } from '@tarojs/components'
import type { OrderView } from '@yilin/contract'
import { cancelOrder } from '../../api'
import { messageOf } from '../../api/client'
import { Notice } from '../../components/Notice'
import { StatusBadge } from '../../components/StatusBadge'
import { fulfilmentNames, mealNames, relativeDay } from '../../lib/canteen'
import { chinaToday, formatDayOfYear, formatMonthDayTime } from '../../lib/format'
import { Tap } from '../../components/Tap'

interface Props {
  order: OrderView
  onChanged: (order: OrderView) => void
}

/** One order: what, how, the price and why, and every step with its time and who did it. */
export function OrderCard({ order, onChanged }: Props) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  const relative = relativeDay(order.date)
  const testId = (part: string) => `orders-${part}-${order.orderId}`

  async function cancel() {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      const { order: cancelled } = await cancelOrder(order.orderId)
      setAsking(false)
      setDone(`已取消${formatDayOfYear(order.date, chinaToday())}的${mealNames[order.meal]}，不用付钱。想吃的话可以重新订。`)
      onChanged(cancelled)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card order' data-testid={testId('row')}>
      <View className='order__title'>
        {formatDayOfYear(order.date, chinaToday())}
        {relative ? `（${relative}）` : ''} {mealNames[order.meal]}
      </View>
      <View className='order__status'>
        <StatusBadge status={order.status} name={order.statusName} testId={testId('status')} />
      </View>
      <View className='order__facts'>
        <View>
          {order.elderName} · {fulfilmentNames[order.fulfilment]}
        </View>
        <View data-testid={testId('price')}>{order.priceReason}</View>
        {order.note && <View>留言：{order.note}</View>}
      </View>
      <View className='timeline' data-testid={testId('timeline')}>
        {(order.timeline ?? []).map((entry, index) => (
          <View key={index} className='timeline__step'>
            <View className='timeline__mark'>{index === (order.timeline ?? []).length - 1 ? '●' : '○'}</View>
            <View className='timeline__text'>
              <View className='timeline__name'>{entry.undone ? `撤销“${entry.undone.statusName}”，改回${entry.statusName}` : entry.statusName}</View>
              <View className='timeline__when'>
                {formatMonthDayTime(entry.at)}
                {entry.byName ? ` · ${entry.byName}` : ''}
              </View>
            </View>
          </View>
        ))}
      </View>
      {error && <Notice kind='error' message={error} testId={testId('error')} />}
      {done && <Notice kind='success' message={done} testId={testId('cancelled')} />}
      {order.cancellable &&
        (asking ? (
          <View className='order__ask' data-testid={testId('cancel-ask')}>
            <View className='confirm__question'>
              真的要取消{formatDayOfYear(order.date, chinaToday())}的{mealNames[order.meal]}吗？
            </View>
            <Tap className='btn btn--danger' testId={testId('cancel-confirm')} onTap={cancel}>
              {busy ? '正在取消…' : '是，取消这一餐'}
            </Tap>
            <Tap className='btn btn--secondary' testId={testId('cancel-keep')} onTap={() => setAsking(false)}>
              不取消
            </Tap>
          </View>
        ) : (
          <Tap className='btn btn--secondary' testId={testId('cancel')} onTap={() => setAsking(true)}>
            取消订单
          </Tap>
        ))}
    </View>
  )
}
