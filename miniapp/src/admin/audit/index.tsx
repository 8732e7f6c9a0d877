import { useState } from 'react'
import { Picker, View } from '@tarojs/components'
import { type AuditPage, type ElderSummary, type WorkerView } from '@yilin/contract'
import { getOrg, listCommunityElders, listWorkers } from '../../api'
import { getCountyAudit, type AuditFilter } from '../../api/audit'
import { AuditTrail } from '../../components/AuditTrail'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Tap } from '../../components/Tap'
import { chinaToday, formatDate } from '../../lib/format'
import { useData } from '../../shared/useData'

function DatePick({ value, onChange, label, testId }: { value: string; onChange: (date: string) => void; label: string; testId: string }) {
  const today = chinaToday()
  return (
    <Picker mode='date' value={value || today} end={today} onChange={(e) => onChange(e.detail.value)}>
      <Tap className='picker' testId={testId} label={`${label}：${value ? formatDate(value) : '不限'}，点按修改`}>
        {label}：{value ? formatDate(value) : '不限'} ›
      </Tap>
    </Picker>
  )
}

/**
 * 操作记录 of the county: filter by the person who acted (from the county's workers), by an elder (a community
 * first, then one of its elders) and by a range of dates; newest first, 30 at a time.
 */
export default function AdminAuditPage() {
  const choices = useData(async () => {
    const [org, workers] = await Promise.all([getOrg(), listWorkers()])
    return { org, workers: workers.items }
  })
  const org = choices.data?.org
  const workers: WorkerView[] = choices.data?.workers ?? []
  const communities = org?.centres.flatMap((centre) => centre.communities) ?? []
  const [actor, setActor] = useState<WorkerView | null>(null)
  const [communityId, setCommunityId] = useState('')
  const [elder, setElder] = useState<ElderSummary | null>(null)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const countyId = org?.county.countyId ?? ''
  const filter: AuditFilter = { actorId: actor?.userId, elderId: elder?.elderId, from, to }
  const trail = useData<AuditPage>(() => getCountyAudit(countyId, filter), { deps: [countyId, actor?.userId, elder?.elderId, from, to], enabled: countyId !== '' })
  const elders = useData(() => listCommunityElders(communityId, undefined, 50), { deps: [communityId], enabled: communityId !== '' })
  const elderList = elders.data?.items ?? []
  const communityName = communities.find((community) => community.communityId === communityId)?.name

  return (
    <ElderPage dense>
      <View className='page-title'>全县操作记录</View>
      <View className='hint'>按人、按长辈、按日期查谁做了什么。记录不能修改或删除。</View>
      <DataStatus state={choices} testId='admin-audit-choices' />
      <Picker mode='selector' range={workers.map((worker) => `${worker.name}（${worker.communityName ?? worker.centreName}）`)} onChange={(e) => setActor(workers[Number(e.detail.value)] ?? null)}>
        <Tap className='picker' testId='admin-audit-actor' label={`操作人：${actor ? `${actor.name}，点按换一位` : '不限，点按选一位'}`}>
          操作人：{actor ? actor.name : '不限'} ›
        </Tap>
      </Picker>
      <Picker
        mode='selector'
        range={communities.map((community) => community.name)}
        onChange={(e) => {
          setCommunityId(communities[Number(e.detail.value)]?.communityId ?? '')
          setElder(null)
        }}
      >
        <Tap className='picker' testId='admin-audit-community' label={`长辈所在社区：${communityName ?? '未选'}，点按选社区`}>
          长辈所在社区：{communityName ?? '未选'} ›
        </Tap>
      </Picker>
      {communityId && (
        <Picker mode='selector' range={elderList.map((item) => item.name)} onChange={(e) => setElder(elderList[Number(e.detail.value)] ?? null)}>
          <Tap className='picker' testId='admin-audit-elder' label={`长辈：${elder ? `${elder.name}，点按换一位` : '不限，点按选一位'}`}>
            长辈：{elder ? elder.name : '不限'} ›
          </Tap>
        </Picker>
      )}
      <DatePick value={from} onChange={setFrom} label='从' testId='admin-audit-from' />
      <DatePick value={to} onChange={setTo} label='到' testId='admin-audit-to' />
      {(actor || elder || communityId || from || to) && (
        <Tap
          className='btn btn--secondary'
          testId='admin-audit-clear'
          onTap={() => {
            setActor(null)
            setCommunityId('')
            setElder(null)
            setFrom('')
            setTo('')
          }}
        >
          清除筛选
        </Tap>
      )}
      <AuditTrail trail={trail} older={(before) => getCountyAudit(countyId, { ...filter, before })} testId='admin-audit' />
    </ElderPage>
  )
}
