import { View } from '@tarojs/components'
import { getCentreDashboard, getCommunityDashboard } from '../../api/insights'
import { DashboardMonth } from '../../components/DashboardMonth'
import { DashboardNow } from '../../components/DashboardNow'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { formatDate } from '../../lib/format'
import { currentUser } from '../../lib/session'
import { useData } from '../../shared/useData'
import '../../styles/dashboard.css'

/**
 * A worker's dashboard: their community's, or for a centre's worker (no community) their centre's with its
 * communities side by side. What needs someone today comes first, the month and its trend after it.
 */
export default function WorkerDashboardPage() {
  const user = currentUser()
  const communityId = user?.communityId ?? ''
  const centreId = user?.centreId ?? ''
  const loaded = useData(() => (communityId ? getCommunityDashboard(communityId) : getCentreDashboard(centreId)), {
    // Figures change all day: each return to the page shows them as they are now.
    onShow: true,
    enabled: communityId !== '' || centreId !== '',
  })
  const dashboard = loaded.data

  return (
    <ElderPage dense>
      {!communityId && !centreId && <Notice kind='error' message='您还没有分到社区或服务中心，请联系县里的管理员。' testId='dashboard-no-place' />}
      <DataStatus state={loaded} testId='dashboard' />
      {dashboard && (
        <>
          <View className='page-title' data-testid='dashboard-place-name'>
            {dashboard.place.name}
          </View>
          <View className='hint' data-testid='dashboard-month'>
            {formatDate(dashboard.today)}的情况，点数字看详情
          </View>
          <DashboardNow dashboard={dashboard} testId='dashboard-headline' />
          <DashboardMonth dashboard={dashboard} testId='dashboard-month-headline' />
        </>
      )}
    </ElderPage>
  )
}
