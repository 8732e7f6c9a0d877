import type { AlertView, CallNumber, ElderAlertsResponse } from '@yilin/contract'
import { elderWang, summaryOf } from './fixtures'

/** Emergency calls as the API answers them, shared by the jsdom and the compiled-page tests. */

/** 09:03 on 1 December, China time. */
export const RAISED_AT = '2026-12-01T01:03:00.000Z'

export const alertOf = (overrides: Partial<AlertView> = {}): AlertView => ({
  alertId: 'a-1',
  elderId: 'e-wang',
  elderName: '王秀兰',
  communityId: 'c-xueyuan',
  communityName: '学院路社区',
  elderPhone: '13800001111',
  elderAddress: '学院路 12 号 3 栋 201',
  status: 'open',
  level: 'community',
  raisedAt: RAISED_AT,
  raisedByName: '本人',
  ...overrides,
})

export const answeredBy = { name: '刘晓燕', post: '社区工作者', phone: '13700003333', at: '2026-12-01T01:05:00.000Z' }

export const resolvedCall = alertOf({
  alertId: 'a-0',
  status: 'resolved',
  raisedAt: '2026-11-20T02:00:00.000Z',
  resolvedByName: '李娟',
  resolvedAt: '2026-11-20T02:30:00.000Z',
  note: '血压偏高，陪去了社区医院',
})

export const elderSideNumbers: CallNumber[] = [
  { label: '急救电话 120', phone: '120' },
  { label: '社区值班电话', phone: '0734-8123456' },
  { label: '紧急联系人 李明（儿子）', phone: '13900002222' },
]

export const elderAlerts = (overrides: Partial<ElderAlertsResponse> = {}): ElderAlertsResponse => ({
  elder: summaryOf(elderWang),
  recent: [resolvedCall],
  callNumbers: elderSideNumbers,
  ...overrides,
})
