import { useState } from 'react'
import { Input, Picker, View } from '@tarojs/components'
import type { Dish, DishKind, DishTag, Meal, MenuInput, MenuView } from '@yilin/contract'
import { publishMenu } from '../../api'
import { messageOf } from '../../api/client'
import { Notice } from '../../components/Notice'
import { dishKindNames, dishKindOrder, dishTagNames, dishTagOrder, mealNames } from '../../lib/canteen'
import { fenOf, formatMonthDay, formatTime } from '../../lib/format'
import { Tap } from '../../components/Tap'
import { inputName } from '../../lib/a11y'
import { TextInput } from '../../components/TextInput'

export const defaultTimes: Record<Meal, { cutoff: string; serving: string }> = {
  lunch: { cutoff: '09:30', serving: '11:30' },
  dinner: { cutoff: '15:30', serving: '17:30' },
}

/** 三荤三素一汤, names still to fill in. */
const blankDishes = (): Dish[] => [
  ...(['meat', 'meat', 'meat', 'veg', 'veg', 'veg', 'soup'] as DishKind[]).map((kind) => ({ name: '', kind, tags: [] as DishTag[] })),
]

interface Draft {
  dishes: Dish[]
  priceYuan: string
  seats: string
  deliveries: string
  cutoff: string
  serving: string
}

function draftOf(meal: Meal, menu: MenuView | undefined): Draft {
  if (!menu) {
    return { dishes: blankDishes(), priceYuan: '15', seats: '50', deliveries: '15', cutoff: defaultTimes[meal].cutoff, serving: defaultTimes[meal].serving }
  }
  return {
    dishes: menu.dishes.map((dish) => ({ ...dish, tags: [...dish.tags] })),
    priceYuan: String(menu.standardPriceFen / 100),
    seats: String(menu.seatCapacity),
    deliveries: String(menu.deliveryCapacity),
    cutoff: formatTime(menu.cutoffAt),
    serving: formatTime(menu.servingAt),
  }
}

