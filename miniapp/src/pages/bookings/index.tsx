import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { BookingView, ElderBookingsResponse } from '@yilin/contract'
import { listElderBookings } from '../../api'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { BookingBadge } from '../../components/BookingBadge'
import { Tap } from '../../components/Tap'
import { visitTimeText } from '../../lib/care'
import { bookingUrl, newestFirst, SERVICES_URL } from '../../lib/services'
import { elderIdForPage } from '../../lib/currentElder'
import { chinaToday } from '../../lib/format'
import { goTo } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { useData } from '../../shared/useData'
import './index.css'

function BookingRow({ booking }: { booking: BookingView }) {
  const testId = (part: string) => `bookings-${part}-${booking.bookingId}`
  return (
    <Tap className='card booking-row' testId={testId('row')} onTap={() => goTo(bookingUrl(booking.bookingId))}>
      <View className='booking-row__title'>{booking.serviceName}</View>
      <View className='booking-row__when'>{visitTimeText(booking, chinaToday())}</View>
      <View className='booking-row__status'>
        <BookingBadge status={booking.status} name={booking.statusName} testId={testId('status')} />
      </View>
      <View data-testid={testId('visitor')}>{booking.visitor ? `上门的人：${booking.visitor.name}（工号 ${booking.visitor.staffNumber}）` : '还没有安排上门的人'}</View>
      <View className='booking-row__more'>查看详情 ›</View>
    </Tap>
  )
}

/** Every booking of the elder, newest first, each with its status in words and who comes when. */
export default function BookingsPage() {
  const { params } = useRouter()
  const isElder = currentUser()?.role === 'elder'
  // Null when a family member has no bound elder.
  const view = useData<ElderBookingsResponse | null>(
    async () => {
      const elderId = await elderIdForPage(params.elderId)
      return elderId ? listElderBookings(elderId) : null
    },
    { onShow: true },
  )
  const elder = view.data?.elder
  const bookings = [...(view.data?.bookings ?? [])].sort(newestFirst)

  return (
    <ElderPage>
      <View className='page-title' data-testid='bookings-title'>
        {elder && !isElder ? `${elder.name}的预约` : '我的预约'}
      </View>
      {view.data === null && <Notice kind='info' message='您还没有绑定长辈。' testId='bookings-no-elder' />}
      <DataStatus state={view} testId='bookings' empty={{ when: (loaded) => loaded.bookings.length === 0, message: '还没有约过上门服务。' }} />
      {bookings.map((booking) => (
        <BookingRow key={booking.bookingId} booking={booking} />
      ))}
      {view.data && (
        <Tap className='btn btn--secondary' testId='bookings-go-services' onTap={() => goTo(SERVICES_URL)}>
          约上门服务
        </Tap>
      )}
    </ElderPage>
  )
}
