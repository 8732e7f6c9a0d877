import { useState } from 'react'
import { View } from '@tarojs/components'
import { getLeaderboard } from '../../api/wishes'
import { Choices } from '../../components/Choices'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { chinaToday } from '../../lib/format'
import { currentUser } from '../../lib/session'
import { useData } from '../../shared/useData'
import '../wall/index.css'

type Which = 'this' | 'last'
const months: readonly Which[] = ['this', 'last']
const monthNames: Record<Which, string> = { this: '本月', last: '上个月' }

/** `2026-01` → `2025-12`. */
function monthBefore(month: string): string {
  const [year, m] = month.split('-').map(Number)
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`
}

/** `2026-11` → 2026年11月. */
const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`

/** The volunteers of the caller's community by the points they earned this month (or last), the caller's row marked. */
export default function LeaderboardPage() {
  const communityId = currentUser()?.communityId ?? ''
  const [which, setWhich] = useState<Which>('this')
  const board = useData(() => getLeaderboard(communityId, which === 'last' ? monthBefore(chinaToday().slice(0, 7)) : undefined), {
    deps: [which],
    enabled: communityId !== '',
  })
  const answer = board.data
  return (
    <ElderPage>
      <View className='page-title' data-testid='leaderboard-title'>
        {answer ? `${answer.communityName} ${monthText(answer.month)}积分排行` : '积分排行'}
      </View>
      {!communityId && <Notice kind='error' message='没有找到您所在的社区，请联系社区工作者。' testId='leaderboard-no-community' />}
      <Choices options={months} names={monthNames} value={which} onChange={setWhich} testId='leaderboard-month' label='看哪个月' />
      <DataStatus state={board} testId='leaderboard' empty={{ when: (data) => data.rows.length === 0, message: '这个月还没有人得到积分。' }} />
      {answer?.rows.map((row) => (
        <View key={`${row.rank}-${row.name}`} className={row.you ? 'wall-rank wall-rank--you' : 'wall-rank'} data-testid={row.you ? 'leaderboard-you' : `leaderboard-row-${row.rank}`}>
          <View className='wall-rank__place'>第 {row.rank} 名</View>
          <View className='wall-rank__name'>
            {row.name}
            {row.you ? '（我）' : ''}
            {row.partyMember ? ' ★党员' : ''}
          </View>
          <View className='wall-rank__points'>{row.points} 分</View>
        </View>
      ))}
      <View className='hint'>每月的积分来自实现的心愿和社区记录的志愿服务时长。</View>
    </ElderPage>
  )
}
