import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { BookingView } from '@yilin/contract'
import { cancelBooking, getBooking } from '../../api'
import { BookingFacts, BookingTimeline, VisitRecord } from '../../components/BookingDetails'
import { ConfirmStep } from '../../components/ConfirmStep'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { visitTimeText } from '../../lib/care'
import { chinaToday, yuan } from '../../lib/format'
import { goTo } from '../../lib/navigation'
import { bookingsUrl } from '../../lib/services'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'
import { RatingForm, RatingShown } from './Rating'
import { VisitorCard } from './VisitorCard'
import './index.css'

/** 取消预约, asked once more on the page before it is done. */
function CancelBooking({ booking, onCancelled }: { booking: BookingView; onCancelled: (booking: BookingView) => void }) {
  const [asking, setAsking] = useState(false)
  const action = useAction()
  if (!asking) {
    return (
      <Tap className='btn btn--secondary' testId='booking-cancel' onTap={() => setAsking(true)}>
        取消预约
      </Tap>
    )
  }
  return (
    <>
      {action.error && <Notice kind='error' message={action.error} testId='booking-cancel-error' />}
      <ConfirmStep
        question={`真的要取消${visitTimeText(booking, chinaToday())}的${booking.serviceName}吗？`}
        yes='是，取消预约'
        busy={action.busy}
        onYes={() => action.run(async () => onCancelled((await cancelBooking(booking.bookingId)).booking))}
        onNo={() => setAsking(false)}
        testId='booking-cancel-ask'
      />
    </>
  )
}

/**
 * One booking: its status, who comes (photo, name, 工号) and the door code on the day, what happened and
 * when, what was recorded, and cancelling or rating it while that is open.
 */
export default function BookingPage() {
  const { params } = useRouter()
  const view = useData(async () => (params.bookingId ? (await getBooking(params.bookingId)).booking : null), { onShow: true })
  const booking = view.data
  const [said, setSaid] = useState('')
  const changed = (next: BookingView, message: string) => {
    view.setData(next)
    setSaid(message)
  }

  return (
    <ElderPage>
      <View className='page-title' data-testid='booking-title'>
        {booking ? booking.serviceName : '预约详情'}
      </View>
      {booking === null && <Notice kind='info' message='没有找到这条预约。' testId='booking-missing' />}
      <DataStatus state={view} testId='booking' />
      {booking && (
        <>
          {said && <Notice kind='success' message={said} testId='booking-done' />}
          <BookingFacts booking={booking} today={chinaToday()} testId='booking-facts'>
            <Field label='价钱' testId='booking-price'>
              自付 {yuan(booking.priceFen)}（{booking.priceReason}）
            </Field>
          </BookingFacts>
          {booking.visitor ? (
            <VisitorCard booking={booking} visitor={booking.visitor} />
          ) : (
            booking.status === 'requested' && (
              <Notice kind='info' message='服务中心正在安排上门的人，安排好了这里会显示是谁、长什么样。' testId='booking-no-visitor' />
            )
          )}
          {booking.record && <VisitRecord record={booking.record} testId='booking-record' />}
          {booking.rating && <RatingShown rating={booking.rating} />}
          {booking.rateable && !booking.rating && <RatingForm booking={booking} onRated={(rated) => changed(rated, '谢谢您的评价！')} />}
          {booking.timeline && booking.timeline.length > 0 && <BookingTimeline entries={booking.timeline} testId='booking-timeline' />}
          {booking.cancellable && <CancelBooking booking={booking} onCancelled={(cancelled) => changed(cancelled, '已取消，不用付钱。需要的话可以重新预约。')} />}
          <Tap className='btn btn--secondary' testId='booking-to-bookings' onTap={() => goTo(bookingsUrl(booking.elderId))}>
            查看全部预约
          </Tap>
        </>
      )}
    </ElderPage>
  )
}
