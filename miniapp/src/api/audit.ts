import { call } from './client'

/** The audit trail (操作记录): read-only, newest first, 30 a page; `before` is the last entry shown. */
export interface AuditFilter {
  actorId?: string
  elderId?: string
  from?: string
  to?: string
  before?: string
}

/** Only the filters set: an empty one would be refused as bad input. */
const queryOf = (filter: AuditFilter) => Object.fromEntries(Object.entries(filter).filter(([, value]) => value)) as AuditFilter

export const getCountyAudit = (countyId: string, filter: AuditFilter = {}) => call('insights/county-audit', { params: { countyId }, query: queryOf(filter) })

export const getCommunityAudit = (communityId: string, filter: AuditFilter = {}) =>
  call('insights/community-audit', { params: { communityId }, query: queryOf(filter) })

/** Who read the elder's health record and who changed the elder's data: the elder's and family's. */
export const getAccessLog = (elderId: string, before?: string) => call('insights/elder-access-log', { params: { elderId }, query: before ? { before } : {} })
