import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { paymentSentence, type ElderMealOffer, type Fulfilment, type Meal, type MealPayment, type OrderView } from '@yilin/contract'
import { placeOrder } from '../../api'
import { ApiError, messageOf } from '../../api/client'
import { Notice } from '../../components/Notice'
import { TextInput } from '../../components/TextInput'
import { fulfilmentNames, fulfilmentNotes, fulfilmentOrder, mealNames, newIdempotencyKey } from '../../lib/canteen'
import { formatTime, yuan } from '../../lib/format'
import { dayText, DishList, type Day } from './MealCard'
import { Tap } from '../../components/Tap'
import { CANTEEN_URL } from '../../lib/navigation'
import { holdDraft } from '../../lib/session'
import { askToSubscribe } from '../../lib/subscribe'

/** What the confirm step keeps when the session lapses under it, to be given back after signing in. */
export interface ConfirmDraft {
  elderId: string
  date: string
  meal: Meal
  fulfilment: Fulfilment
  note: string
  idempotencyKey: string
}

interface Props {
  elderId: string
  /** Shown to family members, so they see whom they order for. */
  forName?: string
  /** How the centre takes the money. */
  payment: MealPayment
  /** The elder's address from their profile, where a delivery goes; '' when none is kept. */
  deliveryAddress: string
  day: Day
  offer: ElderMealOffer
  /** What was filled in before signing in again; its fulfilment is taken only if still allowed. */
  draft?: ConfirmDraft
  onPlaced: (order: OrderView) => void
  onBack: () => void
}

/** Delivery for those allowed it (they are the ones who cannot walk), else eating in. */
export function defaultFulfilment(allowed: Fulfilment[]): Fulfilment {
  if (allowed.includes('delivery')) return 'delivery'
  if (allowed.includes('eat_in')) return 'eat_in'
  return allowed[0] ?? 'eat_in'
}

function leftFor(offer: ElderMealOffer, fulfilment: Fulfilment): number {
  return fulfilment === 'delivery' ? offer.menu.deliveriesLeft : offer.menu.seatsLeft
}

/** Where a delivery goes, and where to change it: the elder's own profile (a relative's 长辈资料). */
function DeliveryAddress({ address, forName }: { address: string; forName?: string }) {
  const profile = forName ? '首页的“长辈资料”' : '首页的“我的资料”'
  if (!address) {
    return <Notice kind='info' message={`还没有送餐地址。请先到${profile}里填上住址，再来订送餐。`} testId='canteen-confirm-no-address' />
  }
  return (
    <>
      <View className='confirm__address' data-testid='canteen-confirm-address'>
        送到：{address}
      </View>
      <View className='hint'>地址不对的话，请到{profile}里改。</View>
    </>
  )
}

