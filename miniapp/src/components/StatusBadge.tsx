import { View } from '@tarojs/components'
import type { OrderStatus } from '@yilin/contract'
import { statusMarks, statusTone } from '../lib/canteen'

/** An order's status as a mark and a word in a box; the colour only repeats what they say. */
export function StatusBadge({ status, name, testId }: { status: OrderStatus; name: string; testId?: string }) {
  return (
    <View className={`status status--${statusTone(status)}`} data-testid={testId}>
      {statusMarks[status]} {name}
    </View>
  )
}
