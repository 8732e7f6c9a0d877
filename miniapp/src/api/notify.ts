import type { AlertLocation, SubscriptionsInput } from '@yilin/contract'
import { call } from './client'

/** Notifications (the in-app list, WeChat subscriptions, what WeChat did not take) and emergency help. */

export const getMessages = (cursor?: string) => call('notify/messages', { query: cursor ? { cursor } : {} })
export const markMessagesRead = (upTo?: string) => call('notify/read', { body: upTo ? { upTo } : {} })
export const getSubscriptions = () => call('notify/subscriptions')
export const saveSubscriptions = (input: SubscriptionsInput) => call('notify/subscribe', { body: input })
export const getFailedNotifications = (communityId: string, cursor?: string) =>
  call('notify/failed', { params: { communityId }, query: cursor ? { cursor } : {} })

export const raiseAlert = (elderId: string, idempotencyKey: string) => call('alerts/raise', { params: { elderId }, body: { idempotencyKey } })
export const getElderAlerts = (elderId: string) => call('alerts/elder-alerts', { params: { elderId } })
export const getAlert = (alertId: string) => call('alerts/get', { params: { alertId } })
export const sendAlertLocation = (alertId: string, location: AlertLocation) => call('alerts/locate', { params: { alertId }, body: location })
export const acknowledgeAlert = (alertId: string) => call('alerts/acknowledge', { params: { alertId } })
export const resolveAlert = (alertId: string, note: string) => call('alerts/resolve', { params: { alertId }, body: { note } })
export const getMyAlerts = () => call('alerts/mine')
export const getCommunityAlerts = (communityId: string) => call('alerts/community', { params: { communityId } })
export const getDutyPhone = (communityId: string) => call('alerts/duty-phone', { params: { communityId } })
export const setDutyPhone = (communityId: string, dutyPhone: string) => call('alerts/set-duty-phone', { params: { communityId }, body: { dutyPhone } })