/** The confirm step, on the page itself: how to get the meal, the price again, a note, 确认下单. */
export function ConfirmOrder({ elderId, forName, payment, deliveryAddress, day, offer, draft, onPlaced, onBack }: Props) {
  const allowed = fulfilmentOrder.filter((f) => offer.fulfilmentsAllowed.includes(f))
  const restored = draft && offer.fulfilmentsAllowed.includes(draft.fulfilment) ? draft : undefined
  const [fulfilment, setFulfilment] = useState<Fulfilment>(restored?.fulfilment ?? defaultFulfilment(offer.fulfilmentsAllowed))
  const [note, setNote] = useState(draft?.note ?? '')
  // One key per order attempt: a retry after a lost answer resends it, so the meal is never ordered twice.
  const [idempotencyKey, setIdempotencyKey] = useState(() => restored?.idempotencyKey ?? newIdempotencyKey())
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const meal = offer.menu.meal
  useEffect(
    () => holdDraft(CANTEEN_URL, (): ConfirmDraft => ({ elderId, date: day.date, meal, fulfilment, note, idempotencyKey })),
    [elderId, day.date, meal, fulfilment, note, idempotencyKey],
  )

  function choose(next: Fulfilment) {
    if (next === fulfilment) return
    setFulfilment(next)
    // A different choice is a different order: it gets its own key.
    setIdempotencyKey(newIdempotencyKey())
    setError('')
  }

  async function submit() {
    if (busy) return
    askToSubscribe('order')
    setBusy(true)
    setError('')
    try {
      const trimmed = note.trim()
      const { order } = await placeOrder(elderId, {
        date: day.date,
        meal: offer.menu.meal,
        fulfilment,
        ...(trimmed ? { note: trimmed } : {}),
        idempotencyKey,
      })
      onPlaced(order)
    } catch (err) {
      const network = err instanceof ApiError && err.code === 'NETWORK'
      setError(network ? `${messageOf(err)}再点一次“确认下单”就行，不会重复订。` : messageOf(err))
      setBusy(false)
    }
  }

  return (
    <View className='card confirm' data-testid='canteen-confirm'>
      <View className='meal__day'>{dayText(day)}</View>
      <View className='card__title'>
        {forName ? `为${forName}订` : '订'}{mealNames[offer.menu.meal]}
      </View>
      <View className='hint'>
        {formatTime(offer.menu.servingAt)} 开饭 · 当天 {formatTime(offer.menu.cutoffAt)} 前可以取消
      </View>
      <DishList dishes={offer.menu.dishes} />
      {draft && (
        <Notice kind='info' message='已为您填回登录前选好的内容，请核对后再点“确认下单”。' testId='canteen-confirm-restored' />
      )}

      <View className='form-label'>怎么吃？</View>
      <View className='choices choices--stacked' role='radiogroup' aria-label='怎么吃'>
        {allowed.map((option) => (
          <Tap
            key={option}
            className={option === fulfilment ? 'choice choice--wide choice--on' : 'choice choice--wide'}
            testId={`canteen-fulfilment-${option}`}
            role='radio'
            checked={option === fulfilment}
            onTap={() => choose(option)}
          >
            <View className='choice__label'>
              {option === fulfilment ? '◉ ' : '○ '}
              {fulfilmentNames[option]}
              {option === fulfilment ? '（已选）' : ''}
            </View>
            <View className='choice__note'>
              {fulfilmentNotes[option]}，还剩 {leftFor(offer, option)} 份
            </View>
          </Tap>
        ))}
      </View>
      {!offer.fulfilmentsAllowed.includes('delivery') && (
        <View className='hint'>送餐上门只为行动不便的长辈提供，需要的话请找社区工作者登记。</View>
      )}

      <View className='confirm__price' data-testid='canteen-confirm-price'>
        {offer.price.reason}
      </View>
      {offer.price.subsidyFen > 0 && (
        <View className='hint'>
          标准价 {yuan(offer.menu.standardPriceFen)}，政府补贴 {yuan(offer.price.subsidyFen)}
        </View>
      )}
      <View className='confirm__payment' data-testid='canteen-confirm-payment'>
        {paymentSentence(payment, fulfilment, offer.price.priceFen)}
      </View>
      {fulfilment === 'delivery' && <DeliveryAddress address={deliveryAddress} forName={forName} />}

      <View className='form-label'>想对食堂说的话（可以不填）</View>
      <TextInput label='想对食堂说的话（可以不填）' value={note} maxlength={100} placeholder='例如：饭要软一点' testId='canteen-confirm-note' onInput={setNote} />

      {error && <Notice kind='error' message={error} testId='canteen-confirm-error' />}
      <Tap className='btn btn--primary btn--big' testId='canteen-confirm-submit' onTap={submit}>
        {busy ? '正在下单…' : `确认下单（${fulfilmentNames[fulfilment]}）`}
      </Tap>
      <Tap className='btn btn--secondary' testId='canteen-confirm-back' onTap={onBack}>
        不订了，回到菜单
      </Tap>
    </View>
  )
}
