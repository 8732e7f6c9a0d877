import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { AlertsBoard } from '../../components/AlertsBoard'
import { ElderPage } from '../../components/ElderPage'

/** 紧急求助 that nobody in the community or the centre answered in time (`?alertId=` marks one). */
export default function AdminAlertsPage() {
  const { params } = useRouter()
  return (
    <ElderPage dense>
      <View className='page-title'>紧急求助</View>
      <View className='hint'>社区和服务中心都没及时响应的求助会转到这里。请先联系长辈和社区，再点“我去处理”。</View>
      <AlertsBoard highlight={params.alertId} />
    </ElderPage>
  )
}
