import { useState } from 'react'
import { View } from '@tarojs/components'
import type { CountOf, Dashboard } from '@yilin/contract'
import { formatDayOfYear } from '../lib/format'
import { goTo } from '../lib/navigation'
import { Tap } from './Tap'

/** What a detail section is about; a big number opens the one it counts. */
type Detail = 'meals' | 'visits' | 'wishes' | 'volunteers' | 'elders' | 'knock'

interface Figure {
  key: string
  name: string
  value: (dashboard: Dashboard) => string
  detail: Detail
  /** Something is late or someone should go: said in words on the figure, not by its colour alone. */
  alert?: (dashboard: Dashboard) => string | null
}

/** The few numbers someone acts on today, first and large. */
const headline: Figure[] = [
  { key: 'meals', name: '今日餐数', value: (d) => String(d.now.mealsToday), detail: 'meals' },
  { key: 'orders', name: '待确认订单', value: (d) => String(d.now.pendingOrders), detail: 'meals' },
  { key: 'bookings', name: '待派单预约', value: (d) => String(d.now.pendingBookings), detail: 'visits' },
  {
    key: 'visits',
    name: '上门进行中 / 超时',
    value: (d) => `${d.now.visitsInProgress} / ${d.now.visitsOverdue}`,
    detail: 'visits',
    alert: (d) => (d.now.visitsOverdue > 0 ? '有超时' : null),
  },
  { key: 'wishes', name: '待审核心愿', value: (d) => String(d.now.wishesToReview), detail: 'wishes' },
  {
    key: 'knock',
    name: '该去看看的独居长辈',
    value: (d) => String(d.now.eldersToKnock),
    detail: 'knock',
    alert: (d) => (d.now.eldersToKnock > 0 ? '请去敲敲门' : null),
  },
]

const detailNames: Record<Detail, string> = {
  meals: '今天的餐',
  visits: '上门服务',
  wishes: '微心愿',
  volunteers: '志愿者与满意度',
  elders: '长辈构成',
  knock: '该去看看的独居长辈',
}

/** Sections no big number counts, opened by name. */
const more: Detail[] = ['volunteers', 'elders']

/** 92%, or 暂无 with nothing rated. */
export const satisfactionText = (ratings: number, satisfied: number) => (ratings === 0 ? '暂无评价' : `${Math.round((satisfied / ratings) * 100)}%`)

function Counts({ title, counts, testId }: { title: string; counts: CountOf[]; testId: string }) {
  return (
    <View className='dashboard-counts' data-testid={testId}>
      <View className='dashboard-counts__title'>{title}</View>
      {counts.map((count) => (
        <View key={count.key} className='dashboard-line'>
          <View>{count.name}</View>
          <View className='dashboard-line__value'>{count.count} 人</View>
        </View>
      ))}
    </View>
  )
}

const Line = ({ name, value }: { name: string; value: string }) => (
  <View className='dashboard-line'>
    <View>{name}</View>
    <View className='dashboard-line__value'>{value}</View>
  </View>
)

function DetailOf({ detail, dashboard }: { detail: Detail; dashboard: Dashboard }) {
  const { now, wishes, monthFigures, elders } = dashboard
  switch (detail) {
    case 'meals':
      return (
        <>
          <Line name='待确认订单' value={`${now.pendingOrders} 份`} />
          {dashboard.mealsToday.length === 0 && <View className='hint'>今天没有订餐。</View>}
          {dashboard.mealsToday.map((meal) => (
            <View key={meal.meal} className='dashboard-counts' data-testid={`dashboard-meal-${meal.meal}`}>
              <View className='dashboard-counts__title'>
                {meal.mealName}：共 {meal.total} 份，已取餐或送达 {meal.done} 份
              </View>
              {meal.byFulfilment.map((way) => (
                <Line key={way.key} name={way.name} value={`${way.count} 份`} />
              ))}
            </View>
          ))}
        </>
      )
    case 'visits':
      return (
        <>
          <Line name='待派单预约' value={`${now.pendingBookings} 个`} />
          <Line name='今天已约' value={`${dashboard.visitsToday.booked} 次`} />
          <Line name='正在上门' value={`${dashboard.visitsToday.inProgress} 次`} />
          <Line name='今天已完成' value={`${dashboard.visitsToday.completed} 次`} />
          <Line name='超时未签到（约定时间已过，还没人到）' value={`${now.visitsOverdue} 次`} />
        </>
      )
    case 'wishes':
      return (
        <>
          <Line name='待审核' value={`${now.wishesToReview} 个`} />
          <Line name='累计收集' value={`${wishes.collected} 个`} />
          <Line name='心愿墙上等认领' value={`${wishes.published} 个`} />
          <Line name='志愿者已认领' value={`${wishes.claimed} 个`} />
          <Line name='已实现' value={`${wishes.realised} 个`} />
        </>
      )
    case 'volunteers':
      return (
        <>
          <Line name='本月活跃志愿者' value={`${monthFigures.activeVolunteers} 人`} />
          <Line name='本月满意率（4–5 星）' value={satisfactionText(monthFigures.ratings, monthFigures.satisfied)} />
          <Line name='本月评价' value={`${monthFigures.ratings} 次，其中满意 ${monthFigures.satisfied} 次`} />
        </>
      )
    case 'elders':
      return (
        <>
          <Line name='在册长辈' value={`${elders.total} 人，其中独居 ${elders.livingAlone} 人`} />
          <Counts title='按补贴类别' counts={elders.bySubsidy} testId='dashboard-elders-subsidy' />
          <Counts title='按年龄段' counts={elders.byAgeBand} testId='dashboard-elders-age' />
          <Counts title='按自理能力' counts={elders.byAbility} testId='dashboard-elders-ability' />
          <Counts title='按居住情况' counts={elders.byLiving} testId='dashboard-elders-living' />
        </>
      )
    case 'knock':
      return <ToKnock dashboard={dashboard} />
  }
}

