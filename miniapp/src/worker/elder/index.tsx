import { useState } from 'react'
import { useDidShow, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ElderDetailResponse } from '@yilin/functions/src/schemas/people'
import { getElder } from '../../api'
import { messageOf } from '../../api/client'
import { BindingCodePanel } from '../../components/BindingCodePanel'
import { ElderPage } from '../../components/ElderPage'
import { ElderProfileView } from '../../components/ElderProfileView'
import { Loading } from '../../components/Loading'
import { Notice } from '../../components/Notice'
import { formatDateTime } from '../../lib/format'
import { changeText } from '../../lib/labels'
import { goTo, queryString } from '../../lib/navigation'
import { currentUser } from '../../lib/session'
import { ClaimCodePanel } from './ClaimCodePanel'
import { VerificationForm } from './VerificationForm'
import { Tap } from '../../components/Tap'
import '../worker.css'

export default function WorkerElderPage() {
  const { params } = useRouter()
  const elderId = params.elderId ?? ''
  const [detail, setDetail] = useState<ElderDetailResponse | null>(null)
  const [error, setError] = useState('')
  const isWorker = currentUser()?.role === 'worker'

  useDidShow(() => {
    getElder(elderId)
      .then((answer) => {
        setDetail(answer)
        setError('')
      })
      .catch((err) => setError(messageOf(err)))
  })

  if (error) {
    return (
      <ElderPage dense>
        <Notice kind='error' message={error} testId='worker-elder-error' />
      </ElderPage>
    )
  }
  if (!detail) {
    return (
      <ElderPage dense>
        <Loading />
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
      {isWorker && <VerificationForm key={detail.elder.updatedAt} elder={detail.elder} onVerified={setDetail} />}
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
      {isWorker && <BindingCodePanel elderId={elderId} />}
      {isWorker && <ClaimCodePanel elderId={elderId} live={detail.liveClaimCode} />}
    </ElderPage>
  )
}
