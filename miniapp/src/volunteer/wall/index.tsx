import { useState } from 'react'
import { View } from '@tarojs/components'
import { getWall } from '../../api/wishes'
import { messageOf } from '../../api/client'
import { Choices } from '../../components/Choices'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { countyTally, WallTally, WallTallyRow } from '../../components/WallTally'
import { WallWishCard } from '../../components/WallWishCard'
import { currentUser } from '../../lib/session'
import { useData } from '../../shared/useData'
import './index.css'

type Scope = 'community' | 'county'
const scopes: readonly Scope[] = ['community', 'county']
const scopeNames: Record<Scope, string> = { community: '本社区', county: '全县' }

/**
 * 心愿墙: how many wishes were collected and realised (the figures the community is proud of), then the
 * published wishes waiting for a volunteer, newest first. The volunteer's own community by default.
 */
export default function WallPage() {
  const ownCommunityId = currentUser()?.communityId
  const [scope, setScope] = useState<Scope>(ownCommunityId ? 'community' : 'county')
  const communityId = scope === 'community' ? ownCommunityId : undefined
  const wall = useData(() => getWall(communityId), { onShow: true, deps: [scope] })
  const answer = wall.data
  const [busy, setBusy] = useState(false)
  const [moreError, setMoreError] = useState('')

  async function more() {
    const cursor = answer?.cursor
    if (busy || !cursor) return
    setBusy(true)
    setMoreError('')
    try {
      const page = await getWall(communityId, cursor)
      wall.setData((current) => ({ ...current, wishes: [...current.wishes, ...page.wishes], cursor: page.cursor }))
    } catch (err) {
      setMoreError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  const own = answer?.tallies.find((tally) => tally.communityId === ownCommunityId) ?? answer?.tallies[0]
  return (
    <ElderPage>
      <View className='page-title'>心愿墙</View>
      {ownCommunityId && <Choices options={scopes} names={scopeNames} value={scope} onChange={setScope} testId='wall-scope' label='看哪里的心愿' />}
      {answer && scope === 'community' && own && <WallTally title={`${own.communityName}的微心愿`} tally={own} testId='wall-tally' />}
      {answer && scope === 'county' && (
        <>
          <WallTally title='全县的微心愿' tally={countyTally(answer.tallies)} testId='wall-tally' />
          {answer.tallies.length > 1 && (
            <View className='card' data-testid='wall-communities'>
              {answer.tallies.map((tally) => (
                <WallTallyRow key={tally.communityId} tally={tally} testId={`wall-community-${tally.communityId}`} />
              ))}
            </View>
          )}
        </>
      )}
      <DataStatus state={wall} testId='wall' />
      {answer && (
        <>
          <View className='section-title'>等您认领的心愿</View>
          {answer.wishes.length === 0 && <Notice kind='info' message='现在没有等认领的心愿，过几天再来看看。' testId='wall-empty' />}
          {answer.wishes.map((wish) => (
            <WallWishCard key={wish.wishId} wish={wish} testId={`wall-wish-${wish.wishId}`} />
          ))}
        </>
      )}
      {moreError && <Notice kind='error' message={moreError} testId='wall-more-error' />}
      {answer?.cursor && (
        <Tap className='btn btn--secondary' testId='wall-more' onTap={() => void more()}>
          {busy ? '正在加载…' : '加载更多'}
        </Tap>
      )}
      {answer && answer.realised.length > 0 && (
        <>
          <View className='section-title'>最近实现的心愿</View>
          {answer.realised.map((wish) => (
            <View key={wish.wishId} className='tile wall-wish' data-testid={`wall-realised-${wish.wishId}`}>
              <View className='wall-wish__title'>{wish.title}</View>
              <View className='wall-wish__who'>
                {wish.elderDisplay} · {wish.communityName}
              </View>
              {wish.claimer && (
                <View className='wall-wish__facts' data-testid={`wall-realised-${wish.wishId}-by`}>
                  {wish.claimer.name}
                  {wish.claimer.partyMember ? '（★ 党员）' : ''}帮忙实现了
                </View>
              )}
            </View>
          ))}
        </>
      )}
    </ElderPage>
  )
}
