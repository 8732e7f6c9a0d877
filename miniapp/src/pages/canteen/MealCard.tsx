import { Fragment } from 'react'
import { Text, View } from '@tarojs/components'
import type { Dish, ElderMealOffer } from '@yilin/contract'
import { StatusBadge } from '../../components/StatusBadge'
import { dishKindNames, dishKindOrder, dishTagNames, fulfilmentNames, mealNames, relativeDay } from '../../lib/canteen'
import { formatMonthDay, formatTime } from '../../lib/format'
import { goTo } from '../../lib/navigation'
import { Tap } from '../../components/Tap'

export const ORDERS_URL = '/pages/orders/index'

export interface Day {
  date: string
  weekdayName: string
}

/** "11月24日 星期二（明天）". */
export function dayText(day: Day): string {
  const relative = relativeDay(day.date)
  return `${formatMonthDay(day.date)} ${day.weekdayName}${relative ? `（${relative}）` : ''}`
}

/** One dish and its tags in words, kept whole: a line breaks between dishes or before the tags, never inside a name. */
function DishName({ dish }: { dish: Dish }) {
  const tags = dish.tags.map((tag) => dishTagNames[tag]).filter(Boolean)
  return (
    <View className='dish'>
      <Text className='dish__name'>{dish.name}</Text>
      {tags.length > 0 && <Text className='dish__tags'>（{tags.join('、')}）</Text>}
    </View>
  )
}

/** The dishes grouped 荤 / 素 / 汤 / 主食, each dish with its tags in words. */
export function DishList({ dishes }: { dishes: Dish[] }) {
  return (
    <View className='dishes'>
      {dishKindOrder.map((kind) => {
        const ofKind = dishes.filter((dish) => dish.kind === kind)
        if (ofKind.length === 0) return null
        return (
          <View key={kind} className='dishes__group'>
            <View className='dishes__kind'>{dishKindNames[kind]}</View>
            <View className='dishes__names'>
              {ofKind.map((dish, index) => (
                <Fragment key={`${dish.name}-${index}`}>
                  {index > 0 && '　'}
                  <DishName dish={dish} />
                </Fragment>
              ))}
            </View>
          </View>
        )
      })}
    </View>
  )
}

function seatsText(offer: ElderMealOffer): string {
  const parts = [`堂食/自取还剩 ${offer.menu.seatsLeft} 份`]
  if (offer.fulfilmentsAllowed.includes('delivery')) parts.push(`送餐还剩 ${offer.menu.deliveriesLeft} 份`)
  return parts.join('，')
}

interface Props {
  day: Day
  offer: ElderMealOffer
  /** The soonest meal that can still be ordered: the page points to it. */
  soonest: boolean
  onOrder: () => void
}

/**
 * One meal of the chosen day: when, what, how much and why, and the one big button to order it. A meal
 * that can no longer be ordered (and was not) is only its name and why, so the open meals come up first.
 */
/** The element id of the soonest meal still open, which the page scrolls to when it opens. */
export const SOONEST_MEAL_ID = 'canteen-soonest-meal'

export function MealCard({ day, offer, soonest, onOrder }: Props) {
  const { menu, price, order } = offer
  const slot = `${day.date}-${menu.meal}`
  const title = (
    <View className='meal__title'>
      {mealNames[menu.meal]} · {formatTime(menu.servingAt)} 开饭
    </View>
  )
  if (!order && !offer.orderable) {
    return (
      <View className='card meal' data-testid={`canteen-meal-${slot}`}>
        {title}
        <View className='meal__closed' data-testid={`canteen-closed-${slot}`}>
          ✕ 不能订：{offer.closedReason ?? '这一餐现在不能订'}
        </View>
      </View>
    )
  }
  return (
    <View className={soonest ? 'card meal meal--soonest' : 'card meal'} id={soonest ? SOONEST_MEAL_ID : undefined} data-testid={`canteen-meal-${slot}`}>
      {soonest && (
        <View className='meal__soonest' data-testid='canteen-soonest'>
          ▶ 最近能订的一餐
        </View>
      )}
      {title}
      <DishList dishes={menu.dishes} />
      <View className='meal__price' data-testid={`canteen-price-${slot}`}>
        {price.reason}
      </View>
      <View className='meal__facts'>
        <View>{seatsText(offer)}</View>
        <View>当天 {formatTime(menu.cutoffAt)} 前可以订</View>
      </View>
      {order ? (
        <View className='meal__ordered' data-testid={`canteen-ordered-${slot}`}>
          <View>
            已订：{fulfilmentNames[order.fulfilment]} <StatusBadge status={order.status} name={order.statusName} />
          </View>
          <Tap className='link' testId={`canteen-ordered-link-${slot}`} onTap={() => goTo(ORDERS_URL)}>
            查看我的订单 ›
          </Tap>
        </View>
      ) : (
        <Tap className='btn btn--primary' testId={`canteen-order-${slot}`} onTap={onOrder}>
          订这一餐
        </Tap>
      )}
    </View>
  )
}
