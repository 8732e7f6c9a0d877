import { useState } from 'react'
import { View } from '@tarojs/components'
import { Photo } from '../../components/Photo'
import type { BookingView, DoorCodeResponse, VisitorView } from '@yilin/contract'
import { getDoorCode } from '../../api'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { windowText } from '../../lib/services'
import { spacedCode } from '../../lib/format'
import { useAction } from '../../shared/useAction'

/** The code is asked for only when the person taps: it is the one secret of the visit, not left on screen. */
function DoorCode({ bookingId }: { bookingId: string }) {
  const [door, setDoor] = useState<DoorCodeResponse | null>(null)
  const action = useAction()
  if (door) {
    return (
      <View className='binding-code' data-testid='booking-door-code'>
        <View className='binding-code__rule'>今天的开门暗号</View>
        <View className='binding-code__digits' data-testid='booking-door-code-digits'>
          {spacedCode(door.code)}
        </View>
        <View className='door-code__rule'>上门人员会说出这 4 位数字，对上了再开门</View>
        <View className='hint'>对不上，或者不是照片上的人，请不要开门，给社区打电话。</View>
      </View>
    )
  }
  return (
    <>
      {action.error && <Notice kind='error' message={action.error} testId='booking-door-code-error' />}
      <Tap className='btn btn--primary btn--big' testId='booking-show-door-code' onTap={() => action.run(async () => setDoor(await getDoorCode(bookingId)))}>
        {action.busy ? '正在查看…' : '查看开门暗号'}
      </Tap>
    </>
  )
}

function VisitorFigure({ visitor }: { visitor: VisitorView }) {
  return (
    <View className='visitor__figure'>
      {visitor.photoUrl ? (
        <Photo className='visitor__photo' src={visitor.photoUrl} name={visitor.name} testId='booking-visitor-photo' />
      ) : (
        <View className='visitor__photo visitor__photo--none'>还没有照片</View>
      )}
      <View className='visitor__caption'>{visitor.name}</View>
    </View>
  )
}

/** Who comes to the door, to be recognised: the photo with the name under it, the 工号, when, and the door code. */
export function VisitorCard({ booking, visitor }: { booking: BookingView; visitor: VisitorView }) {
  const upcoming = booking.status === 'confirmed' || booking.status === 'in_service'
  return (
    <View className='card visitor' data-testid='booking-visitor'>
      <View className='card__title'>谁来上门</View>
      <VisitorFigure visitor={visitor} />
      <View className='visitor__facts'>
        <View>姓名：{visitor.name}</View>
        <View data-testid='booking-visitor-number'>工号：{visitor.staffNumber}</View>
        {visitor.skillNames.length > 0 && <View>会做：{visitor.skillNames.join('、')}</View>}
        <View>上门时间：{windowText(booking.windowStart, booking.windowEnd)}</View>
      </View>
      {booking.doorCodeToday ? (
        <DoorCode bookingId={booking.bookingId} />
      ) : (
        upcoming && (
          <View className='hint' data-testid='booking-door-code-later'>
            开门暗号在上门那天显示在这里。上门人员会说出暗号，对上了再开门。
          </View>
        )
      )}
    </View>
  )
}