const countOf = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null)
const isTime = (text: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(text.trim())

/** Checks the draft and turns it into the API's input, or says what to fix. */
export function menuInputOf(draft: Draft): MenuInput | string {
  const dishes = draft.dishes.map((dish) => ({ ...dish, name: dish.name.trim() })).filter((dish) => dish.name)
  if (dishes.length === 0) return '请至少填一道菜。'
  const standardPriceFen = fenOf(draft.priceYuan)
  if (standardPriceFen === null) return '标准价请填数字，例如 15 或 12.5。'
  const seatCapacity = countOf(draft.seats)
  const deliveryCapacity = countOf(draft.deliveries)
  if (seatCapacity === null || deliveryCapacity === null) return '名额请填整数。'
  if (!isTime(draft.cutoff) || !isTime(draft.serving)) return '时间请按 时:分 填写，例如 09:30。'
  return { dishes, standardPriceFen, seatCapacity, deliveryCapacity, cutoffTime: draft.cutoff.trim(), servingTime: draft.serving.trim() }
}

interface Props {
  centreId: string
  date: string
  meal: Meal
  menu?: MenuView
  onSaved: (menu: MenuView) => void
  onCancel: () => void
}

export function MenuForm({ centreId, date, meal, menu, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(meal, menu))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const seatsTaken = menu ? menu.seatCapacity - menu.seatsLeft : 0
  const deliveriesTaken = menu ? menu.deliveryCapacity - menu.deliveriesLeft : 0
  const ordered = seatsTaken + deliveriesTaken

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const setDish = (index: number, patch: Partial<Dish>) =>
    setDraft((d) => ({ ...d, dishes: d.dishes.map((dish, i) => (i === index ? { ...dish, ...patch } : dish)) }))
  const toggleTag = (index: number, tag: DishTag) =>
    setDraft((d) => ({
      ...d,
      dishes: d.dishes.map((dish, i) =>
        i === index ? { ...dish, tags: dish.tags.includes(tag) ? dish.tags.filter((t) => t !== tag) : [...dish.tags, tag] } : dish,
      ),
    }))

  async function save() {
    if (busy) return
    const input = menuInputOf(draft)
    if (typeof input === 'string') {
      setError(input)
      return
    }
    setBusy(true)
    setError('')
    try {
      const { menu: saved } = await publishMenu(centreId, date, meal, input)
      onSaved(saved)
    } catch (err) {
      setError(messageOf(err))
      setBusy(false)
    }
  }

  return (
    <View className='card' data-testid='menu-form'>
      <View className='card__title'>
        {menu ? '修改' : '发布'} {formatMonthDay(date)} {mealNames[meal]}
      </View>
      {ordered > 0 && (
        <Notice
          kind='info'
          message={`这一餐已经有 ${ordered} 人订了：改菜不影响已订的订单和价钱，名额不能少于已订的（堂食/自取 ${seatsTaken} 份，送餐 ${deliveriesTaken} 份）。`}
          testId='menu-form-ordered'
        />
      )}
      {draft.dishes.map((dish, index) => (
        <View key={index} className='dish-row' data-testid={`menu-dish-${index}`}>
          <View className='form-label form-label--small'>第 {index + 1} 道菜</View>
          <TextInput label={`第 ${index + 1} 道菜的菜名`} value={dish.name} maxlength={20} placeholder='菜名' testId={`menu-dish-${index}-name`} onInput={(name) => setDish(index, { name })} />
          <View className='choices' role='radiogroup' aria-label={`第 ${index + 1} 道菜是什么菜`}>
            {dishKindOrder.map((kind) => (
              <Tap
                key={kind}
                className={dish.kind === kind ? 'choice choice--on' : 'choice'}
                testId={`menu-dish-${index}-kind-${kind}`}
                role='radio'
                checked={dish.kind === kind}
                onTap={() => setDish(index, { kind })}
              >
                {dish.kind === kind ? '◉ ' : '○ '}
                {dishKindNames[kind]}
              </Tap>
            ))}
          </View>
          <View className='choices' role='group' aria-label={`第 ${index + 1} 道菜的标注`}>
            {dishTagOrder.map((tag) => {
              const on = dish.tags.includes(tag)
              return (
                <Tap key={tag} className={on ? 'choice choice--on' : 'choice'} testId={`menu-dish-${index}-tag-${tag}`} role='checkbox' checked={on} onTap={() => toggleTag(index, tag)}>
                  {on ? '☑ ' : '☐ '}
                  {dishTagNames[tag]}
                </Tap>
              )
            })}
          </View>
          <Tap className='btn btn--secondary' testId={`menu-dish-${index}-remove`} onTap={() => set({ dishes: draft.dishes.filter((_, i) => i !== index) })}>
            删除这道菜
          </Tap>
        </View>
      ))}
      {draft.dishes.length < 12 && (
        <Tap className='btn btn--secondary' testId='menu-dish-add' onTap={() => set({ dishes: [...draft.dishes, { name: '', kind: 'veg', tags: [] }] })}>
          ＋ 加一道菜
        </Tap>
      )}

      <View className='form-label'>标准价（元，没有补贴时的价钱）</View>
      <Input className='input' type='digit' {...inputName('标准价（元）')} value={draft.priceYuan} data-testid='menu-price' onInput={(e) => set({ priceYuan: e.detail.value })} />
      <View className='form-label'>堂食/自取名额（份）</View>
      <Input className='input' type='number' {...inputName('堂食/自取名额（份）')} value={draft.seats} data-testid='menu-seats' onInput={(e) => set({ seats: e.detail.value })} />
      <View className='form-label'>送餐名额（份）</View>
      <Input className='input' type='number' {...inputName('送餐名额（份）')} value={draft.deliveries} data-testid='menu-deliveries' onInput={(e) => set({ deliveries: e.detail.value })} />
      <View className='form-label'>截止订餐时间（当天，默认 {defaultTimes[meal].cutoff}）</View>
      {/* Times are picked, not typed: "9:30" typed by hand was refused. */}
      <Picker mode='time' value={draft.cutoff} onChange={(e) => set({ cutoff: e.detail.value })}>
        <Tap className='picker' testId='menu-cutoff' label={`截止订餐时间：${draft.cutoff}，点按修改`}>
          {draft.cutoff} ›
        </Tap>
      </Picker>
      <View className='form-label'>开饭时间（默认 {defaultTimes[meal].serving}）</View>
      <Picker mode='time' value={draft.serving} onChange={(e) => set({ serving: e.detail.value })}>
        <Tap className='picker' testId='menu-serving' label={`开饭时间：${draft.serving}，点按修改`}>
          {draft.serving} ›
        </Tap>
      </Picker>

      {error && <Notice kind='error' message={error} testId='menu-form-error' />}
      <Tap className='btn btn--primary' testId='menu-save' onTap={save}>
        {busy ? '正在发布…' : menu ? '保存修改' : '发布菜单'}
      </Tap>
      <Tap className='btn btn--secondary' testId='menu-cancel' onTap={onCancel}>
        不改了
      </Tap>
    </View>
  )
}
