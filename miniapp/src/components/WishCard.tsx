import { View } from '@tarojs/components'
import { businessDateOf, wishStatusNames, wishValueText, type WishStatus, type WishView } from '@yilin/contract'
import { formatMonthDay } from '../lib/format'
import { Tap } from './Tap'
import { WallStatusBadge } from './WallStatusBadge'

/** 李华（党员）: a party member is named as one, as the wall does (党员带头认领). */
export const claimerText = (claimer: NonNullable<WishView['claimer']>) => `${claimer.name}${claimer.partyMember ? '（党员）' : ''}`

/** The claim's deadline as the day it falls on in China: 12月5日. */
export const deadlineDay = (deadline: string) => formatMonthDay(businessDateOf(Date.parse(deadline)))

/** 约 ¥30, or 不花钱: the contract's words, the same in the timeline the functions write. */
export { wishValueText }

/** What happens next, said plainly to the elder's side. */
export function wishNextStep(wish: WishView): string {
  switch (wish.status) {
    case 'pending':
      return '等社区审核，审核好了志愿者就能看到'
    case 'published':
      return '等志愿者认领'
    case 'claimed':
      if (!wish.claimer) return '志愿者已认领'
      return `${claimerText(wish.claimer)}已认领${wish.claimDeadline ? `，${deadlineDay(wish.claimDeadline)}前办好` : ''}`
    case 'delivered':
      return '志愿者说已办好，请您确认'
    case 'realised':
      return '已实现 ✓'
    case 'rejected':
      return wish.rejectReason ? `没有通过：${wish.rejectReason}` : '没有通过'
    case 'withdrawn':
      return '已撤回'
  }
}

/** A wish's state as a mark and its name from the contract. */
export function WishBadge({ status, testId }: { status: WishStatus; testId?: string }) {
  return <WallStatusBadge status={status} name={wishStatusNames[status]} testId={testId} />
}

interface CardProps {
  wish: WishView
  onTap: () => void
  /** Test ids: `<testId>`, `<testId>-status`, `<testId>-next`. */
  testId: string
}

/** One wish as a big card: what it is, its state in words, and what happens next. */
export function WishCard({ wish, onTap, testId }: CardProps) {
  const waitsForUs = wish.status === 'delivered'
  return (
    <Tap className={waitsForUs ? 'card wish-card wish-card--act' : 'card wish-card'} testId={testId} onTap={onTap}>
      <View className='wish-card__title'>{wish.title}</View>
      <View className='wish-card__meta'>
        {wish.categoryName} · {wishValueText(wish.valueFen)}
      </View>
      <View className='wish-card__status'>
        <WishBadge status={wish.status} testId={`${testId}-status`} />
      </View>
      <View className='wish-card__next' data-testid={`${testId}-next`}>
        {wishNextStep(wish)}
      </View>
      <View className='wish-card__more'>{waitsForUs ? '去确认 ›' : '查看详情 ›'}</View>
    </Tap>
  )
}
