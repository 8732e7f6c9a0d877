import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { dietaryNeedWords, isWorkerStatus, marksMealHappened, nextStatuses } from '@yilin/contract'
import type { BoardOrderView, Meal, OrderStatus } from '@yilin/contract'
import { confirmAllOrders, getBoard, setOrderStatus, type WorkerStatus } from '../../api'
import { messageOf } from '../../api/client'
import { ElderPage } from '../../components/ElderPage'
import { DataStatus } from '../../components/DataStatus'
import { Notice } from '../../components/Notice'
import { StatusBadge } from '../../components/StatusBadge'
import { fulfilmentNames, mealNames, mealOrder, relativeDay, weekdayShortName } from '../../lib/canteen'
import { addDays, chinaToday, formatMonthDay, weekdayOf } from '../../lib/format'
import { currentUser } from '../../lib/session'
import { Tap } from '../../components/Tap'
import { useData } from '../../shared/useData'
import '../worker.css'

/** Lunch until 13:00 China time, dinner after: the meal a worker is most likely busy with now. */
function mealNow(): Meal {
  const hour = new Date(Date.now() + 8 * 3600_000).getUTCHours()
  return hour >= 13 ? 'dinner' : 'lunch'
}

const actionLabels: Record<WorkerStatus, string> = {
  confirmed: '确认',
  served: '已取餐',
  out_for_delivery: '出发送餐',
  delivered: '已送达',
  no_show: '未到',
}

/** A delivery nobody opened the door for reads 家中无人, not 未到. */
const actionLabel = (status: WorkerStatus, delivery: boolean) => (status === 'no_show' && delivery ? '家中无人' : actionLabels[status])

/**
 * What a worker may do next with an order: the contract's next statuses, the rule the server checks, less
 * cancelling (not done from the board). Before the meal's day only confirming: nobody is served or
 * delivered a meal ahead of its day.
 */
function actionsFor(status: OrderStatus, delivery: boolean, beforeTheDay: boolean): WorkerStatus[] {
  // Eat-in and pick-up orders move alike; only delivery differs.
  return nextStatuses(status, delivery ? 'delivery' : 'eat_in').filter(
    (next): next is WorkerStatus => isWorkerStatus(next) && !(beforeTheDay && marksMealHappened(next)),
  )
}

function dietaryWords(item: BoardOrderView): string[] {
  const words = dietaryNeedWords(item.dietary)
  if (item.dietary.allergies) words.push(`过敏：${item.dietary.allergies}`)
  return words
}

/**
 * The phone number written out in full, tappable to call: in WeChat through makePhoneCall, in the
 * browser as a `tel:` link (which phones dial and screen readers announce as a link).
 */
function PhoneLink({ phone, elderName, testId }: { phone: string; elderName: string; testId: string }) {
  const label = `拨打${elderName}的电话 ${phone}`
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className='phone-link' href={`tel:${phone}`} aria-label={label} data-testid={testId}>
        电话 {phone}
      </a>
    )
  }
  return (
    <Tap className='phone-link' testId={testId} label={label} onTap={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
      电话 {phone}
    </Tap>
  )
}

interface RowProps {
  item: BoardOrderView
  /** The county admin may look but not act. */
  readOnly: boolean
  beforeTheDay: boolean
  onAct: (status: WorkerStatus) => Promise<void>
}

function rowClass(item: BoardOrderView): string {
  if (item.status === 'cancelled') return 'worker-row board-row board-row--off'
  return item.needsDecision ? 'worker-row board-row board-row--decide' : 'worker-row board-row'
}

