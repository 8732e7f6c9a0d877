import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Meal } from '@yilin/contract'
import { confirmAllOrders, getBoard, setOrderStatus, undoOrderStatus, type WorkerStatus } from '../../api'
import { messageOf } from '../../api/client'
import { ElderPage } from '../../components/ElderPage'
import { DataStatus } from '../../components/DataStatus'
import { Notice } from '../../components/Notice'
import { mealNames, mealOrder, relativeDay, weekdayShortName } from '../../lib/canteen'
import { addDays, chinaToday, formatMonthDay, weekdayOf } from '../../lib/format'
import { currentUser } from '../../lib/session'
import { Tap } from '../../components/Tap'
import { useData } from '../../shared/useData'
import { BoardRow } from './BoardRow'
import '../worker.css'

/** Lunch until 13:00 China time, dinner after: the meal a worker is most likely busy with now. */
function mealNow(): Meal {
  const hour = new Date(Date.now() + 8 * 3600_000).getUTCHours()
  return hour >= 13 ? 'dinner' : 'lunch'
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

  async function undo(orderId: string, markId: string) {
    setError('')
    setDone('')
    try {
      const { order } = await undoOrderStatus(orderId, markId)
      setDone(`已撤销，${order.elderName}的订单改回“${order.statusName}”。`)
      await loaded.reload()
    } catch (err) {
      setError(messageOf(err))
      // The board may be out of date (the order moved on, or the time ran out): show it as it is now.
      await loaded.reload()
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
            <BoardRow key={item.orderId} item={item} readOnly={!isWorker} beforeTheDay={beforeTheDay} onAct={(status) => act(item.orderId, status)} onUndo={(markId) => undo(item.orderId, markId)} />
          ))}
        </>
      )}
    </ElderPage>
  )
}
