import { View } from '@tarojs/components'
import type { LikelyDuplicate } from '@yilin/contract'
import { Tap } from '../../components/Tap'
import { goTo, queryString } from '../../lib/navigation'

interface Props {
  matches: LikelyDuplicate[]
  /** The worker's own community: only its elders' pages open for them. */
  communityId: string
  busy: boolean
  onNotSame: () => void
}

/**
 * Elders of the county already registered under the same name and birth date, shown before anything is
 * saved: the worker goes to the one it is, or says it is someone else and registers anyway.
 */
export function DuplicateCard({ matches, communityId, busy, onNotSame }: Props) {
  return (
    <View className='card card--warning' data-testid='register-duplicate' role='alert'>
      <View className='card__title'>⚠ 可能已经建过档</View>
      <View>县里已有同名、同一天出生的长辈，请先核对是不是同一个人：</View>
      {matches.map((match) => (
        <View key={match.elderId} className='history-row' data-testid={`register-duplicate-${match.elderId}`}>
          <View className='worker-row__name'>
            {match.name} · {match.age} 岁 · {match.communityName}
          </View>
          {match.communityId === communityId ? (
            <Tap
              className='btn btn--secondary'
              testId={`register-duplicate-open-${match.elderId}`}
              onTap={() => goTo(`/worker/elder/index${queryString({ elderId: match.elderId })}`)}
            >
              是同一个人，去看他的资料
            </Tap>
          ) : (
            <View className='hint'>这位长辈在{match.communityName}建档。是同一个人的话，请联系{match.communityName}或县级平台把长辈迁到本社区，不要重复建档。</View>
          )}
        </View>
      ))}
      <Tap className='btn btn--primary' testId='register-not-duplicate' onTap={onNotSame}>
        {busy ? '正在保存…' : '不是同一个人，继续建档'}
      </Tap>
    </View>
  )
}
