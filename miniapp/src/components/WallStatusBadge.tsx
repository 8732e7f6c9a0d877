import { View } from '@tarojs/components'
import type { WishStatus } from '@yilin/contract'

const marks: Record<WishStatus, string> = {
  pending: '…',
  published: '○',
  claimed: '✎',
  delivered: '✓',
  realised: '★',
  rejected: '✕',
  withdrawn: '✕',
}

const tones: Record<WishStatus, 'new' | 'ok' | 'done' | 'off'> = {
  pending: 'new',
  published: 'new',
  claimed: 'ok',
  delivered: 'ok',
  realised: 'done',
  rejected: 'off',
  withdrawn: 'off',
}

/** A wish's status as a mark and a word in a box; the colour only repeats what they say. */
export function WallStatusBadge({ status, name, testId }: { status: WishStatus; name: string; testId?: string }) {
  return (
    <View className={`status status--${tones[status]}`} data-testid={testId}>
      {marks[status]} {name}
    </View>
  )
}
