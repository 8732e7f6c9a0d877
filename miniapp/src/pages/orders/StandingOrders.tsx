import { useState } from 'react'
import { View } from '@tarojs/components'
import type { Fulfilment, Meal, SubscriptionView } from '@yilin/contract'
import { createSubscription, listSubscriptions, removeSubscription } from '../../api'
import { messageOf } from '../../api/client'
import { Notice } from '../../components/Notice'
import { fulfilmentNames, fulfilmentOrder, mealNames, mealOrder, runText, weekdaysText, weekdayShortName } from '../../lib/canteen'
import { Tap } from '../../components/Tap'

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7]

interface Props {
  elderId: string
  /** Only elders a worker marked as mobility-limited may have meals delivered. */
  mayDeliver: boolean
  items: SubscriptionView[] | null
  onItems: (items: SubscriptionView[]) => void
}

function SubscriptionRow({ item, onRemove }: { item: SubscriptionView; onRemove: () => Promise<void> }) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const testId = (part: string) => `standing-${part}-${item.subscriptionId}`
  return (
    <View className='card' data-testid={testId('row')}>
      <View className='order__title'>
        {weekdaysText(item.weekdays)} {mealNames[item.meal]}
      </View>
      <View>{fulfilmentNames[item.fulfilment]} · 每天晚上 8 点自动订好第二天的</View>
      {item.recentRuns.length > 0 && (
        <View className='runs' data-testid={testId('runs')}>
          <View className='field__label'>最近几次</View>
          {item.recentRuns.map((run, index) => (
            <View key={index} className={run.outcome === 'placed' ? 'run' : 'run run--missed'}>
              {run.outcome === 'placed' ? '✓ ' : '✕ '}
              {runText(run)}
            </View>
          ))}
        </View>
      )}
      {asking ? (
        <View>
          <View className='confirm__question'>不再自动订{mealNames[item.meal]}了吗？已经订好的不受影响。</View>
          <Tap
            className='btn btn--danger'
            testId={testId('remove-confirm')}
            onTap={async () => {
              if (busy) return
              setBusy(true)
              await onRemove()
              setBusy(false)
            }}
          >
            {busy ? '正在停止…' : '是，停止长期订餐'}
          </Tap>
          <Tap className='btn btn--secondary' testId={testId('remove-keep')} onTap={() => setAsking(false)}>
            继续保留
          </Tap>
        </View>
      ) : (
        <Tap className='btn btn--secondary' testId={testId('remove')} onTap={() => setAsking(true)}>
          停止这项长期订餐
        </Tap>
      )}
    </View>
  )
}

function AddForm({ elderId, mayDeliver, onAdded, onCancel }: { elderId: string; mayDeliver: boolean; onAdded: (item: SubscriptionView) => void; onCancel: () => void }) {
  const fulfilments = fulfilmentOrder.filter((f) => f !== 'delivery' || mayDeliver)
  const [meal, setMeal] = useState<Meal>('lunch')
  const [fulfilment, setFulfilment] = useState<Fulfilment>(fulfilments[0])
  const [weekdays, setWeekdays] = useState<number[]>([1, 2, 3, 4, 5])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const toggleDay = (day: number) =>
    setWeekdays((days) => (days.includes(day) ? days.filter((d) => d !== day) : [...days, day].sort((a, b) => a - b)))

  async function save() {
    if (busy) return
    if (weekdays.length === 0) {
      setError('请至少选一天。')
      return
    }
    setBusy(true)
    setError('')
    try {
      const { subscription } = await createSubscription(elderId, { meal, fulfilment, weekdays })
      onAdded(subscription)
    } catch (err) {
      setError(messageOf(err))
      setBusy(false)
    }
  }

  return (
    <View className='card' data-testid='standing-form'>
      <View className='card__title'>新的长期订餐</View>
      <View className='form-label'>哪一餐</View>
      <View className='choices' role='radiogroup' aria-label='哪一餐'>
        {mealOrder.map((option) => (
          <Tap
            key={option}
            className={option === meal ? 'choice choice--on' : 'choice'}
            testId={`standing-meal-${option}`}
            role='radio'
            checked={option === meal}
            onTap={() => setMeal(option)}
          >
            {option === meal ? '◉ ' : '○ '}
            {mealNames[option]}
          </Tap>
        ))}
      </View>
      <View className='form-label'>怎么吃</View>
      <View className='choices' role='radiogroup' aria-label='怎么吃'>
        {fulfilments.map((option) => (
          <Tap
            key={option}
            className={option === fulfilment ? 'choice choice--on' : 'choice'}
            testId={`standing-fulfilment-${option}`}
            role='radio'
            checked={option === fulfilment}
            onTap={() => setFulfilment(option)}
          >
            {option === fulfilment ? '◉ ' : '○ '}
            {fulfilmentNames[option]}
          </Tap>
        ))}
      </View>
      <View className='form-label'>每周哪几天（{weekdays.length ? weekdaysText(weekdays) : '还没选'}）</View>
      <View className='choices' role='group' aria-label='每周哪几天'>
        {WEEKDAYS.map((day) => {
          const on = weekdays.includes(day)
          return (
            <Tap key={day} className={on ? 'choice choice--on choice--day' : 'choice choice--day'} testId={`standing-day-${day}`} role='checkbox' checked={on} onTap={() => toggleDay(day)}>
              {on ? '☑' : '☐'}
              <View>{weekdayShortName(day)}</View>
            </Tap>
          )
        })}
      </View>
      {error && <Notice kind='error' message={error} testId='standing-error' />}
      <Tap className='btn btn--primary' testId='standing-save' onTap={save}>
        {busy ? '正在保存…' : '保存长期订餐'}
      </Tap>
      <Tap className='btn btn--secondary' testId='standing-cancel' onTap={onCancel}>
        不加了
      </Tap>
    </View>
  )
}

/** 长期订餐: meals ordered automatically on chosen weekdays, and how the last runs went. */
export function StandingOrders({ elderId, mayDeliver, items, onItems }: Props) {
  const [adding, setAdding] = useState(false)
  const [error, setError] = useState('')

  async function remove(subscriptionId: string) {
    setError('')
    try {
      await removeSubscription(elderId, subscriptionId)
      onItems((await listSubscriptions(elderId)).items)
    } catch (err) {
      setError(messageOf(err))
    }
  }

  return (
    <View data-testid='standing'>
      <View className='section-title'>长期订餐</View>
      <View className='hint'>选好每周哪几天，系统每天晚上 8 点自动订好第二天的饭，不用天天来订。</View>
      {items?.length === 0 && !adding && <View className='hint' data-testid='standing-empty'>还没有长期订餐。</View>}
      {items?.map((item) => (
        <SubscriptionRow key={item.subscriptionId} item={item} onRemove={() => remove(item.subscriptionId)} />
      ))}
      {error && <Notice kind='error' message={error} testId='standing-list-error' />}
      {adding ? (
        <AddForm
          elderId={elderId}
          mayDeliver={mayDeliver}
          onAdded={(item) => {
            onItems([...(items ?? []), item])
            setAdding(false)
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        items && (
          <Tap className='btn btn--secondary' testId='standing-add' onTap={() => setAdding(true)}>
            ＋ 添加长期订餐
          </Tap>
        )
      )}
    </View>
  )
}
