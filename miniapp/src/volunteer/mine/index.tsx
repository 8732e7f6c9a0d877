import { View } from '@tarojs/components'
import { getMyWishes } from '../../api/wishes'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { WallStatusBadge } from '../../components/WallStatusBadge'
import { dayOf, WallWishCard } from '../../components/WallWishCard'
import { formatDateTime } from '../../lib/format'
import { goTo } from '../../lib/navigation'
import { pointsUrl, WALL_URL } from '../../lib/wishes'
import { useData } from '../../shared/useData'
import '../wall/index.css'

/**
 * A volunteer's own wishes: those in hand, each with its status and the time it must be done by, then those
 * realised with the points they earned; and the points to spend, with the way to the store.
 */
export default function MyWishesPage() {
  const mine = useData(getMyWishes, { onShow: true })
  const answer = mine.data
  return (
    <ElderPage>
      <View className='page-title'>我认领的心愿</View>
      <DataStatus state={mine} testId='mine' />
      {answer && (
        <>
          <View className='card' data-testid='mine-balance'>
            <View className='card__title'>我的积分</View>
            <View className='wall-balance' data-testid='mine-balance-number'>
              {answer.balance}
            </View>
            {answer.partyMember && <View className='status status--ok'>★ 党员</View>}
            <Tap className='btn btn--secondary' testId='mine-to-points' onTap={() => goTo(pointsUrl())}>
              看积分明细、去积分超市兑换
            </Tap>
          </View>
          {!answer.confirmed && (
            <Notice kind='info' message='社区还没有确认您的志愿者报名，确认以后才能认领心愿。' testId='mine-not-confirmed' />
          )}

          <View className='section-title'>正在办的</View>
          {answer.inHand.length === 0 && <Notice kind='info' message='您手上没有正在办的心愿。' testId='mine-in-hand-empty' />}
          {answer.inHand.map((wish) => (
            <WallWishCard key={wish.wishId} wish={wish} testId={`mine-wish-${wish.wishId}`}>
              <WallStatusBadge status={wish.status} name={wish.statusName} />
              {wish.status === 'claimed' && wish.claimDeadline && (
                <View className='wall-wish__deadline' data-testid={`mine-wish-${wish.wishId}-deadline`}>
                  请在 {formatDateTime(wish.claimDeadline)} 前办好
                </View>
              )}
            </WallWishCard>
          ))}

          <View className='section-title'>已实现的</View>
          {answer.realised.length === 0 && <Notice kind='info' message='还没有实现的心愿。办好一个，长辈那边确认后就会出现在这里。' testId='mine-realised-empty' />}
          {answer.realised.map((wish) => (
            <WallWishCard key={wish.wishId} wish={wish} testId={`mine-wish-${wish.wishId}`}>
              <WallStatusBadge status={wish.status} name={wish.statusName} />
              <View className='wall-wish__note'>
                {wish.realisedAt ? `${dayOf(wish.realisedAt)}实现` : ''}
                {wish.points !== undefined ? ` · 得到 ${wish.points} 积分` : ''}
                {wish.thanks ? ' · 长辈写了感谢的话' : ''}
              </View>
            </WallWishCard>
          ))}

          <Tap className='btn btn--primary' testId='mine-to-wall' onTap={() => goTo(WALL_URL)}>
            去心愿墙看看
          </Tap>
        </>
      )}
    </ElderPage>
  )
}
