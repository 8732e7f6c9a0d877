import { useState } from 'react'
import { Picker, View } from '@tarojs/components'
import { type AuditPage, type ElderSummary } from '@yilin/contract'
import { listCommunityElders } from '../../api'
import { getCommunityAudit, type AuditFilter } from '../../api/audit'
import { AuditTrail } from '../../components/AuditTrail'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { chinaToday, formatDate } from '../../lib/format'
import { currentUser } from '../../lib/session'
import { useData } from '../../shared/useData'
import '../worker.css'

/** 操作记录 of the worker's community: who did what to whose records, newest first; by day, by elder. */
export default function WorkerAuditPage() {
  const communityId = currentUser()?.communityId || ''
  const [date, setDate] = useState('')
  const [elder, setElder] = useState<ElderSummary | null>(null)
  const filter: AuditFilter = { from: date, to: date, elderId: elder?.elderId }
  const trail = useData<AuditPage>(() => getCommunityAudit(communityId, filter), { deps: [date, elder?.elderId], enabled: communityId !== '' })
  // The community's elders to pick from (the first page: enough for a community's register at a glance).
  const elders = useData(() => listCommunityElders(communityId, undefined, 50), { enabled: communityId !== '' })
  const elderList = elders.data?.items ?? []

  return (
    <ElderPage dense>
      <View className='page-title'>操作记录</View>
      <View className='hint'>谁在什么时候改了哪位长辈的资料、看了谁的健康档案。记录不能修改或删除。</View>
      {!communityId && <Notice kind='error' message='没有找到您所在的社区，请联系县级平台。' testId='worker-audit-no-community' />}
      <Picker mode='date' value={date || chinaToday()} end={chinaToday()} onChange={(e) => setDate(e.detail.value)}>
        <Tap className='picker' testId='worker-audit-date' label={date ? `日期：${formatDate(date)}，点按修改` : '全部日期（点按选一天）'}>
          {date ? `日期：${formatDate(date)} ›` : '全部日期（点按选一天）›'}
        </Tap>
      </Picker>
      <Picker mode='selector' range={elderList.map((item) => item.name)} onChange={(e) => setElder(elderList[Number(e.detail.value)] ?? null)}>
        <Tap className='picker' testId='worker-audit-elder' label={elder ? `长辈：${elder.name}，点按换一位` : '全部长辈（点按选一位）'}>
          {elder ? `长辈：${elder.name} ›` : '全部长辈（点按选一位）›'}
        </Tap>
      </Picker>
      {(date || elder) && (
        <Tap
          className='btn btn--secondary'
          testId='worker-audit-clear'
          onTap={() => {
            setDate('')
            setElder(null)
          }}
        >
          看全部记录
        </Tap>
      )}
      <AuditTrail trail={trail} older={(before) => getCommunityAudit(communityId, { ...filter, before })} testId='worker-audit' />
    </ElderPage>
  )
}
