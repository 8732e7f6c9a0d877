import { useEffect, useRef, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { defaultMealPayment, paymentSentence, type ElderMealOffer, type ElderMenusResponse, type MealPayment, type OrderView } from '@yilin/contract'
import { getElderMenus } from '../../api'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { StatusBadge } from '../../components/StatusBadge'
import { elderIdForPage } from '../../lib/currentElder'
import { fulfilmentNames, mealNames, mealOrder } from '../../lib/canteen'
import { formatMonthDay } from '../../lib/format'
import { CANTEEN_URL, goTo } from '../../lib/navigation'
import { scrollToElement, scrollToTop } from '../../lib/scroll'
import { currentUser, forgetInterrupted, keptDraft, setCurrentElderId } from '../../lib/session'
import { ConfirmOrder, type ConfirmDraft } from './ConfirmOrder'
import { dayText, MealCard, ORDERS_URL, SOONEST_MEAL_ID, type Day } from './MealCard'
import { DayTabs, openingDay } from './DayTabs'
import { Tap } from '../../components/Tap'
import { useData } from '../../shared/useData'
import './index.css'

/** Lunch before dinner, whatever order the server lists them in. */
const byMeal = (a: ElderMealOffer, b: ElderMealOffer) => mealOrder.indexOf(a.menu.meal) - mealOrder.indexOf(b.menu.meal)

type Week = { elderId: string; menus: ElderMenusResponse }

type Step =
  | { kind: 'week' }
  | { kind: 'confirm'; day: Day; offer: ElderMealOffer; draft?: ConfirmDraft }
  | { kind: 'placed'; order: OrderView }

/** Marks a meal as ordered in the week already on screen, without asking the server again. */
function withOrder(menus: ElderMenusResponse, order: OrderView): ElderMenusResponse {
  return {
    ...menus,
    days: menus.days.map((day) => ({
      ...day,
      meals: day.meals.map((offer) =>
        day.date === order.date && offer.menu.meal === order.meal
          ? { ...offer, order, orderable: false, closedReason: '这一餐已经订好了' }
          : offer,
      ),
    })),
  }
}

function Placed({ order, payment, onBack }: { order: OrderView; payment: MealPayment; onBack: () => void }) {
  return (
    <View data-testid='canteen-placed'>
      <Notice kind='success' message='订好了！' testId='canteen-placed-notice' />
      <View className='card'>
        <View className='card__title'>
          {formatMonthDay(order.date)} {mealNames[order.meal]}
        </View>
        <Field label='谁吃'>{order.elderName}</Field>
        <Field label='怎么吃'>{fulfilmentNames[order.fulfilment]}</Field>
        <Field label='价钱' testId='canteen-placed-price'>
          {order.priceReason}
        </Field>
        <Field label='付钱' testId='canteen-placed-payment'>
          {paymentSentence(payment, order.fulfilment, order.priceFen)}
        </Field>
        <Field label='现在' testId='canteen-placed-status'>
          <StatusBadge status={order.status} name={order.statusName} />
        </Field>
        {order.note && <Field label='留言'>{order.note}</Field>}
        <View className='hint'>社区工作者确认后，状态会变成“已确认”。</View>
      </View>
      <Tap className='btn btn--primary' testId='canteen-to-orders' onTap={() => goTo(ORDERS_URL)}>
        查看我的订单
      </Tap>
      <Tap className='btn btn--secondary' testId='canteen-back-to-week' onTap={onBack}>
        回到菜单
      </Tap>
    </View>
  )
}

/**
 * The coming week's meals for an elder, one day at a time: it opens on the day of the soonest meal still
 * open, and each meal is ordered in two taps: 订这一餐 → 确认下单.
 */
export default function CanteenPage() {
  const { params } = useRouter()
  const [step, setStep] = useState<Step>({ kind: 'week' })
  // The day tapped; until then, the day of the soonest meal still open.
  const [chosenDate, setChosenDate] = useState<string | null>(null)
  // The confirm step the person was on when their session lapsed, given back once the week is loaded.
  const [draft, setDraft] = useState(() => keptDraft<ConfirmDraft>(CANTEEN_URL))
  const [draftGone, setDraftGone] = useState(false)
  const isElder = currentUser()?.role === 'elder'

  /** Back to the confirm step with the draft, if that meal can still be ordered. */
  function restore(loaded: Week, kept: ConfirmDraft) {
    forgetInterrupted()
    setDraft(null)
    const day = loaded.elderId === kept.elderId ? loaded.menus.days.find((d) => d.date === kept.date) : undefined
    const offer = day?.meals.find((meal) => meal.menu.meal === kept.meal)
    if (!day || !offer?.orderable) {
      setDraftGone(true)
      return
    }
    if (currentUser()?.role === 'family') setCurrentElderId(kept.elderId)
    setStep({ kind: 'confirm', day, offer, draft: kept })
  }

  // Null when a family member has no bound elder. Not reloaded under the confirm step it would replace.
  const week = useData<Week | null>(
    async () => {
      const elderId = await elderIdForPage(params.elderId ?? draft?.elderId)
      if (!elderId) return null
      const loaded = { elderId, menus: await getElderMenus(elderId) }
      if (draft) restore(loaded, draft)
      return loaded
    },
    { onShow: true, enabled: step.kind !== 'confirm' },
  )
  const menus = week.data?.menus

  function show(next: Step) {
    setStep(next)
    scrollToTop()
  }

  function placed(order: OrderView) {
    week.setData((current) => current && { ...current, menus: withOrder(current.menus, order) })
    show({ kind: 'placed', order })
  }

  const forName = !isElder && menus ? menus.elder.name : undefined
  const days = menus?.days ?? []
  const shownDate = days.some((day) => day.date === chosenDate) ? chosenDate : openingDay(days)
  const shownDay = days.find((day) => day.date === shownDate)
  const soonest = days.flatMap((day) => [...day.meals].sort(byMeal).map((offer) => ({ day, offer }))).find(({ offer }) => offer.orderable)

  // Opened, the page brings the soonest meal still open into view once: at a large font the day tabs
  // alone fill the first screen. A day the person taps is read from the top.
  const pointed = useRef(false)
  const soonestShown = step.kind === 'week' && chosenDate === null && soonest !== undefined && soonest.day.date === shownDate
  useEffect(() => {
    if (!soonestShown || pointed.current) return
    pointed.current = true
    scrollToElement(`#${SOONEST_MEAL_ID}`)
  }, [soonestShown])
  return (
    <ElderPage>
      {step.kind === 'confirm' && week.data ? (
        <ConfirmOrder
          elderId={week.data.elderId}
          forName={forName}
          payment={week.data.menus.payment}
          deliveryAddress={week.data.menus.deliveryAddress}
          day={step.day}
          offer={step.offer}
          draft={step.draft}
          onPlaced={placed}
          onBack={() => show({ kind: 'week' })}
        />
      ) : step.kind === 'placed' ? (
        <Placed order={step.order} payment={menus?.payment ?? defaultMealPayment} onBack={() => show({ kind: 'week' })} />
      ) : (
        <>
          <View className='page-title' data-testid='canteen-title'>
            {forName ? `为${forName}订餐` : '助餐订餐'}
          </View>
          {menus && <View className='hint'>{menus.centreName}食堂 · 未来 7 天的菜单</View>}
          {draftGone && (
            <Notice kind='info' message='登录前要订的那一餐现在已经订不了了，请重新选一餐。' testId='canteen-draft-gone' />
          )}
          {week.data === null && <Notice kind='info' message='您还没有绑定长辈，绑定后就能帮长辈订餐。' testId='canteen-no-elder' />}
          <DataStatus
            state={week}
            testId='canteen'
            empty={{ when: (loaded) => loaded.menus.days.length === 0, message: '食堂这几天还没有发布菜单，请过两天再来看。' }}
          />
          {shownDay && (
            <>
              <DayTabs days={days} chosen={shownDay.date} onChoose={setChosenDate} />
              <View className='day-heading' data-testid='canteen-day-heading'>
                {dayText(shownDay)}
              </View>
              {[...shownDay.meals].sort(byMeal).map((offer) => (
                <MealCard
                  key={`${shownDay.date}-${offer.menu.meal}`}
                  day={shownDay}
                  offer={offer}
                  soonest={soonest?.offer === offer}
                  onOrder={() => {
                    // Back from the order, the same day is on screen.
                    setChosenDate(shownDay.date)
                    show({ kind: 'confirm', day: shownDay, offer })
                  }}
                />
              ))}
            </>
          )}
          {menus && (
            <Tap className='btn btn--secondary' testId='canteen-orders-link' onTap={() => goTo(ORDERS_URL)}>
              查看我的订单
            </Tap>
          )}
        </>
      )}
    </ElderPage>
  )
}
