import type { BoardOrderView, BoardResponse, ElderMealOffer, ElderMenusResponse, MenuView, OrderView } from '@yilin/contract'
import { summaryOf, elderWang } from './fixtures'
import { addDays, chinaToday } from '../src/lib/format'

export const today = chinaToday()
export const tomorrow = addDays(today, 1)

export function menuOf(date: string, meal: 'lunch' | 'dinner'): MenuView {
  return {
    centreId: 'centre-xueyuan',
    date,
    meal,
    mealName: meal === 'lunch' ? '午餐' : '晚餐',
    dishes: [
      { name: '红烧肉', kind: 'meat', tags: ['soft'] },
      { name: '清炒时蔬', kind: 'veg', tags: ['low_salt'] },
      { name: '冬瓜排骨汤', kind: 'soup', tags: [] },
    ],
    standardPriceFen: 1500,
    seatCapacity: 50,
    deliveryCapacity: 15,
    seatsLeft: 42,
    deliveriesLeft: 9,
    cutoffAt: `${date}T01:30:00.000Z`,
    servingAt: `${date}T03:30:00.000Z`,
  }
}

export function offerOf(date: string, meal: 'lunch' | 'dinner', extra: Partial<ElderMealOffer> = {}): ElderMealOffer {
  return {
    menu: menuOf(date, meal),
    price: { priceFen: 800, subsidyFen: 700, rule: 'age80', reason: '80岁以上 ¥8' },
    orderable: true,
    fulfilmentsAllowed: ['eat_in', 'pick_up', 'delivery'],
    ...extra,
  }
}

export function menusResponse(offers: Array<{ date: string; meals: ElderMealOffer[] }>, extra: Partial<ElderMenusResponse> = {}): ElderMenusResponse {
  return {
    elder: summaryOf(elderWang),
    centreName: '学院路街道综合养老服务中心',
    payment: 'counter',
    deliveryAddress: elderWang.address,
    days: offers.map(({ date, meals }) => ({ date, weekdayName: '星期二', meals })),
    ...extra,
  }
}

export function orderOf(extra: Partial<OrderView> = {}): OrderView {
  return {
    orderId: 'o-1',
    elderId: 'e-wang',
    elderName: '王秀兰',
    centreId: 'centre-xueyuan',
    date: tomorrow,
    meal: 'lunch',
    mealName: '午餐',
    fulfilment: 'delivery',
    fulfilmentName: '送餐上门',
    note: '',
    status: 'placed',
    statusName: '已下单',
    priceFen: 800,
    standardPriceFen: 1500,
    subsidyFen: 700,
    priceRule: 'age80',
    priceReason: '80岁以上 ¥8',
    cutoffAt: `${tomorrow}T01:30:00.000Z`,
    cancellable: true,
    timeline: [{ status: 'placed', statusName: '已下单', at: `${today}T00:12:00.000Z`, byName: '王秀兰' }],
    ...extra,
  }
}

export function boardItem(extra: Partial<BoardOrderView> = {}): BoardOrderView {
  return {
    ...orderOf(),
    elderPhone: '13800001111',
    elderAddress: '学院路 12 号 3 栋 201',
    dietary: { lowSalt: true, lowSugar: false, softFood: true, allergies: '花生' },
    subsidyCategory: 'dibao',
    needsDecision: false,
    ...extra,
  }
}

export function boardOf(items: BoardOrderView[], counts: Partial<BoardResponse['counts']> = {}): BoardResponse {
  return {
    centreId: 'centre-xueyuan',
    date: today,
    meal: 'lunch',
    menu: menuOf(today, 'lunch'),
    counts: { eat_in: 0, pick_up: 0, delivery: 1, pending: 1, total: 1, needsDecision: 0, ...counts },
    items,
    earlierOpen: [],
  }
}
