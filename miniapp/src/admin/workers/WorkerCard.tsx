import { useState } from 'react'
import { View } from '@tarojs/components'
import { roleNames, staffStatusNames, type OrgResponse, type WorkerView } from '@yilin/contract'
import { createWorkerCode, moveWorker, retireWorker, revokeWorkerCode } from '../../api'
import { Notice } from '../../components/Notice'
import { OneTimeCodePanel } from '../../components/OneTimeCodePanel'
import { Tap } from '../../components/Tap'
import { formatDateTime } from '../../lib/format'
import { STAFF_CODE_RULE } from '../../lib/labels'
import { useAction } from '../../shared/useAction'
import { PlaceChoices, type PlaceChoice } from './PlaceChoices'

/** Rights of a moved or retired worker end within this many minutes (the server's standing check). */
const RIGHTS_END_MINUTES = 1

const placeOf = (worker: WorkerView) => worker.communityName ? `${worker.communityName}（${worker.centreName}）` : worker.centreName

/** One line about the person: 岗位 · 地方 · 状态, and whether a code of theirs is still unused. */
export function WorkerSummary({ worker }: { worker: WorkerView }) {
  return (
    <View>
      <View className='worker-row__name'>
        {worker.name}（{roleNames[worker.role]}）
      </View>
      <View className='hint' data-testid={`worker-${worker.userId}-summary`}>
        {placeOf(worker)} · {staffStatusNames[worker.status]} · {worker.phone}
      </View>
      {worker.liveCode && (
        <View className='hint' data-testid={`worker-${worker.userId}-live-code`}>
          有未使用的岗位码，有效期到 {formatDateTime(worker.liveCode.expiresAt)}
        </View>
      )}
    </View>
  )
}

interface Props {
  worker: WorkerView
  org: OrgResponse
  onChanged: (worker: WorkerView) => void
}

/** A worker or staff member with what the admin can do: their 岗位码, a move, retirement (confirmed on the page). */
export function WorkerCard({ worker, org, onChanged }: Props) {
  const [open, setOpen] = useState(false)
  const [place, setPlace] = useState<PlaceChoice | null>(null)
  const [confirmRetire, setConfirmRetire] = useState(false)
  const { busy, error, setError, done, setDone, run } = useAction()
  const testId = `worker-${worker.userId}`

  function move() {
    if (!place) {
      setError('请先在上面选新的地方。')
      return
    }
    void run(async () => {
      onChanged(await moveWorker(worker.userId, place))
      setPlace(null)
      setDone(`已调岗。${worker.name}现在的登录 ${RIGHTS_END_MINUTES} 分钟内失效，重新登录后就是新岗位。`)
    })
  }

  const retire = () =>
    run(async () => {
      onChanged(await retireWorker(worker.userId))
      setConfirmRetire(false)
      setDone(`${worker.name}已离岗，${RIGHTS_END_MINUTES} 分钟内不能再用工作账号。`)
    })

  return (
    <View className='card' data-testid={testId}>
      <WorkerSummary worker={worker} />
      {worker.status !== 'retired' && !open && (
        <Tap className='btn btn--secondary' testId={`${testId}-open`} label={`管理：${worker.name}`} onTap={() => setOpen(true)}>
          岗位码、调岗、离岗
        </Tap>
      )}
      {done && <Notice kind='success' message={done} testId={`${testId}-done`} />}
      {worker.status !== 'retired' && open && (
        <View>
          <OneTimeCodePanel
            create={async () => {
              const view = await createWorkerCode(worker.userId)
              onChanged(view)
              return view.liveCode!
            }}
            revoke={async () => {
              await revokeWorkerCode(worker.userId)
              onChanged({ ...worker, liveCode: null })
            }}
            live={worker.liveCode}
            title='岗位码'
            hint={worker.status === 'invited' ? '还没有绑定微信。把岗位码当面交给本人。' : '已绑定微信。换了手机时，生成新的岗位码让本人在新微信里输入。'}
            rule={STAFF_CODE_RULE}
            codeName='岗位码'
            testId={`${testId}-code`}
          />
          <PlaceChoices org={org} role={worker.role} value={place} onChange={setPlace} testId={`${testId}-place`} />
          <Tap className='btn btn--primary' testId={`${testId}-move`} onTap={move}>
            调到选中的地方
          </Tap>
          {confirmRetire ? (
            <View className='notice notice--error' data-testid={`${testId}-retire-confirm`}>
              <View>确定让{worker.name}离岗吗？离岗后他的微信 {RIGHTS_END_MINUTES} 分钟内不能再用工作账号，岗位码也作废。</View>
              <Tap className='btn btn--primary' testId={`${testId}-retire-yes`} onTap={retire}>
                {busy ? '请稍候…' : '确定离岗'}
              </Tap>
              <Tap className='btn btn--secondary' testId={`${testId}-retire-no`} onTap={() => setConfirmRetire(false)}>
                取消
              </Tap>
            </View>
          ) : (
            <Tap className='btn btn--secondary' testId={`${testId}-retire`} onTap={() => setConfirmRetire(true)}>
              离岗
            </Tap>
          )}
          {error && <Notice kind='error' message={error} testId={`${testId}-error`} />}
        </View>
      )}
    </View>
  )
}
