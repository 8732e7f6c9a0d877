import { useState } from 'react'
import { View } from '@tarojs/components'
import type { RedemptionResponse, RedemptionView } from '@yilin/contract'
import { cancelRedemption } from '../../api/wishes'
import { ConfirmStep } from '../../components/ConfirmStep'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { formatDateTime } from '../../lib/format'
import { useAction } from '../../shared/useAction'

const tones = { waiting: 'new', handed: 'done', cancelled: 'off' } as const
const marks = { waiting: '…', handed: '✓', cancelled: '✕' } as const

/** One redemption: waiting at the centre (with 取消兑换, asked once more), handed over, or cancelled. */
function Redemption({ redemption, onChanged }: { redemption: RedemptionView; onChanged: (answer: RedemptionResponse) => void }) {
  const [asking, setAsking] = useState(false)
  const action = useAction()
  const testId = `points-redemption-${redemption.redemptionId}`
  return (
    <View className='card' data-testid={testId}>
      <View className='card__title'>{redemption.itemName}</View>
      <View className={`status status--${tones[redemption.status]}`} data-testid={`${testId}-status`}>
        {marks[redemption.status]} {redemption.statusName}
      </View>
      <View className='hint'>
        {redemption.pricePoints} 积分 · {formatDateTime(redemption.createdAt)} 兑换
      </View>
      {redemption.status === 'waiting' && <View data-testid={`${testId}-where`}>请到社区服务站领取。</View>}
      {redemption.status === 'handed' && redemption.handedAt && (
        <View>
          {formatDateTime(redemption.handedAt)} 已领取{redemption.handedByName ? `（${redemption.handedByName}经手）` : ''}
        </View>
      )}
      {redemption.status === 'cancelled' && <View>积分已退回{redemption.cancelReason ? `。原因：${redemption.cancelReason}` : '。'}</View>}
      {action.error && <Notice kind='error' message={action.error} testId={`${testId}-error`} />}
      {redemption.status === 'waiting' &&
        (asking ? (
          <ConfirmStep
            question={`真的要取消兑换“${redemption.itemName}”吗？${redemption.pricePoints} 积分会退回。`}
            yes='是，取消兑换'
            busy={action.busy}
            onYes={() =>
              void action.run(async () => {
                onChanged(await cancelRedemption(redemption.redemptionId))
                setAsking(false)
              })
            }
            onNo={() => setAsking(false)}
            testId={`${testId}-cancel-ask`}
          />
        ) : (
          <Tap className='btn btn--secondary' testId={`${testId}-cancel`} onTap={() => setAsking(true)}>
            取消兑换
          </Tap>
        ))}
    </View>
  )
}

export function Redemptions({ redemptions, onChanged }: { redemptions: RedemptionView[]; onChanged: (answer: RedemptionResponse) => void }) {
  return (
    <View data-testid='points-redemptions'>
      <View className='section-title'>我的兑换</View>
      {redemptions.map((redemption) => (
        <Redemption key={redemption.redemptionId} redemption={redemption} onChanged={onChanged} />
      ))}
    </View>
  )
}
