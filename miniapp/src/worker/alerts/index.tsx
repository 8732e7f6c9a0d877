import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { AlertsBoard } from '../../components/AlertsBoard'
import { ElderPage } from '../../components/ElderPage'
import { currentUser } from '../../lib/session'
import { DutyLine, FailedNotifications } from './CommunityDesk'
import '../worker.css'

/** 紧急求助 of the worker's community and of the calls gone up to their centre (`?alertId=` marks one). */
export default function WorkerAlertsPage() {
  const { params } = useRouter()
  const communityId = currentUser()?.communityId ?? ''
  return (
    <ElderPage dense>
      <View className='page-title'>紧急求助</View>
      <View className='hint'>长辈按了求助，先点“我去处理”让长辈知道有人来了；处理完写下做了什么。</View>
      <AlertsBoard highlight={params.alertId}>
        <DutyLine communityId={communityId} />
        <FailedNotifications communityId={communityId} />
      </AlertsBoard>
    </ElderPage>
  )
}
