import { useState } from 'react'
import { View } from '@tarojs/components'
import type { AddWorkerResponse, WorkerView } from '@yilin/contract'
import { getOrg, listWorkers } from '../../api'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { OneTimeCode } from '../../components/OneTimeCode'
import { useData } from '../../shared/useData'
import { AddWorkerForm } from './AddWorkerForm'
import { STAFF_CODE_RULE } from '../../lib/labels'
import { WorkerCard } from './WorkerCard'

/**
 * The county's workers and service staff: who works where, who is 待绑定微信, 在岗 or 已离岗, who holds an
 * unused 岗位码; add someone (their code shown large), give a new code, move, retire.
 */
export default function WorkersPage() {
  const loaded = useData(async () => {
    const [org, workers] = await Promise.all([getOrg(), listWorkers()])
    return { org, workers }
  })
  const [added, setAdded] = useState<AddWorkerResponse | null>(null)
  const data = loaded.data

  const replace = (next: WorkerView) =>
    loaded.setData((current) => ({ ...current, workers: { ...current.workers, items: current.workers.items.map((item) => (item.userId === next.userId ? next : item)) } }))

  return (
    <ElderPage dense>
      <DataStatus state={loaded} testId='workers' />
      {data && (
        <>
          {added && (
            <View className='card' data-testid='added-worker'>
              <View className='card__title'>已添加{added.worker.name}{added.code ? '，请把岗位码交给本人' : '，已绑定微信'}</View>
              {added.code && <OneTimeCode code={added.code.code} expiresAt={added.code.expiresAt} rule={STAFF_CODE_RULE} testId='added-worker-code' />}
            </View>
          )}
          <AddWorkerForm
            org={data.org}
            onAdded={(result) => {
              setAdded(result)
              loaded.setData((current) => ({ ...current, workers: { ...current.workers, items: [...current.workers.items, result.worker] } }))
            }}
          />
          <View className='page-title'>全县工作人员</View>
          {data.workers.items.length === 0 && <View className='hint' data-testid='workers-empty'>还没有添加工作人员。</View>}
          {data.workers.items.map((worker) => (
            <WorkerCard key={worker.userId} worker={worker} org={data.org} onChanged={replace} />
          ))}
          {data.workers.cursor && <View className='hint'>只显示了前 50 位。</View>}
        </>
      )}
    </ElderPage>
  )
}
