import { View } from '@tarojs/components'
import type { BookingStatus } from '@yilin/contract'
import { bookingStatusMarks, bookingTone } from '../lib/care'

/** A booking's status as a mark and a word in a box; the colour only repeats what they say. */
export function BookingBadge({ status, name, testId }: { status: BookingStatus; name: string; testId?: string }) {
  return (
    <View className={`status status--${bookingTone(status)}`} data-testid={testId}>
      {bookingStatusMarks[status]} {name}
    </View>
  )
}
