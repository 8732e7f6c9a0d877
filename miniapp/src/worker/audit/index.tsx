import { useState } from 'react'
import { Picker, View } from '@tarojs/components'
import { auditChangesText, type AuditEntry, type AuditPage, type ElderSummary } from '@yilin/contract'
import { listCommunityElders } from '../../api'
import { getCommunityAudit, type AuditFilter } from '../../api/audit'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { chinaToday, formatDate, formatMonthDayTime } from '../../lib/format'
import { currentUser } from '../../lib/session'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'
import '../worker.css'

/** One entry: when, who (role and name), what in words, to whom, and the fields changed. */
function EntryRow({ entry }: { entry: AuditEntry }) {
  const changes = entry.action === 'health.read' ? '' : auditChangesText(entry.changes, entry.action)
  return (
    <View className='worker-row' data-testid={`audit-entry-${entry.eventId}`}>
      <View className='worker-row__name'>
        {entry.actorRoleName} {entry.actorName} {entry.actionName}
        {entry.concernsName ? `（${entry.concernsName}）` : ''}
      </View>
      <View className='worker-row__note'>{formatMonthDayTime(entry.at)}</View>
      {changes && <View className='worker-row__note'>{changes}</View>}
    </View>
  )
}

/** 操作记录 of the worker's community: who did what to whose records, newest first; by day, by elder. */
export default function WorkerAuditPage() {
  const communityId = currentUser()?.communityId || ''
  const [date, setDate] = useState('')
  const [elder, setElder] = useState<ElderSummary | null>(null)
  const filter: AuditFilter = { from: date, to: date, elderId: elder?.elderId }
  const trail = useData<AuditPage>(() => getCommunityAudit(communityId, filter), { deps: [date, elder?.elderId], enabled: communityId !== '' })
  // The community's elders to pick from (the first page: enough for a community's register at a glance).
  const elders = useData(() => listCommunityElders(communityId, undefined, 50), { enabled: communityId !== '' })
  const more = useAction()
  const entries = trail.data?.entries ?? []
  const elderList = elders.data?.items ?? []

  const loadMore = () =>
    more.run(async () => {
      const next = await getCommunityAudit(communityId, { ...filter, before: trail.data?.before })
      trail.setData((current) => ({ entries: [...current.entries, ...next.entries], before: next.before }))
    })

  return (
    <ElderPage dense>
      <View className='page-title'>操作记录</View>
      <View className='hint'>谁在什么时候改了哪位长辈的资料、看了谁的健康档案。记录不能修改或删除。</View>
      {!communityId && <Notice kind='error' message='没有找到您所在的社区，请联系县级平台。' testId='worker-audit-no-community' />}
      <Picker mode='date' value={date || chinaToday()} end={chinaToday()} onChange={(e) => setDate(e.detail.value)}>
        <Tap className='picker' testId='worker-audit-date' label={date ? `日期：${formatDate(date)}，点按修改` : '按日期查看，点按选择'}>
          {date ? `日期：${formatDate(date)} ›` : '全部日期（点按选一天）›'}
        </Tap>
      </Picker>
      <Picker mode='selector' range={elderList.map((item) => item.name)} onChange={(e) => setElder(elderList[Number(e.detail.value)] ?? null)}>
        <Tap className='picker' testId='worker-audit-elder' label={elder ? `长辈：${elder.name}，点按换一位` : '按长辈查看，点按选择'}>
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
      <DataStatus state={trail} testId='worker-audit' empty={{ when: (page) => page.entries.length === 0, message: '没有符合条件的记录。' }} />
      {entries.map((entry) => (
        <EntryRow key={entry.eventId} entry={entry} />
      ))}
      {more.error && <Notice kind='error' message={more.error} testId='worker-audit-more-error' />}
      {trail.data?.before && (
        <Tap className='btn btn--secondary' testId='worker-audit-more' onTap={() => void loadMore()}>
          {more.busy ? '正在加载…' : '加载更多'}
        </Tap>
      )}
    </ElderPage>
  )
}
