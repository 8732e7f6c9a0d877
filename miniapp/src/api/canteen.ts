import type { Meal, MenuInput, PlaceOrderInput, PricingInput, SubscriptionInput, WorkerStatus } from '@yilin/contract'
import { call, routePath } from './client'

/** Canteen (老年助餐) routes of the contract's route table. */

export type { WorkerStatus }

// ---- elder and family ----
export const getElderMenus = (elderId: string) => call('canteen/elder-menus', { params: { elderId } })

export const placeOrder = (elderId: string, input: PlaceOrderInput) => call('canteen/place-order', { params: { elderId }, body: input })

export const listElderOrders = (elderId: string, cursor?: string, limit = 10) =>
  call('canteen/elder-orders', { params: { elderId }, query: { cursor, limit: String(limit) } })

export const getOrder = (orderId: string) => call('canteen/get-order', { params: { orderId } })

export const cancelOrder = (orderId: string) => call('canteen/cancel-order', { params: { orderId } })

export const listSubscriptions = (elderId: string) => call('canteen/list-subscriptions', { params: { elderId } })

export const createSubscription = (elderId: string, input: SubscriptionInput) =>
  call('canteen/subscribe', { params: { elderId }, body: input })

export const removeSubscription = (elderId: string, subscriptionId: string) =>
  call('canteen/unsubscribe', { params: { elderId, subscriptionId } })

// ---- worker (and admin, read-only) ----
export const getBoard = (centreId: string, date: string, meal: Meal) => call('canteen/board', { params: { centreId }, query: { date, meal } })

export const setOrderStatus = (orderId: string, status: WorkerStatus) =>
  call('canteen/set-order-status', { params: { orderId }, body: { status } })

/** Takes back the mark named (the board offers it for a few minutes); a retry is answered as done. */
export const undoOrderStatus = (orderId: string, markId: string) =>
  call('canteen/undo-order-status', { params: { orderId }, body: { markId } })

export const confirmAllOrders = (centreId: string, date: string, meal: Meal) =>
  call('canteen/confirm-all', { params: { centreId }, body: { date, meal } })

export const listCentreMenus = (centreId: string, from?: string) => call('canteen/centre-menus', { params: { centreId }, query: { from } })

export const publishMenu = (centreId: string, date: string, meal: Meal, input: MenuInput) =>
  call('canteen/publish-menu', { params: { centreId, date, meal }, body: input })

export const copyWeekMenus = (centreId: string, fromWeekStart: string, toWeekStart: string) =>
  call('canteen/copy-week', { params: { centreId }, body: { fromWeekStart, toWeekStart } })

export const statementPath = (centreId: string, month: string) => routePath('canteen/statement', { centreId, month })

/** The statement as an xlsx workbook: what WeChat's openDocument opens on a phone. */
export const statementXlsxPath = (centreId: string, month: string) => routePath('canteen/statement-xlsx', { centreId, month })

export const getStatement = (centreId: string, month: string) => call('canteen/statement', { params: { centreId, month } })

// ---- meal prices of a centre (workers read, the county admin sets) ----
export const getPricing = (centreId: string) => call('canteen/get-pricing', { params: { centreId } })

export const setPricing = (centreId: string, input: PricingInput) => call('canteen/set-pricing', { params: { centreId }, body: input })
