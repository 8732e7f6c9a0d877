import { useState } from 'react'
import { View } from '@tarojs/components'
import { getDutyPhone, getFailedNotifications, setDutyPhone } from '../../api/notify'
import { DataStatus } from '../../components/DataStatus'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { PhoneInput } from '../../components/TextInput'
import { formatMonthDayTime } from '../../lib/format'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'

/** What only a community's worker keeps on the 紧急求助 page: the duty line and whose WeChat message did not go. */

/** The community's duty line, the number an elder calling for help sees after 120. */
export function DutyLine({ communityId }: { communityId: string }) {
  const duty = useData(() => getDutyPhone(communityId))
  const [draft, setDraft] = useState<string | null>(null)
  const save = useAction()
  const value = draft ?? duty.data?.dutyPhone ?? ''
  const submit = () =>
    save.run(async () => {
      const saved = await setDutyPhone(communityId, value.trim())
      duty.setData(saved)
      setDraft(null)
      save.setDone('值班电话已保存，长辈求助时会看到这个号码。')
    })
  return (
    <>
      <View className='section-title'>社区值班电话</View>
      <View className='hint'>长辈按了紧急求助，除了 120，还会看到这个号码，点一下就能打。</View>
      <DataStatus state={duty} testId='alerts-duty' />
      {duty.data && (
        <>
          <PhoneInput label='社区值班电话' value={value} testId='alerts-duty-phone' onInput={setDraft} />
          {save.error && <Notice kind='error' message={save.error} testId='alerts-duty-error' />}
          {save.done && <Notice kind='success' message={save.done} testId='alerts-duty-done' />}
          <Tap className='btn btn--primary' testId='alerts-duty-save' onTap={() => void submit()}>
            {save.busy ? '正在保存…' : '保存值班电话'}
          </Tap>
        </>
      )}
    </>
  )
}

/** Whose WeChat message did not go: the worker reaches them another way. */
export function FailedNotifications({ communityId }: { communityId: string }) {
  const failed = useData(() => getFailedNotifications(communityId), { onShow: true })
  const more = useAction()
  const loadMore = () =>
    more.run(async () => {
      const cursor = failed.data?.cursor
      if (!cursor) return
      const next = await getFailedNotifications(communityId, cursor)
      failed.setData((page) => ({ items: [...page.items, ...next.items], cursor: next.cursor }))
    })
  return (
    <>
      <View className='section-title'>微信没发出去的通知</View>
      <View className='hint'>这些人没收到微信提醒，请打电话或上门告诉他们。</View>
      <DataStatus state={failed} testId='alerts-failed' empty={{ when: (page) => page.items.length === 0, message: '没有发送失败的通知' }} />
      {(failed.data?.items ?? []).map((item, index) => (
        <View key={item.messageId} className='worker-row' data-testid={`alerts-failed-${index}`}>
          <View className='worker-row__name'>
            {item.recipientName}
            {item.elderName && item.elderName !== item.recipientName ? `（关于${item.elderName}）` : ''}
          </View>
          <View>{item.title}</View>
          <View className='worker-row__note'>
            {formatMonthDayTime(item.at)}，{item.reason || '原因不明'}
          </View>
        </View>
      ))}
      {more.error && <Notice kind='error' message={more.error} testId='alerts-failed-more-error' />}
      {failed.data?.cursor && (
        <Tap className='btn btn--secondary' testId='alerts-failed-more' onTap={() => void loadMore()}>
          {more.busy ? '正在加载…' : '加载更多'}
        </Tap>
      )}
    </>
  )
}
