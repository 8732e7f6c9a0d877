import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { CandidateView } from '@yilin/contract'
import { assignBooking, cancelBooking, getBooking, getCandidates, markNoShow } from '../../api'
import { BookingFacts, BookingTimeline, VisitRecord } from '../../components/BookingDetails'
import { ConfirmStep } from '../../components/ConfirmStep'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { chinaToday, yuan } from '../../lib/format'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'
import { Candidates } from './Candidates'
import { RejectForm, RescheduleForm } from './ChangeForms'
import '../worker.css'

/** One panel open at a time, so the page stays short on a phone. */
type Panel = 'reschedule' | 'reject' | 'noShow' | 'cancel' | null

/**
 * One booking for the worker: who can go (a free one assigned with one tap), 改期, 不能安排, 上门未遇 and
 * cancelling for the elder, with what happened so far and the visit's record.
 */
export default function WorkerBookingPage() {
  const { params } = useRouter()
  const bookingId = params.bookingId || ''
  const loaded = useData(
    async () => {
      const { booking } = await getBooking(bookingId)
      // Only a booking waiting for someone is assigned (the server refuses the others).
      const candidates = booking.status === 'requested' ? (await getCandidates(bookingId)).candidates : []
      return { booking, candidates }
    },
    { onShow: true, enabled: bookingId !== '' },
  )
  const [panel, setPanel] = useState<Panel>(null)
  const [assigning, setAssigning] = useState('')
  const action = useAction()
  const booking = loaded.data?.booking
  const today = chinaToday()

  /** After any change the booking is read again: the timeline and the candidates follow from it. */
  async function changed(message: string) {
    setPanel(null)
    action.setDone(message)
    await loaded.reload()
  }

  const assign = (candidate: CandidateView) =>
    action.run(async () => {
      setAssigning(candidate.staffId)
      try {
        await assignBooking(bookingId, candidate.staffId)
      } finally {
        setAssigning('')
      }
      await changed(`已安排${candidate.name}上门，长辈会收到通知。`)
    })

  const write = (send: () => Promise<unknown>, message: string) =>
    action.run(async () => {
      await send()
      await changed(message)
    })

  const status = booking?.status
  const open = status === 'requested' || status === 'confirmed'
  return (
    <ElderPage dense>
      {!bookingId && <Notice kind='error' message='没有指定预约，请从“派单”进入。' testId='booking-missing' />}
      <DataStatus state={loaded} testId='booking' />
      {action.done && <Notice kind='success' message={action.done} testId='booking-done' />}
      {action.error && <Notice kind='error' message={action.error} testId='booking-error' />}
      {booking && loaded.data && (
        <>
          <BookingFacts booking={booking} today={today} testId='booking-facts'>
            <View className='hint'>
              价格 {yuan(booking.priceFen)}，{booking.priceReason}
            </View>
          </BookingFacts>
          {status === 'requested' && <Candidates candidates={loaded.data.candidates} assigning={assigning} onAssign={(candidate) => void assign(candidate)} />}

          {panel === 'reschedule' && <RescheduleForm booking={booking} onDone={(message) => void changed(message)} onClose={() => setPanel(null)} />}
          {panel === 'reject' && <RejectForm booking={booking} onDone={(message) => void changed(message)} onClose={() => setPanel(null)} />}
          {panel === 'noShow' && (
            <ConfirmStep
              question={`确定${booking.elderName}家没人开门、没能服务吗？长辈和家属会收到通知。`}
              yes='确定上门未遇'
              busy={action.busy}
              onYes={() => void write(() => markNoShow(bookingId), '已记为上门未遇。')}
              onNo={() => setPanel(null)}
              testId='booking-no-show-confirm'
            />
          )}
          {panel === 'cancel' && (
            <ConfirmStep
              question={`确定替${booking.elderName}取消这次${booking.serviceName}吗？`}
              yes='确定取消'
              busy={action.busy}
              onYes={() => void write(() => cancelBooking(bookingId), '已替长辈取消。')}
              onNo={() => setPanel(null)}
              testId='booking-cancel-confirm'
            />
          )}

          {open && panel === null && (
            <View className='board-row__actions'>
              <Tap className='btn btn--secondary board-action' testId='booking-reschedule' onTap={() => setPanel('reschedule')}>
                改期
              </Tap>
              {status === 'requested' && (
                <Tap className='btn btn--secondary board-action' testId='booking-reject' onTap={() => setPanel('reject')}>
                  不能安排
                </Tap>
              )}
              {status === 'confirmed' && booking.date <= today && (
                <Tap className='btn btn--secondary board-action' testId='booking-no-show' onTap={() => setPanel('noShow')}>
                  上门未遇
                </Tap>
              )}
              <Tap className='btn btn--secondary board-action' testId='booking-cancel' onTap={() => setPanel('cancel')}>
                替长辈取消
              </Tap>
            </View>
          )}

          {booking.record && <VisitRecord record={booking.record} testId='booking-record' />}
          {booking.timeline && booking.timeline.length > 0 && <BookingTimeline entries={booking.timeline} testId='booking-timeline' />}
        </>
      )}
    </ElderPage>
  )
}
