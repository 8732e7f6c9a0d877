import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ElderWishesResponse, WishView } from '@yilin/contract'
import { getElderWishes } from '../../api/wishes'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { WishCard } from '../../components/WishCard'
import { elderIdForPage } from '../../lib/currentElder'
import { goTo, queryString } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { WISH_POST_URL, pointsUrl, wishUrl } from '../../lib/wishes'
import { useData } from '../../shared/useData'
import './index.css'

/** What a micro-wish is, for someone who has none yet. */
const emptyMessage = (forName?: string) =>
  forName
    ? `${forName}还没有许过心愿。想理个发、想有人陪着去医院、家里灯泡坏了……说出来，社区的志愿者帮忙实现。`
    : '您还没有许过心愿。想理个发、想有人陪着去医院、家里灯泡坏了……说出来，社区的志愿者帮您实现。'

/** Wishes waiting for the elder's side to confirm come first, then the newest. */
const byWhatNeedsUs = (a: WishView, b: WishView) =>
  Number(b.status === 'delivered') - Number(a.status === 'delivered') || b.postedAt.localeCompare(a.postedAt)

/** The elder's wishes, each with its state and what happens next, and 许个心愿. */
export default function WishesPage() {
  const { params } = useRouter()
  const isElder = currentUser()?.role === 'elder'
  // Null when a family member has no bound elder.
  const view = useData<ElderWishesResponse | null>(
    async () => {
      const elderId = await elderIdForPage(params.elderId)
      return elderId ? getElderWishes(elderId) : null
    },
    { onShow: true },
  )
  const elder = view.data?.elder
  const forName = elder && !isElder ? elder.name : undefined
  const wishes = [...(view.data?.wishes ?? [])].sort(byWhatNeedsUs)

  return (
    <ElderPage>
      <View className='page-title' data-testid='wishes-title'>
        {forName ? `${forName}的心愿` : '我的心愿'}
      </View>
      {view.data === null && <Notice kind='info' message='您还没有绑定长辈。' testId='wishes-no-elder' />}
      {elder && (
        <Tap className='btn btn--primary btn--big' testId='wishes-post' onTap={() => goTo(`${WISH_POST_URL}${queryString({ elderId: elder.elderId })}`)}>
          {forName ? `替${forName}许个心愿` : '许个心愿'}
        </Tap>
      )}
      <DataStatus state={view} testId='wishes' empty={{ when: (loaded) => loaded.wishes.length === 0, message: emptyMessage(forName) }} />
      {wishes.map((wish) => (
        <WishCard key={wish.wishId} wish={wish} testId={`wishes-${wish.wishId}`} onTap={() => goTo(wishUrl(wish.wishId))} />
      ))}
      {elder && (
        <Tap className='btn btn--secondary' testId='wishes-points' onTap={() => goTo(pointsUrl(elder.elderId))}>
          {forName ? `${forName}的积分和积分超市` : '我的积分和积分超市'}
        </Tap>
      )}
    </ElderPage>
  )
}
