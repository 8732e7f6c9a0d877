import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { BookingTimelineEntry, BookingView, VisitRecordView } from '@yilin/contract'
import { visitTimeText } from '../lib/care'
import { formatDateTime, formatMonthDayTime, formatTime } from '../lib/format'
import { BookingBadge } from './BookingBadge'
import { Field } from './Field'

interface FactsProps {
  booking: BookingView
  today: string
  testId: string
  /** What this page adds under the facts (the phone, the door code). */
  children?: ReactNode
}

/** One booking at a glance: who, what, when, where, who goes, and why it was moved or refused. */
export function BookingFacts({ booking, today, testId, children }: FactsProps) {
  return (
    <View className='card' data-testid={testId}>
      <View className='card__title'>
        {booking.elderName} · {booking.serviceName}
      </View>
      <BookingBadge status={booking.status} name={booking.statusName} testId={`${testId}-status`} />
      {booking.reason && <View className='hint' data-testid={`${testId}-reason`}>原因：{booking.reason}</View>}
      <Field label='时间' testId={`${testId}-time`}>
        {visitTimeText(booking, today)}
      </Field>
      <Field label='地址'>{booking.address}</Field>
      {booking.note && <Field label='备注'>{booking.note}</Field>}
      {booking.visitor && (
        <Field label='上门人员' testId={`${testId}-visitor`}>
          {booking.visitor.name}（工号 {booking.visitor.staffNumber}）
        </Field>
      )}
      {booking.checkInAt && (
        <Field label='签到' testId={`${testId}-check-in`}>
          {formatTime(booking.checkInAt)}
          {booking.checkInOutsideWindow ? '（不在预约时段内）' : ''}
          {booking.checkOutAt ? `，${formatTime(booking.checkOutAt)} 签退` : ''}
        </Field>
      )}
      {children}
    </View>
  )
}

/** What happened to a booking, oldest first: booked, assigned, moved, checked in … and who did it. */
export function BookingTimeline({ entries, testId }: { entries: BookingTimelineEntry[]; testId: string }) {
  return (
    <View className='card' data-testid={testId}>
      <View className='card__title'>经过</View>
      {entries.map((entry, index) => (
        <View key={`${entry.at}-${index}`} className='field'>
          <View className='field__label'>
            {formatMonthDayTime(entry.at)} · {entry.byName}
          </View>
          <View className='field__value'>{entry.text}</View>
        </View>
      ))}
    </View>
  )
}

/** The visit's record: what was done, what was measured (an unusual reading said in words), by whom. */
export function VisitRecord({ record, testId }: { record: VisitRecordView; testId: string }) {
  return (
    <View className='card' data-testid={testId}>
      <View className='card__title'>服务记录</View>
      {record.checklistDone.length > 0 && <View className='field__value'>已完成：{record.checklistDone.join('、')}</View>}
      {record.measurements.map((measurement) => (
        <View key={measurement.kind} className='field' data-testid={`${testId}-${measurement.kind}`}>
          <View className='field__label'>{measurement.name}</View>
          <View className='field__value'>
            {measurement.text}
            {measurement.flagName ? `（${measurement.flagName}）` : ''}
          </View>
        </View>
      ))}
      {record.notes && <View>{record.notes}</View>}
      <View className='hint'>
        {record.writtenByName} 记录于 {formatDateTime(record.writtenAt)}
      </View>
    </View>
  )
}
