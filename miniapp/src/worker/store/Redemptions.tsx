import { useState } from 'react'
import { View } from '@tarojs/components'
import type { RedemptionView } from '@yilin/contract'
import { cancelRedemption, handOverRedemption } from '../../api/wishes'
import { ConfirmStep } from '../../components/ConfirmStep'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { formatMonthDayTime } from '../../lib/format'
import { useAction } from '../../shared/useAction'

interface WaitingProps {
  redemption: RedemptionView
  /** The redemption as it is now (handed over or cancelled), and what to tell the worker. */
  onDone: (redemption: RedemptionView, message: string) => void
}

/** A redemption waiting at the centre: hand it over with one tap, or cancel it (asked again: the points go back). */
export function WaitingRow({ redemption, onDone }: WaitingProps) {
  const [asking, setAsking] = useState(false)
  const { busy, error, run } = useAction()
  const testId = `redemption-${redemption.redemptionId}`
  const who = redemption.holderName

  const handOver = () =>
    run(async () => {
      const { redemption: next } = await handOverRedemption(redemption.redemptionId)
      onDone(next, `已交给${who}：${redemption.itemName}。`)
    })

  const cancel = () =>
    run(async () => {
      const { redemption: next } = await cancelRedemption(redemption.redemptionId)
      onDone(next, `已取消${who}兑换的${redemption.itemName}，${redemption.pricePoints} 积分已退回。`)
    })

  return (
    <View className='worker-row' data-testid={testId}>
      <View className='board-row__head'>
        <View className='worker-row__name'>{who}</View>
        <View>
          {redemption.itemName} · {redemption.pricePoints} 积分
        </View>
      </View>
      <View className='worker-row__note'>{formatMonthDayTime(redemption.createdAt)} 兑换</View>
      {error && <Notice kind='error' message={error} testId={`${testId}-error`} />}
      {asking ? (
        <ConfirmStep
          question={`确定取消${who}兑换的${redemption.itemName}吗？${redemption.pricePoints} 积分会退回给${who}。`}
          yes='确定取消兑换'
          busy={busy}
          onYes={() => void cancel()}
          onNo={() => setAsking(false)}
          testId={`${testId}-cancel-ask`}
        />
      ) : (
        <View className='board-row__actions'>
          <Tap className='btn btn--primary board-action' testId={`${testId}-hand-over`} label={`${who}的${redemption.itemName}已领取`} onTap={() => void handOver()}>
            {busy ? '请稍候…' : '已领取'}
          </Tap>
          <Tap className='btn btn--secondary board-action' testId={`${testId}-cancel`} label={`取消${who}的兑换`} onTap={() => setAsking(true)}>
            取消
          </Tap>
        </View>
      )}
    </View>
  )
}

/** A redemption that is over: handed over by whom and when, or cancelled and why. */
export function PastRow({ redemption }: { redemption: RedemptionView }) {
  const handed = redemption.status === 'handed'
  return (
    <View className='worker-row' data-testid={`redemption-${redemption.redemptionId}`}>
      <View className='board-row__head'>
        <View className='worker-row__name'>{redemption.holderName}</View>
        <View>
          {redemption.itemName} · {redemption.pricePoints} 积分
        </View>
        <View className={handed ? 'status status--done' : 'status status--off'}>
          {handed ? '✔' : '✕'} {redemption.statusName}
        </View>
      </View>
      <View className='worker-row__note'>{formatMonthDayTime(redemption.createdAt)} 兑换</View>
      {redemption.handedAt && (
        <View className='worker-row__note'>
          {formatMonthDayTime(redemption.handedAt)} 领取{redemption.handedByName ? `，经手 ${redemption.handedByName}` : ''}
        </View>
      )}
      {redemption.cancelledAt && (
        <View className='worker-row__note'>
          {formatMonthDayTime(redemption.cancelledAt)} 取消{redemption.cancelReason ? `：${redemption.cancelReason}` : ''}，积分已退回
        </View>
      )}
    </View>
  )
}
