import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { getElder } from '../../api'
import { BindingCodePanel } from '../../components/BindingCodePanel'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { ElderProfileView } from '../../components/ElderProfileView'
import { formatDateTime } from '../../lib/format'
import { changeText } from '../../lib/labels'
import { goBackOrHome, goTo, queryString } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { ClaimCodePanel } from './ClaimCodePanel'
import { VerificationForm } from './VerificationForm'
import { RegisterPanel } from './RegisterPanel'
import { MovePanel } from './MovePanel'
import { Tap } from '../../components/Tap'
import { HEALTH_URL, SERVICES_URL } from '../../lib/services'
import { WISH_POST_URL, workerPointsUrl } from '../../lib/wishes'
import { useData } from '../../shared/useData'
import '../worker.css'

export default function WorkerElderPage() {
  const { params } = useRouter()
  const elderId = params.elderId ?? ''
  const loaded = useData(() => getElder(elderId), { onShow: true })
  const detail = loaded.data
  const isWorker = currentUser()?.role === 'worker'

  if (loaded.error || !detail) {
    return (
      <ElderPage dense>
        <DataStatus state={loaded} testId='worker-elder' />
      </ElderPage>
    )
  }
  const history = detail.verificationHistory ?? []
  return (
    <ElderPage dense>
      <ElderProfileView elder={detail.elder} />
      {isWorker && (
        <Tap className='btn btn--secondary' testId='worker-elder-edit-contact' onTap={() => goTo(`/pages/profile/index${queryString({ elderId })}`)}>
          修改电话、住址、饮食和紧急联系人
        </Tap>
      )}
      {isWorker && (
        <Tap className='btn btn--secondary' testId='worker-elder-book' onTap={() => goTo(`${SERVICES_URL}${queryString({ elderId })}`)}>
          接电话代约上门服务
        </Tap>
      )}
      {isWorker && (
        <Tap className='btn btn--secondary' testId='worker-elder-health' onTap={() => goTo(`${HEALTH_URL}${queryString({ elderId })}`)}>
          健康记录（查看会留下记录，长辈和家属能看到）
        </Tap>
      )}
      {isWorker && (
        <Tap className='btn btn--secondary' testId='worker-elder-wish' onTap={() => goTo(`${WISH_POST_URL}${queryString({ elderId })}`)}>
          {`替${detail.elder.name}许个心愿`}
        </Tap>
      )}
      {isWorker && (
        <Tap className='btn btn--secondary' testId='worker-elder-points' onTap={() => goTo(workerPointsUrl(elderId))}>
          {`${detail.elder.name}的积分：记录参加活动、调整积分`}
        </Tap>
      )}
      {isWorker && <VerificationForm key={detail.elder.updatedAt} elder={detail.elder} onVerified={loaded.setData} />}
      <View className='card' data-testid='verify-history'>
        <View className='card__title'>核实记录</View>
        {history.length === 0 && <View className='hint'>还没有核实过。</View>}
        {history.map((change, index) => (
          <View key={index} className='history-row' data-testid={`verify-history-${index}`}>
            <View>{changeText(change)}</View>
            <View className='hint'>
              {change.byName} · {formatDateTime(change.at)}
            </View>
          </View>
        ))}
      </View>
      {isWorker && <RegisterPanel key={`register-${detail.elder.updatedAt}`} elder={detail.elder} onChanged={loaded.setData} />}
      {isWorker && <MovePanel elder={detail.elder} onMoved={loaded.setData} />}
      {isWorker && <BindingCodePanel elderId={elderId} forWorker />}
      {isWorker && <ClaimCodePanel elderId={elderId} live={detail.liveClaimCode} />}
      {!isWorker && (
        <Tap className='btn btn--secondary' testId='worker-elder-back' onTap={goBackOrHome}>
          返回
        </Tap>
      )}
    </ElderPage>
  )
}
