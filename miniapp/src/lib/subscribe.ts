import Taro from '@tarojs/taro'
import { subscribeAsks, type MessageTopic, type SubscribeAnswer, type SubscribeAsk, type TopicSubscription } from '@yilin/contract'
import { getSubscriptions, saveSubscriptions } from '../api/notify'
import { newIdempotencyKey } from './canteen'

/**
 * WeChat subscribe messages (订阅消息). WeChat shows its dialog only while the person's tap is being handled,
 * so the templates are known before the tap: {@link loadSubscriptionTopics} reads them when a page opens, and
 * {@link askToSubscribe} is called first thing in the tap, before anything else awaits. What the person
 * answered is sent to the server, which counts one message per acceptance. In the browser there is no such
 * dialog: messages stay in the app's list.
 */

let topics: TopicSubscription[] | undefined

/** Reads which topics have a WeChat template (once per app launch); harmless to call on every page show. */
export async function loadSubscriptionTopics(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || topics) return
  try {
    topics = (await getSubscriptions()).topics
  } catch {
    // Without the list the taps simply do not ask: the messages still reach the in-app list.
  }
}

/**
 * WeChat's answer for one template: `accept` (also `acceptWithAudio` / `acceptWithAlert`, accepted with a sound or
 * a reminder), `reject`, `ban` (switched off for this user); `filter` (WeChat left a template out) says nothing.
 */
function answerOf(value: unknown): SubscribeAnswer | undefined {
  if (typeof value !== 'string') return undefined
  if (value.startsWith('accept')) return 'accept'
  return value === 'reject' || value === 'ban' ? value : undefined
}

/**
 * Asks for the topics a tap leads to (placing an order: its confirmation and delivery). Never throws and
 * never blocks the tap's own work: call it without awaiting, before the tap's first await.
 */
export function askToSubscribe(ask: SubscribeAsk): void {
  if (process.env.TARO_ENV !== 'weapp' || !topics) return
  const wanted = (subscribeAsks[ask] as readonly MessageTopic[])
    .map((topic) => topics!.find((known) => known.topic === topic))
    .filter((known): known is TopicSubscription & { templateId: string } => !!known?.templateId)
  if (wanted.length === 0) return
  // Topics may share a template: WeChat asks once for it, and its answer counts for each of them.
  Taro.requestSubscribeMessage({ tmplIds: [...new Set(wanted.map((topic) => topic.templateId))], entityIds: [] })
    .then((reply) => {
      const result = reply as unknown as Record<string, unknown>
      const answers: Partial<Record<MessageTopic, SubscribeAnswer>> = {}
      for (const topic of wanted) {
        const answer = answerOf(result[topic.templateId])
        if (answer) answers[topic.topic] = answer
      }
      if (Object.keys(answers).length > 0) return saveSubscriptions({ idempotencyKey: newIdempotencyKey(), answers }).then(() => undefined)
    })
    .catch(() => undefined)
}