function BoardRow({ item, readOnly, beforeTheDay, onAct }: RowProps) {
  const [busy, setBusy] = useState('')
  const [confirmingNoShow, setConfirmingNoShow] = useState(false)
  const delivery = item.fulfilment === 'delivery'

  async function act(status: WorkerStatus) {
    if (busy) return
    setBusy(status)
    await onAct(status)
    setBusy('')
    setConfirmingNoShow(false)
  }
  const actions = readOnly ? [] : actionsFor(item.status, delivery, beforeTheDay)
  const words = dietaryWords(item)
  const testId = (part: string) => `board-${part}-${item.orderId}`
  return (
    <View className={rowClass(item)} data-testid={testId('row')}>
      {item.needsDecision && (
        <View className='board-row__decide' data-testid={testId('decide')}>
          ⏰ 用餐时间已过，还没有处理：请标记{delivery ? '已送达或家中无人' : '已取餐或未到'}
        </View>
      )}
      <View className='board-row__head'>
        <View className='worker-row__name'>{item.elderName}</View>
        <View className={`board-row__way board-row__way--${item.fulfilment}`}>{fulfilmentNames[item.fulfilment]}</View>
        <StatusBadge status={item.status} name={item.statusName} testId={testId('status')} />
      </View>
      {words.length > 0 && (
        <View className='board-row__diet' data-testid={testId('dietary')}>
          ⚠ {words.join('　')}
        </View>
      )}
      {delivery && (
        <View className='board-row__address' data-testid={testId('address')}>
          {item.elderAddress}
          {item.elderPhone && (
            <>
              {' · '}
              <PhoneLink phone={item.elderPhone} elderName={item.elderName} testId={testId('phone')} />
            </>
          )}
        </View>
      )}
      {item.note && <View className='worker-row__note'>留言：{item.note}</View>}
      <View className='worker-row__note'>{item.priceReason}</View>
      {actions.length > 0 && confirmingNoShow && (
        // 未到 next to 已送达 is one slip of the thumb away: it asks again, on the page, naming the elder.
        <View className='confirm' data-testid={testId('confirm-no_show')}>
          <View className='confirm__question'>
            确定{item.elderName}{delivery ? '家中无人、没送到' : '没来取餐'}吗？
          </View>
          <Tap className='btn btn--danger board-action' testId={testId('confirm-no_show-yes')} onTap={() => act('no_show')}>
            {busy === 'no_show' ? '…' : `确定${actionLabel('no_show', delivery)}`}
          </Tap>
          <Tap className='btn btn--secondary board-action' testId={testId('confirm-no_show-no')} onTap={() => setConfirmingNoShow(false)}>
            不是
          </Tap>
        </View>
      )}
      {actions.length > 0 && !confirmingNoShow && (
        <View className='board-row__actions'>
          {actions.map((status) => (
            <Tap
              key={status}
              className={status === 'no_show' ? 'btn btn--secondary board-action' : 'btn btn--primary board-action'}
              testId={testId(`action-${status}`)}
              onTap={() => (status === 'no_show' ? setConfirmingNoShow(true) : act(status))}
            >
              {busy === status ? '…' : actionLabel(status, delivery)}
            </Tap>
          ))}
        </View>
      )}
    </View>
  )
}

