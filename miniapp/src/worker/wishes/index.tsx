import { useState } from 'react'
import { View } from '@tarojs/components'
import type { WishStatus, WishView, WishesPage } from '@yilin/contract'
import { listCommunityWishes } from '../../api/wishes'
import { Choices } from '../../components/Choices'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { WallStatusBadge } from '../../components/WallStatusBadge'
import { claimerText, wishValueText } from '../../components/WishCard'
import { formatMonthDayTime } from '../../lib/format'
import { goTo } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { workerWishUrl } from '../../lib/wishes'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'
import '../worker.css'

const WISH_SETTINGS_URL = '/worker/wish-settings/index'

const tabs = ['pending', 'published', 'inProgress', 'realised', 'closed'] as const
type Tab = (typeof tabs)[number]

/** The statuses each tab holds: 进行中 is a claim in hand or delivered and waiting for the elder's word. */
const tabStatuses: Record<Tab, WishStatus[]> = {
  pending: ['pending'],
  published: ['published'],
  inProgress: ['claimed', 'delivered'],
  realised: ['realised'],
  closed: ['rejected', 'withdrawn'],
}

const tabNames: Record<Tab, string> = { pending: '待审核', published: '等认领', inProgress: '进行中', realised: '已实现', closed: '没通过/已撤回' }

const emptyMessages: Record<Tab, string> = {
  pending: '没有等审核的心愿。',
  published: '心愿墙上没有等认领的心愿。',
  inProgress: '没有志愿者正在办的心愿。',
  realised: '还没有实现的心愿。',
  closed: '没有没通过或撤回的心愿。',
}

/** One page of each status a tab holds. */
type Pages = Partial<Record<WishStatus, WishesPage>>

interface Loaded {
  /** Always loaded: its count is on the first tab whatever tab is open. */
  pending: WishesPage
  pages: Pages
}

/** The review queue oldest first (the longest waiting is reviewed first); the other tabs newest first. */
function itemsOf(tab: Tab, pages: Pages): WishView[] {
  const items = tabStatuses[tab].flatMap((status) => pages[status]?.items ?? [])
  return items.sort((a, b) => (tab === 'pending' ? a.postedAt.localeCompare(b.postedAt) : b.postedAt.localeCompare(a.postedAt)))
}

function WishRow({ wish }: { wish: WishView }) {
  const testId = `worker-wish-${wish.wishId}`
  return (
    <Tap className='worker-row' testId={testId} onTap={() => goTo(workerWishUrl(wish.wishId))}>
      <View className='board-row__head'>
        <View className='worker-row__name'>{wish.title}</View>
        <WallStatusBadge status={wish.status} name={wish.statusName} testId={`${testId}-status`} />
      </View>
      <View>
        {wish.elderName ?? wish.elderDisplay} · {wish.categoryName} · {wishValueText(wish.valueFen)}
      </View>
      <View className='worker-row__note'>{formatMonthDayTime(wish.postedAt)} 提交</View>
      {wish.claimer && (
        <View className='worker-row__note'>
          认领：{claimerText(wish.claimer)}
          {wish.status === 'claimed' && wish.claimDeadline ? `，${formatMonthDayTime(wish.claimDeadline)} 前办好` : ''}
        </View>
      )}
    </Tap>
  )
}

/** 微心愿 for the community: the wishes waiting for review first, then the wall, those in hand, and the rest. */
export default function WorkerWishesPage() {
  const communityId = currentUser()?.communityId || ''
  const [tab, setTab] = useState<Tab>('pending')
  const loaded = useData<Loaded>(
    async () => {
      const statuses = tab === 'pending' ? [] : tabStatuses[tab]
      const [pending, ...others] = await Promise.all([listCommunityWishes(communityId, 'pending'), ...statuses.map((status) => listCommunityWishes(communityId, status))])
      const pages: Pages = { pending }
      statuses.forEach((status, index) => (pages[status] = others[index]))
      return { pending, pages }
    },
    { onShow: true, deps: [tab], enabled: communityId !== '' },
  )
  const more = useAction()
  const pages = loaded.data?.pages ?? {}
  const items = itemsOf(tab, pages)
  const withMore = tabStatuses[tab].filter((status) => pages[status]?.cursor)
  const pending = loaded.data?.pending
  const pendingCount = pending ? `${pending.items.length}${pending.cursor ? '+' : ''}` : ''
  const names = { ...tabNames, pending: pendingCount ? `${tabNames.pending}（${pendingCount}）` : tabNames.pending }

  const loadMore = () =>
    more.run(async () => {
      const next = await Promise.all(withMore.map((status) => listCommunityWishes(communityId, status, pages[status]?.cursor ?? undefined)))
      loaded.setData((current) => {
        const merged: Pages = { ...current.pages }
        withMore.forEach((status, index) => {
          merged[status] = { items: [...(merged[status]?.items ?? []), ...next[index].items], cursor: next[index].cursor }
        })
        return { pending: merged.pending ?? current.pending, pages: merged }
      })
    })

  return (
    <ElderPage dense>
      <View className='page-title'>微心愿</View>
      {!communityId && <Notice kind='error' message='没有找到您所在的社区，请联系县级平台。' testId='worker-wishes-no-community' />}
      <Choices options={tabs} names={names} value={tab} onChange={setTab} testId='worker-wishes-tab' label='看哪一类心愿' />
      <DataStatus state={loaded} testId='worker-wishes' empty={{ when: () => items.length === 0, message: emptyMessages[tab] }} />
      {items.map((wish) => (
        <WishRow key={wish.wishId} wish={wish} />
      ))}
      {more.error && <Notice kind='error' message={more.error} testId='worker-wishes-more-error' />}
      {withMore.length > 0 && (
        <Tap className='btn btn--secondary' testId='worker-wishes-more' onTap={() => void loadMore()}>
          {more.busy ? '正在加载…' : '再看更多'}
        </Tap>
      )}
      <Tap className='btn btn--secondary' testId='worker-wishes-settings' onTap={() => goTo(WISH_SETTINGS_URL)}>
        心愿和积分规则（价值上限、积分、兑换期）
      </Tap>
    </ElderPage>
  )
}
