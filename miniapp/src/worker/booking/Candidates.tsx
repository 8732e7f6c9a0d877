import { View } from '@tarojs/components'
import { Photo } from '../../components/Photo'
import type { CandidateView } from '@yilin/contract'
import { Tap } from '../../components/Tap'

interface Props {
  candidates: CandidateView[]
  /** The one being assigned now: its row says so, and a second tap meanwhile does nothing. */
  assigning: string
  onAssign: (candidate: CandidateView) => void
}

function Who({ candidate }: { candidate: CandidateView }) {
  return (
    <View className='candidate__who'>
      {candidate.photoUrl && <Photo className='candidate__photo' src={candidate.photoUrl} name={candidate.name} />}
      <View>
        <View className='worker-row__name'>{candidate.name}</View>
        <View className='worker-row__note'>工号 {candidate.staffNumber}</View>
      </View>
    </View>
  )
}

/**
 * Who could go: the free ones first, each assigned with one tap; a busy one says why and is not a button,
 * so a hurried thumb cannot send someone who is elsewhere.
 */
export function Candidates({ candidates, assigning, onAssign }: Props) {
  const free = candidates.filter((candidate) => candidate.free)
  const busy = candidates.filter((candidate) => !candidate.free)
  return (
    <View className='card' data-testid='candidates'>
      <View className='card__title'>安排谁去</View>
      {candidates.length === 0 && <View className='hint' data-testid='candidates-none'>本中心还没有会这项服务的服务人员，请先在“服务人员”里添加。</View>}
      {candidates.length > 0 && free.length === 0 && <View className='hint' data-testid='candidates-none-free'>这个时段没有空闲的人，可以改期。</View>}
      {free.map((candidate) => (
        <Tap
          key={candidate.staffId}
          className='worker-row candidate candidate--free'
          testId={`candidate-${candidate.staffId}`}
          onTap={() => onAssign(candidate)}
        >
          <Who candidate={candidate} />
          <View className='candidate__action'>{assigning === candidate.staffId ? '正在安排…' : '空闲 · 点这里安排 ›'}</View>
        </Tap>
      ))}
      {busy.map((candidate) => (
        <View key={candidate.staffId} className='worker-row candidate candidate--busy' data-testid={`candidate-${candidate.staffId}`}>
          <Who candidate={candidate} />
          <View className='candidate__busy' data-testid={`candidate-${candidate.staffId}-busy`}>
            ✕ 不能安排：{candidate.busyReason ?? '这个时段有别的上门'}
          </View>
        </View>
      ))}
    </View>
  )
}
