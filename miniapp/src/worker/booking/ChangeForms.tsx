import { useState } from 'react'
import { View } from '@tarojs/components'
import type { BookingView } from '@yilin/contract'
import { getServiceDays, rejectBooking, rescheduleBooking } from '../../api'
import { Choices } from '../../components/Choices'
import { DataStatus } from '../../components/DataStatus'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'
import { formatMonthDay } from '../../lib/format'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'

interface Props {
  booking: BookingView
  /** Told what was done, in words for the worker; the page then shows the booking as it is now. */
  onDone: (message: string) => void
  onClose: () => void
}

/**
 * 改期: the service's own days and windows with places left (as the elder would see them), a reason the
 * elder is told; the booking goes back to the queue, since whoever was assigned may not be free then.
 */
export function RescheduleForm({ booking, onDone, onClose }: Props) {
  const offered = useData(() => getServiceDays(booking.elderId, booking.serviceId))
  const [date, setDate] = useState<string | null>(null)
  const [windowStart, setWindowStart] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const { busy, error, setError, run } = useAction()
  const days = offered.data?.days ?? []
  const day = days.find((option) => option.date === date)
  const windows = day?.windows.filter((window) => window.bookable) ?? []

  function submit() {
    if (!date || !windowStart) return setError('请选改到哪一天、哪个时段。')
    if (!reason.trim()) return setError('请写改期原因，会告诉长辈。')
    void run(async () => {
      await rescheduleBooking(booking.bookingId, date, windowStart, reason.trim())
      onDone(`已改到 ${formatMonthDay(date)} ${windowStart}，请重新安排人员。`)
    })
  }

  return (
    <View className='card' data-testid='reschedule'>
      <View className='card__title'>改期</View>
      <DataStatus state={offered} testId='reschedule-days' empty={{ when: (answer) => answer.days.length === 0, message: '这项服务最近没有可以改到的时段。' }} />
      {days.length > 0 && (
        <Choices
          options={days.map((option) => option.date)}
          names={Object.fromEntries(days.map((option) => [option.date, `${formatMonthDay(option.date)} ${option.weekdayName}`]))}
          value={date}
          onChange={(next) => {
            setDate(next)
            setWindowStart(null)
          }}
          testId='reschedule-day'
          label='改到哪一天'
        />
      )}
      {day && windows.length === 0 && <View className='hint'>这一天的时段都约满了，请换一天。</View>}
      {windows.length > 0 && (
        <Choices
          options={windows.map((window) => window.start)}
          names={Object.fromEntries(windows.map((window) => [window.start, `${window.start}–${window.end}（剩 ${window.placesLeft}）`]))}
          value={windowStart}
          onChange={setWindowStart}
          testId='reschedule-window'
          label='改到哪个时段'
        />
      )}
      <View className='form-label'>改期原因（会告诉长辈）</View>
      <TextInput label='改期原因' value={reason} maxlength={50} testId='reschedule-reason' onInput={setReason} />
      {error && <Notice kind='error' message={error} testId='reschedule-error' />}
      <Tap className='btn btn--primary' testId='reschedule-submit' onTap={submit}>
        {busy ? '正在改期…' : '确定改期'}
      </Tap>
      <Tap className='btn btn--secondary' testId='reschedule-close' onTap={onClose}>
        不改了
      </Tap>
    </View>
  )
}

/** 不能安排: the centre cannot do it; the reason goes to the elder, so it says what they can do instead. */
export function RejectForm({ booking, onDone, onClose }: Props) {
  const [reason, setReason] = useState('')
  const { busy, error, setError, run } = useAction()

  function submit() {
    if (!reason.trim()) return setError('请写不能安排的原因，会告诉长辈。')
    void run(async () => {
      await rejectBooking(booking.bookingId, reason.trim())
      onDone(`已告诉${booking.elderName}：这次不能安排。`)
    })
  }

  return (
    <View className='card' data-testid='reject'>
      <View className='card__title'>不能安排</View>
      <View className='form-label'>原因（会告诉长辈，例如：这周人手不够，请改约下周）</View>
      <TextInput label='不能安排的原因' value={reason} maxlength={50} testId='reject-reason' onInput={setReason} />
      {error && <Notice kind='error' message={error} testId='reject-error' />}
      <Tap className='btn btn--danger' testId='reject-submit' onTap={submit}>
        {busy ? '请稍候…' : '确定不能安排'}
      </Tap>
      <Tap className='btn btn--secondary' testId='reject-close' onTap={onClose}>
        不是，返回
      </Tap>
    </View>
  )
}
