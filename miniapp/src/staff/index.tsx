import { useState } from 'react'
import { View } from '@tarojs/components'
import type { StaffVisitView } from '@yilin/contract'
import { getStaffDay } from '../api'
import { BookingBadge } from '../components/BookingBadge'
import { Choices } from '../components/Choices'
import { DataStatus } from '../components/DataStatus'
import { ElderPage } from '../components/ElderPage'
import { PhoneLink } from '../components/PhoneLink'
import { Tap } from '../components/Tap'
import { addDays, chinaToday, formatMonthDay } from '../lib/format'
import { goTo, HOME_URL } from '../lib/navigation'
import { useData } from '../shared/useData'
import { DoorCode } from './DoorCode'
import './staff.css'

type Day = 'today' | 'tomorrow'
const dayNames: Record<Day, string> = { today: '今天', tomorrow: '明天' }

function VisitCard({ visit }: { visit: StaffVisitView }) {
  const testId = `visit-${visit.bookingId}`
  return (
    <View className='card visit-card' data-testid={testId}>
      <View className='visit-card__window'>
        {visit.windowStart}–{visit.windowEnd}
      </View>
      <View className='visit-card__who'>
        {visit.elderName} · {visit.serviceName}
      </View>
      <BookingBadge status={visit.status} name={visit.statusName} testId={`${testId}-status`} />
      {/* The address and phone come only on the visit's day: the server leaves them out before it. */}
      <View className='visit-card__address'>{visit.address}</View>
      {visit.note && <View className='hint'>备注：{visit.note}</View>}
      {visit.elderPhone && <PhoneLink phone={visit.elderPhone} name={visit.elderName} testId={`${testId}-phone`} />}
      {visit.doorCode && <DoorCode code={visit.doorCode} testId={`${testId}-door-code`} />}
      <Tap className='btn btn--primary btn--big' testId={`${testId}-open`} onTap={() => goTo(`/staff/visit/index?bookingId=${visit.bookingId}`)}>
        {visit.status === 'confirmed' ? '到了，去签到 ›' : '打开这次上门 ›'}
      </Tap>
    </View>
  )
}

/** 今天的上门: a staff member's visits in window order, with the way in (address, phone, door code) on the day. */
export default function StaffDayPage() {
  const [day, setDay] = useState<Day>('today')
  const today = chinaToday()
  const date = day === 'today' ? today : addDays(today, 1)
  const loaded = useData(() => getStaffDay(day === 'today' ? undefined : date), { onShow: true, deps: [day] })
  const visits = [...(loaded.data?.visits ?? [])].sort((a, b) => a.windowStart.localeCompare(b.windowStart))

  return (
    <ElderPage>
      <View className='page-title' data-testid='staff-day-title'>
        {formatMonthDay(date)}
        {dayNames[day]}的上门{loaded.data ? `（${visits.length} 家）` : ''}
      </View>
      <Choices options={['today', 'tomorrow'] as const} names={dayNames} value={day} onChange={setDay} testId='staff-day' label='看哪一天' />
      <DataStatus state={loaded} testId='staff-day' empty={{ when: (answer) => answer.visits.length === 0, message: `${dayNames[day]}没有安排上门。` }} />
      {visits.map((visit) => (
        <VisitCard key={visit.bookingId} visit={visit} />
      ))}
      <Tap className='link' testId='staff-day-home' onTap={() => goTo(HOME_URL)}>
        首页：我的账号、退出登录
      </Tap>
    </ElderPage>
  )
}
