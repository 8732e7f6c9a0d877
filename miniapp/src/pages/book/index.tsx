import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ServiceDaysResponse, WindowOffer } from '@yilin/contract'
import { bookService, getServiceDays } from '../../api'
import { ApiError, messageOf } from '../../api/client'
import { DataStatus } from '../../components/DataStatus'
import { DayTabs } from '../../components/DayTabs'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { newIdempotencyKey } from '../../lib/canteen'
import { bookingUrl, openingServiceDay, serviceDayNote, windowText, type ServiceDay } from '../../lib/services'
import { elderIdForPage } from '../../lib/currentElder'
import { yuan } from '../../lib/format'
import { scrollToElement } from '../../lib/scroll'
import { currentUser } from '../../lib/session'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'
import { CONFIRM_ID, ConfirmBooking, type BookingDraft } from './ConfirmBooking'
import '../services/index.css'
import './index.css'
import { askToSubscribe } from '../../lib/subscribe'

function WindowChoice({ slot, on, onChoose }: { slot: WindowOffer; on: boolean; onChoose: () => void }) {
  const testId = `book-window-${slot.start}`
  if (!slot.bookable) {
    return (
      <View className='book__closed' data-testid={testId}>
        <View className='choice__label'>{windowText(slot.start, slot.end)}</View>
        <View>✕ 约不了：{slot.closedReason ?? '已约满'}</View>
      </View>
    )
  }
  return (
    <Tap className={on ? 'choice choice--wide choice--on' : 'choice choice--wide'} testId={testId} role='radio' checked={on} onTap={onChoose}>
      <View className='choice__label'>
        {on ? '◉ ' : '○ '}
        {windowText(slot.start, slot.end)}
        {on ? '（已选）' : ''}
      </View>
      <View className='choice__note'>剩 {slot.placesLeft} 个名额</View>
    </Tap>
  )
}

type Loaded = { elderId: string; answer: ServiceDaysResponse }

/**
 * Booking one service: the soonest day with a free window is already chosen, so it takes a tap on a
 * window and a tap on 确认预约 (one more to pick another day).
 */
export default function BookPage() {
  const { params } = useRouter()
  const isElder = currentUser()?.role === 'elder'
  const [chosenDate, setChosenDate] = useState<string | null>(null)
  const [chosenStart, setChosenStart] = useState<string | null>(null)
  const [draft, setDraft] = useState<BookingDraft | null>(null)
  // One key per booking attempt: resent when the person taps again after a lost answer, new for another window.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)
  const action = useAction()
  // Booked: the page is on its way to the booking and stays 正在预约… until it is gone.
  const [leaving, setLeaving] = useState(false)
  const booked = useRef(false)

  // Null when a family member has no bound elder.
  const view = useData<Loaded | null>(async () => {
    const elderId = await elderIdForPage(params.elderId)
    return elderId && params.serviceId ? { elderId, answer: await getServiceDays(elderId, params.serviceId) } : null
  })
  const answer = view.data?.answer
  const days = answer?.days ?? []
  const shownDate = days.some((day) => day.date === chosenDate) ? chosenDate : openingServiceDay(days)
  const shownDay = days.find((day) => day.date === shownDate)
  const chosenSlot = shownDay?.windows.find((slot) => slot.bookable && slot.start === chosenStart)
  const forName = !isElder && answer ? answer.elder.name : undefined

  function choose(day: ServiceDay, slot: WindowOffer) {
    setChosenDate(day.date)
    setChosenStart(slot.start)
    setIdempotencyKey(newIdempotencyKey())
    action.setError('')
    scrollToElement(`#${CONFIRM_ID}`)
  }

  const confirm = () =>
    action.run(async () => {
      askToSubscribe('booking')
      const loaded = view.data
      if (booked.current || !loaded || !shownDay || !chosenSlot) return
      const { address, note } = draft ?? { address: loaded.answer.address, note: '' }
      if (!address.trim()) {
        action.setError('请先填上门地址。')
        return
      }
      try {
        const { booking } = await bookService(loaded.elderId, {
          serviceId: loaded.answer.service.serviceId,
          date: shownDay.date,
          windowStart: chosenSlot.start,
          address: address.trim(),
          ...(note.trim() ? { note: note.trim() } : {}),
          idempotencyKey,
        })
        booked.current = true
        setLeaving(true)
        // The booking page replaces this one: back from it goes to the services, not to a form already sent.
        void Taro.redirectTo({ url: bookingUrl(booking.bookingId) })
      } catch (err) {
        const network = err instanceof ApiError && err.code === 'NETWORK'
        action.setError(network ? `${messageOf(err)}再点一次“确认预约”就行，不会重复预约。` : messageOf(err))
      }
    })

  return (
    <ElderPage>
      <View className='page-title' data-testid='book-title'>
        {answer ? `${forName ? `为${forName}` : ''}预约${answer.service.name}` : '预约上门服务'}
      </View>
      {answer && (
        <>
          <View className='service__price' data-testid='book-price'>
            自付 {yuan(answer.price.priceFen)}
          </View>
          <View className='service__reason'>{answer.price.reason}</View>
        </>
      )}
      {view.data === null && <Notice kind='info' message='没有找到要约的服务，请回到“上门服务”重新选。' testId='book-nothing' />}
      <DataStatus state={view} testId='book' empty={{ when: (loaded) => loaded.answer.days.length === 0, message: '这项服务近两周都约不了，请过几天再来看。' }} />
      {shownDay && (
        <>
          <View className='form-label'>哪一天？</View>
          <DayTabs
            days={days.map((day) => ({ date: day.date, note: serviceDayNote(day) }))}
            chosen={shownDay.date}
            onChoose={(date) => {
              // Another day is another choice: its window is picked afresh.
              setChosenDate(date)
              setChosenStart(null)
            }}
            testId='book-day'
            label='约哪一天'
          />
          <View className='form-label'>什么时候上门？</View>
          <View className='choices choices--stacked' role='radiogroup' aria-label='什么时候上门'>
            {shownDay.windows.map((slot) => (
              <WindowChoice key={slot.start} slot={slot} on={slot === chosenSlot} onChoose={() => choose(shownDay, slot)} />
            ))}
          </View>
          {!shownDay.windows.some((slot) => slot.bookable) && <Notice kind='info' message='这一天约不了，请换一天。' testId='book-day-closed' />}
        </>
      )}
      {answer && shownDay && chosenSlot && (
        <ConfirmBooking
          answer={answer}
          day={shownDay}
          slot={chosenSlot}
          draft={draft ?? { address: answer.address, note: '' }}
          onDraft={setDraft}
          busy={action.busy || leaving}
          error={action.error}
          onConfirm={confirm}
        />
      )}
    </ElderPage>
  )
}
