import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { AlertsBoard } from '../../components/AlertsBoard'
import { ElderPage } from '../../components/ElderPage'
import '../worker.css'

/** 紧急求助 of the worker's community and of the calls gone up to their centre (`?alertId=` marks one). */
export default function WorkerAlertsPage() {
  const { params } = useRouter()
  return (
    <ElderPage dense>
      <View className='page-title'>紧急求助</View>
      <View className='hint'>长辈按了求助，先点“我去处理”让长辈知道有人来了；处理完写下做了什么。</View>
      <AlertsBoard role='worker' highlight={params.alertId} />
    </ElderPage>
  )
}
