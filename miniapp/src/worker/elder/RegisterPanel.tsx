import { useState } from 'react'
import { View } from '@tarojs/components'
import { elderStatusNames, type ElderDetailResponse, type ElderProfile, type ElderStatus, type ElderStatusInput } from '@yilin/contract'
import { CloseElderPanel } from './CloseElderPanel'
import { setElderStatus } from '../../api'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { TextInput } from '../../components/TextInput'
import { useAction } from '../../shared/useAction'

interface Props {
  elder: ElderProfile
  onChanged: (detail: ElderDetailResponse) => void
}

/** What marking an elder off the register does, said before the worker confirms it. */
const CONSEQUENCES = '标记后：长期订餐停止，今天起还没做的订餐会取消，资料和以往记录都保留。标错了可以恢复在册。'

/**
 * The elder on the community's register (名册): a worker marks one who died or moved away from the county,
 * with an on-page confirm naming what follows, or puts them back; or closes the account (注销) for good.
 */
export function RegisterPanel({ elder, onChanged }: Props) {
  const status: ElderStatus = elder.status ?? 'active'
  const [asking, setAsking] = useState<ElderStatusInput['status'] | null>(null)
  const [note, setNote] = useState('')
  const { busy, error, run } = useAction()

  const confirm = (next: ElderStatusInput['status']) =>
    run(async () => {
      onChanged(await setElderStatus(elder.elderId, { status: next, note }))
      setAsking(null)
      setNote('')
    })

  return (
    <View className='card' data-testid='register-panel'>
      <View className='card__title'>名册</View>
      <View data-testid='register-status'>
        {elder.name}：{elderStatusNames[status]}
      </View>
      {asking ? (
        <View className='confirm' data-testid='register-confirm'>
          <View className='confirm__question'>
            确定把{elder.name}标记为“{elderStatusNames[asking]}”吗？
          </View>
          {asking !== 'active' && <View className='hint'>{CONSEQUENCES}</View>}
          <View className='form-label'>说明（可不填）</View>
          <TextInput label='说明' value={note} maxlength={60} testId='register-note' onInput={setNote} />
          <Tap className={asking === 'active' ? 'btn btn--primary' : 'btn btn--danger'} testId='register-confirm-yes' onTap={() => confirm(asking)}>
            {busy ? '正在保存…' : `确定，标记为${elderStatusNames[asking]}`}
          </Tap>
          <Tap className='btn btn--secondary' testId='register-confirm-no' onTap={() => setAsking(null)}>
            不改了
          </Tap>
        </View>
      ) : status === 'active' ? (
        <View>
          <Tap className='btn btn--secondary' testId='register-mark-deceased' onTap={() => setAsking('deceased')}>
            标记为已故
          </Tap>
          <Tap className='btn btn--secondary' testId='register-mark-moved-away' onTap={() => setAsking('movedAway')}>
            标记为已迁走（离开本县）
          </Tap>
        </View>
      ) : status === 'closed' ? null : (
        <Tap className='btn btn--secondary' testId='register-restore' onTap={() => setAsking('active')}>
          恢复在册
        </Tap>
      )}
      {error && <Notice kind='error' message={error} testId='register-error' />}
      {!asking && <CloseElderPanel elder={elder} onChanged={onChanged} />}
    </View>
  )
}
