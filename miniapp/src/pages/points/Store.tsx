import { useState } from 'react'
import { View } from '@tarojs/components'
import type { RedemptionResponse, RedemptionWindowState, StoreItemView, StoreResponse } from '@yilin/contract'
import { redeem } from '../../api/wishes'
import { ApiError, messageOf } from '../../api/client'
import { ConfirmStep } from '../../components/ConfirmStep'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { newIdempotencyKey } from '../../lib/canteen'
import { chinaToday, formatDayOfYear } from '../../lib/format'
import { useAction } from '../../shared/useAction'
import { askToSubscribe } from '../../lib/subscribe'

/** Why a thing cannot be taken now, in words; '' when it can. */
export function whyNotRedeemable(item: StoreItemView, balance: number, redemption: RedemptionWindowState, today = chinaToday()): string {
  if (!redemption.open) {
    const next = redemption.window
    return next ? `现在不是兑换期。下次兑换：${formatDayOfYear(next.from, today)} 至 ${formatDayOfYear(next.to, today)}。` : '现在不是兑换期，社区还没定下次兑换的日子。'
  }
  if (item.stock <= 0) return '已经换完了，等社区补货后再来。'
  if (balance < item.pricePoints) return `积分还不够，还差 ${item.pricePoints - balance} 分。`
  return ''
}

interface Props {
  holderId: string
  balance: number
  store: StoreResponse
  onRedeemed: (answer: RedemptionResponse, item: StoreItemView) => void
}

/**
 * The community's points store: each thing with its price and how many are left; 兑换 where it can be taken
 * now, and otherwise why not (outside the redemption window, with the next one's dates; none left; not
 * enough points). A redemption is asked once more, and keeps its key when tapped again after a lost answer.
 */
export function Store({ holderId, balance, store, onRedeemed }: Props) {
  const [chosen, setChosen] = useState<string | null>(null)
  // One key per redemption attempt: resent after a lost answer, new for another thing.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)
  const action = useAction()
  const items = store.items.filter((item) => item.active)

  function choose(itemId: string) {
    setChosen(itemId)
    setIdempotencyKey(newIdempotencyKey())
    action.setError('')
  }

  const confirm = (item: StoreItemView) =>
    action.run(async () => {
      askToSubscribe('redeem')
      try {
        const answer = await redeem(holderId, { itemId: item.itemId, idempotencyKey })
        setChosen(null)
        onRedeemed(answer, item)
      } catch (err) {
        const network = err instanceof ApiError && err.code === 'NETWORK'
        action.setError(network ? `${messageOf(err)}再点一次“是，兑换”就行，不会重复兑换。` : messageOf(err))
      }
    })

  return (
    <View data-testid='points-store'>
      <View className='section-title'>{store.communityName}积分超市</View>
      <Notice kind='info' message={`${store.redemption.open ? '✓ ' : ''}${store.redemption.text}`} testId='points-window' />
      {items.length === 0 && <Notice kind='info' message='积分超市里暂时没有东西，社区上架后这里会显示。' testId='points-store-empty' />}
      {items.map((item) => {
        const why = whyNotRedeemable(item, balance, store.redemption)
        const testId = `points-item-${item.itemId}`
        return (
          <View key={item.itemId} className='card' data-testid={testId}>
            <View className='card__title'>{item.name}</View>
            {item.description && <View>{item.description}</View>}
            <View className='points-item__price'>{item.pricePoints} 积分</View>
            <View className='hint'>{item.stock > 0 ? `还剩 ${item.stock} 件` : '已换完'}</View>
            {why ? (
              <View className='points-item__closed' data-testid={`${testId}-why`}>
                ✕ 现在换不了：{why}
              </View>
            ) : chosen === item.itemId ? (
              <>
                {action.error && <Notice kind='error' message={action.error} testId='points-redeem-error' />}
                <ConfirmStep
                  question={`用 ${item.pricePoints} 积分兑换“${item.name}”吗？兑换后请到社区服务站领取。`}
                  yes='是，兑换'
                  busy={action.busy}
                  onYes={() => void confirm(item)}
                  onNo={() => setChosen(null)}
                  testId='points-redeem-ask'
                />
              </>
            ) : (
              <Tap className='btn btn--primary' testId={`${testId}-redeem`} onTap={() => choose(item.itemId)}>
                兑换
              </Tap>
            )}
          </View>
        )
      })}
    </View>
  )
}
