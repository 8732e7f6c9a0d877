import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import type { Dashboard, MonthFigures, PlaceRef } from '@yilin/contract'
import { yuan } from '../lib/format'
import { monthText, shortMonthText } from '../lib/months'
import { BarChart } from './BarChart'
import { satisfactionText } from './DashboardNow'
import { LineChart } from './LineChart'
import { Tap } from './Tap'

type Measure = 'meals' | 'subsidy' | 'visits' | 'wishes'
const measures: readonly Measure[] = ['meals', 'subsidy', 'visits', 'wishes']
const measureNames: Record<Measure, string> = { meals: '用餐', subsidy: '补贴', visits: '上门', wishes: '心愿实现' }

/** Charts draw subsidies in yuan, so the value axis reads in yuan; the words keep fen exact. */
const measureOf: Record<Measure, { value: (figures: MonthFigures) => number; format: (value: number) => string; unit: string }> = {
  meals: { value: (f) => f.meals, format: (n) => `${n} 份`, unit: '份' },
  subsidy: { value: (f) => (f.mealSubsidyFen + f.careSubsidyFen) / 100, format: (n) => yuan(Math.round(n * 100)), unit: '元' },
  visits: { value: (f) => f.visits, format: (n) => `${n} 次`, unit: '次' },
  wishes: { value: (f) => f.wishesRealised, format: (n) => `${n} 个`, unit: '个' },
}

const partKindNames: Record<PlaceRef['kind'], string> = { county: '县', centre: '服务中心', community: '社区' }

const Figure = ({ name, value }: { name: string; value: string }) => (
  <View className='dashboard-line'>
    <View>{name}</View>
    <View className='dashboard-line__value'>{value}</View>
  </View>
)

/** The rest of a place's month in words: what the county reports and settles. */
function MonthCard({ figures }: { figures: MonthFigures }) {
  return (
    <View className='card' data-testid='dashboard-month-figures'>
      <Figure name='用餐' value={`${figures.meals} 份`} />
      <Figure name='助餐补贴' value={yuan(figures.mealSubsidyFen)} />
      <Figure name='上门服务' value={`${figures.visits} 次`} />
      <Figure name='上门服务补贴' value={yuan(figures.careSubsidyFen)} />
      <Figure name='心愿：新收 / 实现' value={`${figures.wishesPosted} / ${figures.wishesRealised} 个`} />
      <Figure name='积分：发放 / 兑换' value={`${figures.pointsEarned} / ${figures.pointsRedeemed} 分`} />
      <Figure name='活跃志愿者' value={`${figures.activeVolunteers} 人`} />
      <Figure name='满意率' value={satisfactionText(figures.ratings, figures.satisfied)} />
    </View>
  )
}

interface Props {
  dashboard: Dashboard
  /** The test id of the row of big numbers. */
  testId: string
  /** Tapping a place below opens its dashboard; without it the places are only shown. */
  onPart?: (place: PlaceRef) => void
}

/** The month shown, the twelve months up to it as a line, and the places below side by side as bars. */
export function DashboardMonth({ dashboard, testId, onPart }: Props) {
  const [measure, setMeasure] = useState<Measure>('meals')
  const { value, format, unit } = measureOf[measure]
  const { trend, parts } = dashboard
  const labels = useMemo(() => trend.map((figures) => shortMonthText(figures.month)), [trend])
  const names = useMemo(() => trend.map((figures) => monthText(figures.month)), [trend])
  const series = useMemo(() => [{ name: `${measureNames[measure]}（${unit}）`, values: trend.map(value) }], [trend, measure, unit, value])
  const bars = useMemo(() => parts.map((part) => ({ key: part.place.id, name: part.place.name, value: value(part.figures) })), [parts, value])
  const partKind = parts[0] ? partKindNames[parts[0].place.kind] : ''

  return (
    <>
      <View className='section-title'>{monthText(dashboard.month)}</View>
      {/* Each big number is also the choice of what the charts below show. */}
      <View className='dashboard-figures' data-testid={testId}>
        {measures.map((key) => {
          const on = key === measure
          const text = measureOf[key].format(measureOf[key].value(dashboard.monthFigures))
          return (
            <Tap
              key={key}
              className={on ? 'dashboard-figure dashboard-figure--open' : 'dashboard-figure'}
              testId={`dashboard-figure-${key}`}
              role='radio'
              checked={on}
              label={`${measureNames[key]} ${text}，${on ? '图表正在显示' : '在图表里看'}`}
              onTap={() => setMeasure(key)}
            >
              <View className='dashboard-figure__n'>{text}</View>
              <View className='dashboard-figure__name'>
                {on ? '✓ ' : ''}
                {measureNames[key]}
              </View>
            </Tap>
          )
        })}
      </View>
      <MonthCard figures={dashboard.monthFigures} />
      <LineChart id='dashboard-trend' title={`近 12 个月${measureNames[measure]}`} labels={labels} names={names} series={series} format={format} />
      {parts.length > 0 && (
        <BarChart id='dashboard-parts' title={`${monthText(dashboard.month)}各${partKind}${measureNames[measure]}`} measure={`${measureNames[measure]}（${unit}）`} bars={bars} format={format}>
          <View data-testid='dashboard-parts-table'>
            {onPart && <View className='hint'>点一个{partKind}，看它的看板：</View>}
            {parts.map(({ place, figures }) => {
              const row = (
                <>
                  <View className='worker-row__name'>
                    {place.name}
                    {onPart ? ' ›' : ''}
                  </View>
                  <View className='worker-row__note'>
                    用餐 {figures.meals} 份 · 助餐补贴 {yuan(figures.mealSubsidyFen)} · 上门 {figures.visits} 次 · 上门补贴 {yuan(figures.careSubsidyFen)} · 心愿实现{' '}
                    {figures.wishesRealised} 个 · 满意率 {satisfactionText(figures.ratings, figures.satisfied)}
                  </View>
                </>
              )
              return onPart ? (
                <Tap key={place.id} className='worker-row' testId={`dashboard-part-${place.id}`} onTap={() => onPart(place)}>
                  {row}
                </Tap>
              ) : (
                <View key={place.id} className='worker-row' data-testid={`dashboard-part-${place.id}`}>
                  {row}
                </View>
              )
            })}
          </View>
        </BarChart>
      )}
    </>
  )
}