/** Elders living alone whom nobody has seen for 7 days or more, longest first: each opens the elder's page. */
function ToKnock({ dashboard }: { dashboard: Dashboard }) {
  const { toKnock, now, today } = dashboard
  if (now.eldersToKnock === 0) return <View className='hint'>独居长辈最近 7 天都有来往，没有需要特别去看的。</View>
  if (toKnock.length === 0) return <View className='hint'>共 {now.eldersToKnock} 位。名单在各社区的看板上，请点下面的社区查看。</View>
  return (
    <View data-testid='dashboard-to-knock'>
      <View className='hint'>独居、7 天以上没有用餐、上门或心愿记录的长辈，最久的在前：</View>
      {toKnock.map((elder) => (
        <Tap
          key={elder.elderId}
          className='worker-row'
          testId={`dashboard-knock-${elder.elderId}`}
          onTap={() => goTo(`/worker/elder/index?elderId=${elder.elderId}`)}
        >
          <View className='worker-row__name'>
            {elder.name} · {elder.communityName} ›
          </View>
          <View className='worker-row__note'>
            已 {elder.quietDays} 天没有来往
            {elder.lastContact ? `（上次：${formatDayOfYear(elder.lastContact, today)}）` : '（建档以来没有记录）'}
          </View>
        </Tap>
      ))}
    </View>
  )
}

/** The big numbers of now, each a tap target opening its detail; one detail open at a time. */
export function DashboardNow({ dashboard, testId }: { dashboard: Dashboard; testId: string }) {
  const [open, setOpen] = useState<Detail | null>(null)
  const toggle = (detail: Detail) => setOpen((current) => (current === detail ? null : detail))

  return (
    <>
      <View className='dashboard-figures' data-testid={testId}>
        {headline.map((figure) => {
          const alert = figure.alert?.(dashboard)
          const isOpen = open === figure.detail
          return (
            <Tap
              key={figure.key}
              className={`dashboard-figure${alert ? ' dashboard-figure--alert' : ''}${isOpen ? ' dashboard-figure--open' : ''}`}
              testId={`dashboard-now-${figure.key}`}
              label={`${figure.value(dashboard)} ${figure.name}${alert ? ` ⚠ ${alert}` : ''}，${isOpen ? '收起详情' : '看详情'}`}
              onTap={() => toggle(figure.detail)}
            >
              <View className='dashboard-figure__n'>{figure.value(dashboard)}</View>
              <View className='dashboard-figure__name'>{figure.name}</View>
              {alert && <View className='dashboard-figure__alert'>⚠ {alert}</View>}
            </Tap>
          )
        })}
      </View>
      <View className='choices'>
        {more.map((detail) => (
          <Tap key={detail} className={open === detail ? 'choice choice--on' : 'choice'} testId={`dashboard-more-${detail}`} onTap={() => toggle(detail)}>
            {open === detail ? '▲ ' : '▼ '}
            {detailNames[detail]}
          </Tap>
        ))}
      </View>
      {open && (
        <View className='card' data-testid={`dashboard-detail-${open}`}>
          <View className='card__title'>{detailNames[open]}</View>
          <DetailOf detail={open} dashboard={dashboard} />
        </View>
      )}
    </>
  )
}
