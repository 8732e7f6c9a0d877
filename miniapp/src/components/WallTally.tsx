import { View } from '@tarojs/components'
import type { WishTallyView } from '@yilin/contract'

type Figures = Pick<WishTallyView, 'collected' | 'realised' | 'inProgress' | 'waiting'>

const FIGURES: Array<{ key: keyof Figures; label: string }> = [
  { key: 'collected', label: '收集' },
  { key: 'realised', label: '已实现' },
  { key: 'inProgress', label: '进行中' },
  { key: 'waiting', label: '等认领' },
]

/** All the communities of the county added up, as one poster. */
export function countyTally(tallies: WishTallyView[]): Figures {
  return tallies.reduce<Figures>(
    (sum, tally) => ({
      collected: sum.collected + tally.collected,
      realised: sum.realised + tally.realised,
      inProgress: sum.inProgress + tally.inProgress,
      waiting: sum.waiting + tally.waiting,
    }),
    { collected: 0, realised: 0, inProgress: 0, waiting: 0 },
  )
}

/** A community's wishes as on the wall poster: four big numbers, each with its word under it. */
export function WallTally({ title, tally, testId }: { title: string; tally: Figures; testId: string }) {
  return (
    <View className='card wall-poster' data-testid={testId}>
      <View className='card__title'>{title}</View>
      <View className='wall-poster__figures'>
        {FIGURES.map(({ key, label }) => (
          <View key={key} className='wall-figure' data-testid={`${testId}-${key}`}>
            <View className='wall-figure__number'>{tally[key]}</View>
            <View className='wall-figure__label'>{label}</View>
          </View>
        ))}
      </View>
    </View>
  )
}

/** One line per community under the county's poster: 学院路社区 收集 381 · 已实现 218 · 进行中 12 · 等认领 20. */
export function WallTallyRow({ tally, testId }: { tally: WishTallyView; testId: string }) {
  return (
    <View className='wall-tally-row' data-testid={testId}>
      <View className='wall-tally-row__name'>{tally.communityName}</View>
      <View>{FIGURES.map(({ key, label }) => `${label} ${tally[key]}`).join(' · ')}</View>
    </View>
  )
}
