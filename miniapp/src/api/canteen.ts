import type {
  BoardResponse,
  ElderMenusResponse,
  ElderOrdersResponse,
  Meal,
  MenuInput,
  MenuView,
  OrderView,
  PlaceOrderInput,
  PlaceOrderResponse,
  PricingInput,
  PricingResponse,
  StatementResponse,
  SubscriptionInput,
  SubscriptionView,
} from '@yilin/functions/src/schemas/canteen'
import { queryString } from '../lib/navigation'
import { request } from './client'

/** Canteen (老年助餐) routes of functions/src/routes.ts. */

const id = (value: string) => encodeURIComponent(value)

export type WorkerStatus = 'confirmed' | 'served' | 'out_for_delivery' | 'delivered' | 'no_show'

// ---- elder and family ----
export const getElderMenus = (elderId: string) => request<ElderMenusResponse>('GET', `/elders/${id(elderId)}/menus`)

export const placeOrder = (elderId: string, input: PlaceOrderInput) =>
  request<PlaceOrderResponse>('POST', `/elders/${id(elderId)}/orders`, input)

export const listElderOrders = (elderId: string, cursor?: string, limit = 10) =>
  request<ElderOrdersResponse>('GET', `/elders/${id(elderId)}/orders${queryString({ cursor: cursor ?? undefined, limit })}`)

export const getOrder = (orderId: string) => request<{ order: OrderView }>('GET', `/orders/${id(orderId)}`)

export const cancelOrder = (orderId: string) => request<{ order: OrderView }>('POST', `/orders/${id(orderId)}/cancel`)

export const listSubscriptions = (elderId: string) =>
  request<{ items: SubscriptionView[] }>('GET', `/elders/${id(elderId)}/subscriptions`)

export const createSubscription = (elderId: string, input: SubscriptionInput) =>
  request<{ subscription: SubscriptionView }>('POST', `/elders/${id(elderId)}/subscriptions`, input)

export const removeSubscription = (elderId: string, subscriptionId: string) =>
  request<void>('DELETE', `/elders/${id(elderId)}/subscriptions/${id(subscriptionId)}`)

// ---- worker (and admin, read-only) ----
export const getBoard = (centreId: string, date: string, meal: Meal) =>
  request<BoardResponse>('GET', `/centres/${id(centreId)}/board${queryString({ date, meal })}`)

export const setOrderStatus = (orderId: string, status: WorkerStatus) =>
  request<{ order: OrderView }>('POST', `/orders/${id(orderId)}/status`, { status })

export const confirmAllOrders = (centreId: string, date: string, meal: Meal) =>
  request<{ confirmed: number }>('POST', `/centres/${id(centreId)}/board/confirm-all`, { date, meal })

export const listCentreMenus = (centreId: string, from?: string) =>
  request<{ items: MenuView[] }>('GET', `/centres/${id(centreId)}/menus${queryString({ from })}`)

export const publishMenu = (centreId: string, date: string, meal: Meal, input: MenuInput) =>
  request<{ menu: MenuView }>('PUT', `/centres/${id(centreId)}/menus/${id(date)}/${id(meal)}`, input)

export const copyWeekMenus = (centreId: string, fromWeekStart: string, toWeekStart: string) =>
  request<{ copied: number; skipped: number }>('POST', `/centres/${id(centreId)}/menus/copy-week`, { fromWeekStart, toWeekStart })

export const statementPath = (centreId: string, month: string) => `/centres/${id(centreId)}/statements/${id(month)}`

export const getStatement = (centreId: string, month: string) => request<StatementResponse>('GET', statementPath(centreId, month))

// ---- meal prices of a centre (workers read, the county admin sets) ----
export const getPricing = (centreId: string) => request<PricingResponse>('GET', `/centres/${id(centreId)}/pricing`)

export const setPricing = (centreId: string, input: PricingInput) =>
  request<PricingResponse>('PUT', `/centres/${id(centreId)}/pricing`, input)
