import { View } from '@tarojs/components'
import type { BookingView } from '@yilin/contract'
import { listCentreBookings } from '../../api'
import { BookingBadge } from '../../components/BookingBadge'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { visitTimeText } from '../../lib/care'
import { chinaToday } from '../../lib/format'
import { goTo } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { useData } from '../../shared/useData'
import '../worker.css'

const byTime = (a: BookingView, b: BookingView) => `${a.date} ${a.windowStart}`.localeCompare(`${b.date} ${b.windowStart}`)

/** The queue as a worker works it: what waits for someone first, then today's visits, then the days after. */
export function dispatchGroups(bookings: BookingView[], today: string) {
  const sorted = [...bookings].sort(byTime)
  return [
    { key: 'waiting', title: '等待安排', bookings: sorted.filter((booking) => booking.status === 'requested') },
    // A visit whose day has passed and that nobody closed: the worker finds out what happened.
    { key: 'overdue', title: '过了日子还没办完', bookings: sorted.filter((booking) => (booking.status === 'confirmed' || booking.status === 'in_service') && booking.date < today) },
    { key: 'today', title: '今天', bookings: sorted.filter((booking) => booking.status !== 'requested' && booking.date === today) },
    { key: 'later', title: '以后几天', bookings: sorted.filter((booking) => booking.status !== 'requested' && booking.date > today) },
  ]
}

function DispatchRow({ booking, today }: { booking: BookingView; today: string }) {
  const testId = `dispatch-row-${booking.bookingId}`
  return (
    <Tap className='worker-row' testId={testId} onTap={() => goTo(`/worker/booking/index?bookingId=${booking.bookingId}`)}>
      <View className='board-row__head'>
        <View className='worker-row__name'>{booking.elderName}</View>
        <View>{booking.serviceName}</View>
        <BookingBadge status={booking.status} name={booking.statusName} testId={`${testId}-status`} />
      </View>
      <View className='dispatch-row__time'>{visitTimeText(booking, today)}</View>
      <View className='worker-row__note'>{booking.address}</View>
      {booking.note && <View className='worker-row__note'>备注：{booking.note}</View>}
      {booking.visitor && <View className='worker-row__note'>上门：{booking.visitor.name}（工号 {booking.visitor.staffNumber}）</View>}
    </Tap>
  )
}

/** 派单: the centre's bookings of the past week and the coming two, the ones nobody is assigned to yet at the top. */
export default function DispatchPage() {
  const centreId = currentUser()?.centreId || ''
  const today = chinaToday()
  const loaded = useData(() => listCentreBookings(centreId), { onShow: true, enabled: centreId !== '' })
  const groups = loaded.data ? dispatchGroups(loaded.data.bookings, today) : []
  const waiting = groups[0]?.bookings.length ?? 0

  return (
    <ElderPage dense>
      <View className='page-title'>派单</View>
      {!centreId && <Notice kind='error' message='没有找到您所在的服务中心，请联系县级平台。' testId='dispatch-no-centre' />}
      <DataStatus state={loaded} testId='dispatch' empty={{ when: (page) => page.bookings.length === 0, message: '今天和以后几天还没有人预约上门服务。' }} />
      {loaded.data && loaded.data.bookings.length > 0 && (
        <View className='hint' data-testid='dispatch-waiting'>
          {waiting > 0 ? `有 ${waiting} 个预约等您安排人员。` : '预约都已安排好人员。'}
        </View>
      )}
      {groups
        .filter((group) => group.bookings.length > 0)
        .map((group) => (
          <View key={group.key} data-testid={`dispatch-group-${group.key}`}>
            <View className='section-title'>
              {group.title}（{group.bookings.length}）
            </View>
            {group.bookings.map((booking) => (
              <DispatchRow key={booking.bookingId} booking={booking} today={today} />
            ))}
          </View>
        ))}
    </ElderPage>
  )
}
