import { call, routePath } from './client'

/** Supervision: the dashboards of a community, a centre and the county, and the county's monthly settlement report. */

const monthQuery = (month?: string) => (month ? { month } : {})

/** A month's figures and the twelve months up to it; without a month, the current one. */
export const getCommunityDashboard = (communityId: string, month?: string) =>
  call('insights/community-dashboard', { params: { communityId }, query: monthQuery(month) })
export const getCentreDashboard = (centreId: string, month?: string) => call('insights/centre-dashboard', { params: { centreId }, query: monthQuery(month) })
export const getCountyDashboard = (countyId: string, month?: string) => call('insights/county-dashboard', { params: { countyId }, query: monthQuery(month) })

export const getSettlement = (countyId: string, month: string) => call('insights/settlement', { params: { countyId, month } })

/** The same report as a CSV file (UTF-8 with BOM, header row first), for a download rather than a JSON answer. */
export const settlementCsvPath = (countyId: string, month: string) => `${routePath('insights/settlement', { countyId, month })}?format=csv`
