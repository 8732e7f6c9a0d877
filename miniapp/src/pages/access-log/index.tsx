import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { auditChangesText, elderSideActionName, isAuditRead, type AuditEntry, type AuditPage } from '@yilin/contract'
import { getAccessLog } from '../../api/audit'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { elderIdForPage } from '../../lib/currentElder'
import { formatMonthDayTime } from '../../lib/format'
import { currentUser } from '../../lib/session'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'
import './index.css'

type Log = { elderId: string; page: AuditPage }

/**
 * One entry as a sentence: "11月28日 14:05 社区工作者 李娟 查看了您的健康档案". The elder is spoken to as 您;
 * a relative reads the same about their elder.
 */
function accessSentence(entry: AuditEntry, toElder: boolean): string {
  const action = toElder ? elderSideActionName(entry.action) : entry.actionName
  return `${formatMonthDayTime(entry.at)} ${entry.actorRoleName} ${entry.actorName} ${action}`
}

function EntryRow({ entry, toElder }: { entry: AuditEntry; toElder: boolean }) {
  const changes = isAuditRead(entry.action) ? '' : auditChangesText(entry.changes, entry.action)
  return (
    <View className='access-log__entry' data-testid={`access-log-entry-${entry.eventId}`}>
      <View className='access-log__sentence'>{accessSentence(entry, toElder)}</View>
      {changes && <View className='access-log__changes'>{changes}</View>}
    </View>
  )
}

/** 谁看过、改过您的资料: the elder's (or a bound relative's, `?elderId=`) log, newest first. */
export default function AccessLogPage() {
  const { params } = useRouter()
  const toElder = currentUser()?.role === 'elder'
  // Null when a family member has no bound elder.
  const log = useData<Log | null>(
    async () => {
      const elderId = await elderIdForPage(params.elderId)
      if (!elderId) return null
      return { elderId, page: await getAccessLog(elderId) }
    },
    { onShow: true },
  )
  const more = useAction()
  const entries = log.data?.page.entries ?? []
  const elderName = entries[0]?.concernsName

  const loadMore = () =>
    more.run(async () => {
      const current = log.data
      if (!current) return
      const next = await getAccessLog(current.elderId, current.page.before)
      log.setData((loaded) => loaded && { ...loaded, page: { entries: [...loaded.page.entries, ...next.entries], before: next.before } })
    })

  return (
    <ElderPage>
      <View className='page-title' data-testid='access-log-title'>
        {toElder || !elderName ? '谁看过、改过您的资料' : `谁看过、改过${elderName}的资料`}
      </View>
      <View className='hint'>社区工作者、医生护士看过健康档案，或者改过资料，都记在这里，谁也改不了、删不掉。</View>
      {log.data === null && <Notice kind='info' message='您还没有绑定长辈。' testId='access-log-no-elder' />}
      <DataStatus state={log} testId='access-log' empty={{ when: (data) => data.page.entries.length === 0, message: '还没有别人看过或改过。' }} />
      {entries.map((entry) => (
        <EntryRow key={entry.eventId} entry={entry} toElder={toElder} />
      ))}
      {more.error && <Notice kind='error' message={more.error} testId='access-log-more-error' />}
      {log.data?.page.before && (
        <Tap className='btn btn--secondary' testId='access-log-more' onTap={() => void loadMore()}>
          {more.busy ? '正在加载…' : '加载更多'}
        </Tap>
      )}
    </ElderPage>
  )
}
