import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { BookingView } from '@yilin/contract'
import { checkIn, checkOut, getBooking, getDoorCode, getStaffDay, markNoShow } from '../../api'
import { BookingFacts, VisitRecord } from '../../components/BookingDetails'
import { ConfirmStep } from '../../components/ConfirmStep'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { PhoneLink } from '../../components/PhoneLink'
import { Tap } from '../../components/Tap'
import { chinaToday } from '../../lib/format'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'
import { DoorCode } from '../DoorCode'
import { RecordForm } from './RecordForm'
import '../staff.css'

/**
 * One visit, worked with one thumb: 到达签到, the record (checklist, readings on a medical visit), 服务完成签退,
 * or 上门未遇 when nobody opens the door. The door code and the phone are there on the day.
 */
export default function VisitPage() {
  const { params } = useRouter()
  const bookingId = params.bookingId || ''
  const loaded = useData(
    async () => {
      const { booking } = await getBooking(bookingId)
      // The service's checklist and the elder's phone come with the visit on the staff member's day.
      const [day, door] = await Promise.all([getStaffDay(booking.date), booking.doorCodeToday ? getDoorCode(bookingId) : Promise.resolve(null)])
      const visit = day.visits.find((entry) => entry.bookingId === bookingId)
      return {
        booking,
        checklist: visit?.checklist ?? [],
        medical: booking.category === 'medical',
        elderPhone: visit?.elderPhone,
        doorCode: door?.code,
        // Not on the day's list: not known, so not offered (the server would refuse readings without consent).
        healthConsent: visit?.healthConsent ?? false,
      }
    },
    { onShow: true, enabled: bookingId !== '' },
  )
  const [confirmNoShow, setConfirmNoShow] = useState(false)
  const action = useAction()
  const data = loaded.data
  const booking = data?.booking

  const replace = (next: BookingView) => loaded.setData((current) => ({ ...current, booking: next }))

  const step = (send: () => Promise<{ booking: BookingView }>, message: string) =>
    action.run(async () => {
      replace((await send()).booking)
      setConfirmNoShow(false)
      action.setDone(message)
    })

  return (
    <ElderPage>
      {!bookingId && <Notice kind='error' message='没有指定上门，请从“今天的上门”进入。' testId='visit-missing' />}
      <DataStatus state={loaded} testId='visit' />
      {action.done && <Notice kind='success' message={action.done} testId='visit-done' />}
      {action.error && <Notice kind='error' message={action.error} testId='visit-error' />}
      {booking && data && (
        <>
          <BookingFacts booking={booking} today={chinaToday()} testId='visit-facts'>
            {data.elderPhone && <PhoneLink phone={data.elderPhone} name={booking.elderName} testId='visit-phone' />}
          </BookingFacts>
          {data.doorCode && booking.status === 'confirmed' && <DoorCode code={data.doorCode} testId='visit-door-code' />}
          {!data.healthConsent && <Notice kind='info' testId='visit-no-health-consent' message='长辈还没有同意记录健康数据：这次量的血压、血糖不会保存，请只记录服务内容。' />}

          {booking.status === 'confirmed' && !confirmNoShow && (
            <>
              <Tap className='btn btn--primary btn--big' testId='visit-check-in' onTap={() => void step(() => checkIn(bookingId), '已签到，开始服务。')}>
                {action.busy ? '正在签到…' : '到达签到'}
              </Tap>
              <Tap className='btn btn--secondary' testId='visit-no-show' onTap={() => setConfirmNoShow(true)}>
                上门未遇（敲门没人开）
              </Tap>
            </>
          )}
          {confirmNoShow && (
            <ConfirmStep
              question={`确定${booking.elderName}家没人开门吗？先打个电话试试。确定后社区和家属会收到通知。`}
              yes='确定上门未遇'
              busy={action.busy}
              onYes={() => void step(() => markNoShow(bookingId), '已记为上门未遇，社区会联系长辈。')}
              onNo={() => setConfirmNoShow(false)}
              testId='visit-no-show-confirm'
            />
          )}

          {booking.status === 'in_service' && (
            <>
              <RecordForm booking={booking} checklist={data.checklist} medical={data.medical} measurable={data.healthConsent} onSaved={replace} />
              <Tap className='btn btn--primary btn--big' testId='visit-check-out' onTap={() => void step(() => checkOut(bookingId), '已签退，这次上门完成了。')}>
                {action.busy ? '正在签退…' : '服务完成签退'}
              </Tap>
              {!booking.record && <View className='hint'>签退前请先保存服务记录。</View>}
            </>
          )}
          {booking.status !== 'in_service' && booking.record && <VisitRecord record={booking.record} testId='visit-record' />}
        </>
      )}
    </ElderPage>
  )
}
