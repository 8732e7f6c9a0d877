import { View } from '@tarojs/components'
import { auditChangesText, isAuditRead, type AuditEntry, type AuditPage } from '@yilin/contract'
import { formatMonthDayTime } from '../lib/format'
import { useAction } from '../shared/useAction'
import type { DataState } from '../shared/useData'
import { DataStatus } from './DataStatus'
import { Notice } from './Notice'
import { Tap } from './Tap'

/** One entry: when, who (role and name), what in words, to whom, and the fields changed. */
function EntryRow({ entry }: { entry: AuditEntry }) {
  const changes = isAuditRead(entry.action) ? '' : auditChangesText(entry.changes, entry.action)
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

/**
 * A trail as workers and the admin read it: newest first, 加载更多 for the page before. `older` asks for the
 * page before an entry (the same filters, `before` set).
 */
export function AuditTrail({ trail, older, testId }: { trail: DataState<AuditPage>; older: (before: string) => Promise<AuditPage>; testId: string }) {
  const more = useAction()
  const loadMore = () =>
    more.run(async () => {
      const next = await older(trail.data?.before ?? '')
      trail.setData((current) => ({ entries: [...current.entries, ...next.entries], before: next.before }))
    })
  return (
    <>
      <DataStatus state={trail} testId={testId} empty={{ when: (page) => page.entries.length === 0, message: '没有符合条件的记录。' }} />
      {(trail.data?.entries ?? []).map((entry) => (
        <EntryRow key={entry.eventId} entry={entry} />
      ))}
      {more.error && <Notice kind='error' message={more.error} testId={`${testId}-more-error`} />}
      {trail.data?.before && (
        <Tap className='btn btn--secondary' testId={`${testId}-more`} onTap={() => void loadMore()}>
          {more.busy ? '正在加载…' : '加载更多'}
        </Tap>
      )}
    </>
  )
}
