import { View } from '@tarojs/components'
import type { ServiceDaysResponse, WindowOffer } from '@yilin/contract'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'
import { windowText, type ServiceDay } from '../../lib/services'
import { formatMonthDay, yuan } from '../../lib/format'

/** What the person fills in: kept by the page, so choosing another window keeps the address typed. */
export interface BookingDraft {
  address: string
  note: string
}

interface Props {
  answer: ServiceDaysResponse
  day: ServiceDay
  slot: WindowOffer
  draft: BookingDraft
  onDraft: (draft: BookingDraft) => void
  busy: boolean
  error: string
  onConfirm: () => void
}

export const CONFIRM_ID = 'book-confirm'

/** The address (the profile's, editable), a note, and one big button that says everything it books. */
export function ConfirmBooking({ answer, day, slot, draft, onDraft, busy, error, onConfirm }: Props) {
  const when = `${formatMonthDay(day.date)} ${day.weekdayName} ${windowText(slot.start, slot.end)}`
  const address = draft.address.trim()
  return (
    <View className='card' id={CONFIRM_ID} data-testid={CONFIRM_ID}>
      <View className='form-label'>上门地址</View>
      <TextInput label='上门地址' value={draft.address} maxlength={100} placeholder='例如：学院路 12 号 3 栋 201' testId='book-address' onInput={(address) => onDraft({ ...draft, address })} />
      {!address && <Notice kind='info' message='请填上门地址，服务人员按这个地址上门。' testId='book-address-missing' />}
      <View className='form-label'>想对服务人员说的话（可以不填）</View>
      <TextInput label='想对服务人员说的话（可以不填）' value={draft.note} maxlength={100} placeholder='例如：家里有狗，请先敲门' testId='book-note' onInput={(note) => onDraft({ ...draft, note })} />
      {error && <Notice kind='error' message={error} testId='book-error' />}
      <Tap className='btn btn--primary btn--big book__submit' testId='book-submit' onTap={onConfirm}>
        <View>{busy ? '正在预约…' : '确认预约'}</View>
        <View className='book__submit-facts' data-testid='book-submit-facts'>
          <View>{answer.service.name}</View>
          <View>{when}</View>
          <View>地址：{address || '（还没填）'}</View>
          <View>自付 {yuan(answer.price.priceFen)}</View>
        </View>
      </Tap>
      <View className='hint'>上门前 {answer.cancelHoursBefore} 小时以前可以自己取消。</View>
    </View>
  )
}
