import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { WishView } from '@yilin/contract'
import { chinaToday, formatDate } from '../lib/format'
import { goTo } from '../lib/navigation'
import { volunteerWishUrl } from '../lib/wishes'
import { Tap } from './Tap'
import { wishValueText } from './WishCard'


/** The day a moment falls on in China: "2026年11月24日". */
export const dayOf = (iso: string) => formatDate(chinaToday(Date.parse(iso)))

interface Props {
  wish: WishView
  testId: string
  /** Below the facts: the status, the deadline, the points earned… */
  children?: ReactNode
}

/**
 * A wish on the wall or in the volunteer's own list: what is wished, by whom (王奶奶, never the full name)
 * in which community, what it is worth and when it was posted. Tapping it opens the wish.
 */
export function WallWishCard({ wish, testId, children }: Props) {
  return (
    <Tap className='tile wall-wish' testId={testId} onTap={() => goTo(volunteerWishUrl(wish.wishId))}>
      <View className='wall-wish__title'>{wish.title}</View>
      <View className='wall-wish__who'>
        {wish.elderDisplay} · {wish.communityName}
      </View>
      <View className='wall-wish__facts'>
        {wish.categoryName} · {wishValueText(wish.valueFen)} · {dayOf(wish.postedAt)}发布
      </View>
      {wish.claimer?.partyMember && (
        <View className='status status--ok' data-testid={`${testId}-party`}>
          ★ 党员
        </View>
      )}
      {children}
    </Tap>
  )
}
