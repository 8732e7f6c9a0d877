import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { wechatDeliveryNames, type MessageView, type MessagesPage } from '@yilin/contract'
import { getMessages, markMessagesRead } from '../../api/notify'
import { askToSubscribe, loadSubscriptionTopics } from '../../lib/subscribe'
import { DataStatus } from '../../components/DataStatus'
import { ElderPage } from '../../components/ElderPage'
import { Notice } from '../../components/Notice'
import { Tap } from '../../components/Tap'
import { formatMonthDayTime } from '../../lib/format'
import { goTo } from '../../lib/navigation'
import { useAction } from '../../shared/useAction'
import { useData } from '../../shared/useData'
import './index.css'

/** Only a WeChat copy that did not arrive is worth a line: the in-app copy is the one being read. */
const notDelivered = (message: MessageView) => message.wechat === 'failed' || message.wechat === 'refused'

function MessageRow({ message, index }: { message: MessageView; index: number }) {
  const testId = `messages-row-${index}`
  const content = (
    <>
      <View className='message-row__head'>
        {!message.read && <View className='status status--new message-row__new'>新</View>}
        <View className='message-row__title'>{message.title}</View>
      </View>
      <View className='message-row__body'>{message.body}</View>
      <View className='message-row__meta'>
        {formatMonthDayTime(message.at)}
        {message.elderName ? ` · ${message.elderName}` : ''}
      </View>
      {notDelivered(message) && <View className='message-row__meta'>{wechatDeliveryNames[message.wechat]}</View>}
      {message.page && <View className='message-row__open'>查看详情 ›</View>}
    </>
  )
  const page = message.page
  if (!page) {
    return (
      <View className='message-row' data-testid={testId}>
        {content}
      </View>
    )
  }
  return (
    <Tap className='message-row message-row--link' testId={testId} onTap={() => goTo(page)}>
      {content}
    </Tap>
  )
}

/**
 * 消息: everything the app told this person, newest first; the ones not seen before marked 新. Once they are
 * on screen they count as seen (the marks stay until the page is opened again).
 */
export default function MessagesListPage() {
  const list = useData<MessagesPage>(
    async () => {
      const page = await getMessages()
      // Not awaited: a mark that fails is made again next time, and the list is shown either way.
      // Marked up to the newest message shown: one arriving meanwhile still counts as new next time.
      if (page.unread > 0 && page.messages[0]) void markMessagesRead(page.messages[0].messageId).catch(() => undefined)
      return page
    },
    { onShow: true },
  )
  // A subscribe message opens this page straight from WeChat: the templates for the button are read here too.
  useDidShow(() => void loadSubscriptionTopics())
  const more = useAction()
  const messages = list.data?.messages ?? []

  const loadMore = () =>
    more.run(async () => {
      const cursor = list.data?.cursor
      if (!cursor) return
      const next = await getMessages(cursor)
      list.setData((loaded) => ({ ...loaded, messages: [...loaded.messages, ...next.messages], cursor: next.cursor }))
    })

  return (
    <ElderPage>
      <View className='page-title'>消息</View>
      {/* WeChat lets the app ask only on a tap, and each yes is one message: here is a tap to say yes again. */}
      {process.env.TARO_ENV === 'weapp' && (
        <Tap className='btn btn--secondary' testId='messages-subscribe' onTap={() => askToSubscribe('messages')}>
          在微信里收到提醒（求助、送餐、上门）
        </Tap>
      )}
      <DataStatus state={list} testId='messages' empty={{ when: (data) => data.messages.length === 0, message: '还没有消息' }} />
      {messages.map((message, index) => (
        <MessageRow key={message.messageId} message={message} index={index} />
      ))}
      {more.error && <Notice kind='error' message={more.error} testId='messages-more-error' />}
      {list.data?.cursor && (
        <Tap className='btn btn--secondary' testId='messages-more' onTap={() => void loadMore()}>
          {more.busy ? '正在加载…' : '加载更多'}
        </Tap>
      )}
    </ElderPage>
  )
}
