import { View } from '@tarojs/components'
import type { PointsEntryView } from '@yilin/contract'
import { formatDateTime } from '../../lib/format'

/** +20 or −50: the sign says which way the points went, the colour only repeats it. */
const amountText = (amount: number) => (amount >= 0 ? `+${amount}` : `−${-amount}`)

/** Where the points came from and went, newest first. */
export function Ledger({ entries }: { entries: PointsEntryView[] }) {
  return (
    <View className='card' data-testid='points-entries'>
      <View className='card__title'>积分明细</View>
      {entries.length === 0 && <View className='hint'>还没有积分记录。实现一个心愿、参加社区的志愿服务，都能得到积分。</View>}
      {entries.map((entry) => (
        <View key={entry.entryId} className='points-entry' data-testid={`points-entry-${entry.entryId}`}>
          <View className='points-entry__what'>
            <View className='points-entry__kind'>{entry.kindName}</View>
            {entry.note && <View>{entry.note}</View>}
            <View className='points-entry__when'>{formatDateTime(entry.at)}</View>
          </View>
          <View className={entry.amount >= 0 ? 'points-entry__amount points-entry__amount--in' : 'points-entry__amount points-entry__amount--out'}>
            {amountText(entry.amount)} 分
          </View>
        </View>
      ))}
    </View>
  )
}
