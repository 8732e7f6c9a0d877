import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { PlaceRef } from '@yilin/contract'
import { getOrg } from '../../api'
import { getCentreDashboard, getCommunityDashboard, getCountyDashboard } from '../../api/insights'
import { DashboardMonth } from '../../components/DashboardMonth'
import { DashboardNow } from '../../components/DashboardNow'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { MonthStepper } from '../../components/MonthStepper'
import { Tap } from '../../components/Tap'
import { thisMonth } from '../../lib/months'
import { useData } from '../../shared/useData'
import '../../styles/dashboard.css'

function dashboardOf(place: PlaceRef, month: string) {
  if (place.kind === 'centre') return getCentreDashboard(place.id, month)
  if (place.kind === 'community') return getCommunityDashboard(place.id, month)
  return getCountyDashboard(place.id, month)
}

/**
 * The county's dashboard for a month: its totals, twelve months of trend and its centres side by side.
 * A centre opens the centre's dashboard on the same page (its communities side by side), a community its
 * own; the way back climbs one place at a time. `?centreId=` opens on a centre.
 */
export default function CountyDashboardPage() {
  const { params } = useRouter()
  const org = useData(getOrg)
  const county: PlaceRef | null = org.data ? { kind: 'county', id: org.data.county.countyId, name: org.data.county.name } : null
  /** The places opened below the county, the one shown last. */
  const [below, setBelow] = useState<PlaceRef[]>(params.centreId ? [{ kind: 'centre', id: params.centreId, name: '' }] : [])
  const [month, setMonth] = useState(params.month || thisMonth())
  const place = below[below.length - 1] ?? county
  const loaded = useData(() => dashboardOf(place!, month), { deps: [place?.kind, place?.id, month], enabled: place !== null })
  const dashboard = loaded.data
  const up = below.length > 1 ? below[below.length - 2] : county

  return (
    <ElderPage dense>
      <DataStatus state={org} testId='dashboard-org' />
      {below.length > 0 && up && (
        <Tap className='choice choice--wide' testId='dashboard-back' onTap={() => setBelow((places) => places.slice(0, -1))}>
          ‹ 回到{up.kind === 'county' ? '全县' : up.name || '上一级'}
        </Tap>
      )}
      <View className='page-title' data-testid='dashboard-place-name'>
        {dashboard?.place.name ?? (place?.name || '全县数据')}
      </View>
      <MonthStepper month={month} onChange={setMonth} testId='dashboard-month' />
      <DataStatus state={loaded} testId='dashboard' />
      {dashboard && (
        <>
          <DashboardMonth dashboard={dashboard} testId='dashboard-headline' onPart={(part) => setBelow((places) => [...places, part])} />
          <View className='section-title'>今天（{dashboard.today}）</View>
          <DashboardNow dashboard={dashboard} testId='dashboard-now' />
        </>
      )}
    </ElderPage>
  )
}