/** The canteen's day for one meal: how many eat in, pick up, get delivered; each order with what to do next. */
export default function BoardPage() {
  const { params } = useRouter()
  const centreId = params.centreId || currentUser()?.centreId || ''
  const isWorker = currentUser()?.role === 'worker'
  const today = chinaToday()
  const [date, setDate] = useState(params.date || today)
  const [meal, setMeal] = useState<Meal>((params.meal as Meal) || mealNow())
  const loaded = useData(() => getBoard(centreId, date, meal), { onShow: true, deps: [date, meal], enabled: centreId !== '' })
  const board = loaded.data
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  const [busyAll, setBusyAll] = useState(false)

  /** Another day or meal loads from nothing; the same one again refreshes what is on screen. */
  function pick(nextDate: string, nextMeal: Meal) {
    setError('')
    setDone('')
    if (nextDate === date && nextMeal === meal) {
      void loaded.reload()
      return
    }
    setDate(nextDate)
    setMeal(nextMeal)
  }

  async function act(orderId: string, status: WorkerStatus) {
    setError('')
    setDone('')
    try {
      await setOrderStatus(orderId, status)
      await loaded.reload()
    } catch (err) {
      setError(messageOf(err))
    }
  }

  async function confirmAll() {
    if (busyAll) return
    setBusyAll(true)
    setError('')
    try {
      const { confirmed } = await confirmAllOrders(centreId, date, meal)
      setDone(`已确认 ${confirmed} 份。`)
      await loaded.reload()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusyAll(false)
    }
  }

  const relative = relativeDay(date, today)
  const counts = board?.counts
  const beforeTheDay = date > today
  return (
    <ElderPage dense>
      <View className='page-title' data-testid='board-title'>
        {formatMonthDay(date)} {weekdayShortName(weekdayOf(date))}
        {relative ? `（${relative}）` : ''} {mealNames[meal]}
      </View>
      <View className='choices'>
        <Tap className='choice' testId='board-prev-day' onTap={() => pick(addDays(date, -1), meal)}>
          ‹ 前一天
        </Tap>
        <Tap className={date === today ? 'choice choice--on' : 'choice'} testId='board-today' onTap={() => pick(today, meal)}>
          今天
        </Tap>
        <Tap className='choice' testId='board-next-day' onTap={() => pick(addDays(date, 1), meal)}>
          后一天 ›
        </Tap>
      </View>
      <View className='choices' role='radiogroup' aria-label='哪一餐'>
        {mealOrder.map((option) => (
          <Tap
            key={option}
            className={option === meal ? 'choice choice--on' : 'choice'}
            testId={`board-meal-${option}`}
            role='radio'
            checked={option === meal}
            onTap={() => pick(date, option)}
          >
            {option === meal ? '◉ ' : '○ '}
            {mealNames[option]}
          </Tap>
        ))}
      </View>

      {!centreId && <Notice kind='error' message='没有找到您所在的服务中心，请联系县级平台。' testId='board-error' />}
      {error && <Notice kind='error' message={error} testId='board-action-error' />}
      {done && <Notice kind='success' message={done} testId='board-done' />}
      <DataStatus state={loaded} testId='board' />
      {board && board.earlierOpen.length > 0 && (
        <View className='card board-earlier' data-testid='board-earlier'>
          <View className='card__title'>前几天还有订单没处理完</View>
          {board.earlierOpen.map((entry) => (
            <Tap
              key={`${entry.date}-${entry.meal}`}
              className='choice'
              testId={`board-earlier-${entry.date}-${entry.meal}`}
              onTap={() => pick(entry.date, entry.meal)}
            >
              {formatMonthDay(entry.date)} {entry.mealName}：{entry.count} 份 ›
            </Tap>
          ))}
        </View>
      )}
      {board && counts && (
        <>
          {!board.menu && <Notice kind='info' message='这一餐还没有发布菜单。' testId='board-no-menu' />}
          <View className='counts' data-testid='board-counts'>
            <View className='count' data-testid='board-count-eat_in'>
              <View className='count__n'>{counts.eat_in}</View>堂食
            </View>
            <View className='count' data-testid='board-count-pick_up'>
              <View className='count__n'>{counts.pick_up}</View>自取
            </View>
            <View className='count' data-testid='board-count-delivery'>
              <View className='count__n'>{counts.delivery}</View>送餐
            </View>
            <View className={counts.pending ? 'count count--pending' : 'count'} data-testid='board-count-pending'>
              <View className='count__n'>{counts.pending}</View>待确认
            </View>
            {counts.needsDecision > 0 && (
              <View className='count count--pending' data-testid='board-count-decide'>
                <View className='count__n'>{counts.needsDecision}</View>待处理
              </View>
            )}
          </View>
          {beforeTheDay && isWorker && counts.total > 0 && (
            <View className='hint' data-testid='board-before-day'>
              还没到这一天：现在只能确认订单，到了当天才能标记已取餐、送餐和未到。
            </View>
          )}
          <View className='hint' data-testid='board-total'>
            共 {counts.total} 份
            {board.menu ? `，堂食/自取还剩 ${board.menu.seatsLeft} 份，送餐还剩 ${board.menu.deliveriesLeft} 份` : ''}
          </View>
          {isWorker && counts.pending > 0 && (
            <Tap className='btn btn--primary' testId='board-confirm-all' onTap={confirmAll}>
              {busyAll ? '正在确认…' : `全部确认（${counts.pending} 份待确认）`}
            </Tap>
          )}
          {board.items.length === 0 && <Notice kind='info' message='这一餐还没有人订。' testId='board-empty' />}
          {board.items.map((item) => (
            <BoardRow key={item.orderId} item={item} readOnly={!isWorker} beforeTheDay={beforeTheDay} onAct={(status) => act(item.orderId, status)} />
          ))}
        </>
      )}
    </ElderPage>
  )
}
