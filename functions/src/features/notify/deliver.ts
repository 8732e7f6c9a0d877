import { templateFields } from '@yilin/contract';
import dayjs from 'dayjs';
import { BUSINESS_TIME_ZONE, epochSeconds, isoNow } from '../../platform/clock';
import { config } from '../../platform/config';
import { logger } from '../../platform/logger';
import { count } from '../../platform/metrics';
import type { Change } from '../../platform/stream';
import { sendSubscribeMessage } from '../../platform/wechat-messages';
import { writeTogether } from '../../store/transactions';
import type { UserItem } from '../people/entities';
import { getStaffPost } from '../people/data/staff';
import { MESSAGE_TTL_SECONDS, Message, MessageAllowance, type MessageItem } from './entities';
import { noticesOf, type Notice, type NoticeNames } from './rules/notices';
import { recipientsOf } from './recipients';
import { deadLetterExpiry } from '../../store/events';

/** The consumer name WeChat's undelivered messages are filed under as dead letters, whichever consumer made them. */
export const MESSAGES_CONSUMER = 'notify-events/messages';

/**
 * The notifications consumer: each change of an order, a visit, a wish, a redemption or an emergency call
 * becomes its notices (rules/notices.ts), and each notice one in-app message per person it reaches. A
 * person who accepted the notice's topic on WeChat also gets it as a subscribe message, spending one
 * acceptance.
 *
 * Exactly once per person, also when the stream delivers a record again: a message's key is made of the
 * change's time, topic and id, and it is created only if it does not exist; the acceptance is spent in the
 * same transaction. So a replay finds the message and sends nothing, and a record that failed half-way is
 * finished for the people it had not reached. WeChat's answer is kept on the message; one it did not take
 * ends as a dead letter with the reason, and on the community's list of failed notifications.
 */
export async function deliverNotices(change: Change): Promise<void> {
  const notices = noticesOf(change.entity, change.before, change.after, await namesFor(change));
  for (const notice of notices) {
    // The template is the notice's, whoever it reaches: resolved once, not per recipient.
    const template = templateOf(notice);
    const recipients = await recipientsOf(notice.audience);
    await Promise.all(recipients.map((recipient) => deliverTo(recipient, notice, template, change)));
  }
}

async function namesFor(change: Change): Promise<NoticeNames> {
  const staffId = change.entity === 'booking' ? (change.after?.staffId as string | undefined) : undefined;
  return staffId ? { staffName: (await getStaffPost(staffId))?.name } : {};
}

const wechatTime = (at: Date) => dayjs(at).tz(BUSINESS_TIME_ZONE).format('YYYY年M月D日 HH:mm');

/**
 * When the change was made, to the millisecond, as the item itself says (`updatedAt`); the stream's own time
 * only for an item without one. The stream's time is coarse (the second in the cloud, the minute in DynamoDB
 * Local), and messages made from changes of the same second sorted by their change ids, at random: the list
 * showed them out of order, and one made after the list was read could sort under the read mark.
 */
function timeOf(change: Change): string {
  const updatedAt = change.after?.updatedAt;
  const at = typeof updatedAt === 'string' ? new Date(updatedAt) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at.toISOString() : change.at.toISOString();
}

function messageOf(recipient: UserItem, notice: Notice, change: Change): MessageItem {
  const at = timeOf(change);
  return {
    userId: recipient.userId,
    messageKey: `${at}#${notice.topic}#${change.eventId}`,
    topic: notice.topic,
    ...(recipient.userId === notice.elderId && notice.toElder ? { title: notice.toElder.title ?? notice.title, body: notice.toElder.body } : { title: notice.title, body: notice.body }),
    page: notice.page,
    elderId: notice.elderId,
    elderName: notice.elderName,
    communityId: notice.communityId,
    recipientName: recipient.name,
    at,
    wechat: 'none',
    expiresAt: epochSeconds(change.at) + MESSAGE_TTL_SECONDS,
  };
}

interface Template {
  templateId: string;
  /** WeChat's keys of the template's four keywords: what, its state, when, a note. */
  keys: readonly string[];
}

function templateOf(notice: Notice): Template | undefined {
  const chosen = config.wechatTemplates[notice.topic];
  return chosen ? { templateId: chosen.templateId, keys: chosen.keys ?? templateFields.map((field) => field.key) } : undefined;
}

async function deliverTo(recipient: UserItem, notice: Notice, template: Template | undefined, change: Change): Promise<void> {
  const message = messageOf(recipient, notice, change);
  const allowance = recipient.openid && template ? await remainingOf(recipient.userId, template.templateId) : 0;
  if (allowance > 0) {
    const outcome = await writeTogether({
      message: ({ Message: messages }) => messages.create({ ...message, wechat: 'sending' }).commit(),
      allowance: ({ MessageAllowance: allowances }) =>
        allowances
          .patch({ userId: recipient.userId, templateId: template!.templateId })
          .add({ remaining: -1 })
          .set({ updatedAt: message.at })
          .where((attr, op) => op.gt(attr.remaining, 0))
          .commit(),
    });
    if (outcome.written) return sendOnWechat(message, recipient.openid!, template!, notice);
    if (outcome.failed.includes('message')) return settleInterrupted(message, template!);
    // The last acceptance was spent meanwhile (another message): this one stays in the app.
  }
  await createQuietly(message);
}

async function remainingOf(userId: string, templateId: string): Promise<number> {
  const { data } = await MessageAllowance.get({ userId, templateId }).go({ consistent: true });
  return data?.remaining ?? 0;
}

/** Creates the in-app message unless a delivery of the same change made it already. */
async function createQuietly(message: MessageItem): Promise<void> {
  const outcome = await writeTogether({ message: ({ Message: messages }) => messages.create(message).commit() });
  if (outcome.written) count('MessageKept');
}

/**
 * The record delivered again. A message still marked as being sent was cut off mid-send (a timeout, a crash):
 * whether WeChat got it is unknown, so it is not sent twice but counted as failed, where the community sees it.
 */
async function settleInterrupted(message: MessageItem, template: Template): Promise<void> {
  const { data: earlier } = await Message.get({ userId: message.userId, messageKey: message.messageKey }).go({ consistent: true });
  if (earlier?.wechat !== 'sending') return;
  await recordUndelivered(earlier, template, { status: 'failed', reason: '发送中断，不确定微信是否送达', attempts: 1 });
}

async function sendOnWechat(message: MessageItem, openid: string, template: Template, notice: Notice): Promise<void> {
  const values = [notice.what, notice.state, wechatTime(new Date(message.at)), notice.note];
  const data = Object.fromEntries(template.keys.map((key, index) => [key, values[index]]));
  const sent = await sendSubscribeMessage({ openid, templateId: template.templateId, page: message.page?.replace(/^\//, ''), data });
  if (sent.status === 'sent') {
    count('MessageSent');
    await Message.patch({ userId: message.userId, messageKey: message.messageKey }).set({ wechat: 'sent' }).go();
    return;
  }
  await recordUndelivered(message, template, sent);
}

/** WeChat did not take it: kept on the message, on the community's list, and as a dead letter with the reason. */
async function recordUndelivered(message: MessageItem, template: Template, outcome: { status: 'refused' | 'failed'; reason: string; attempts: number }): Promise<void> {
  count(outcome.status === 'refused' ? 'MessageRefused' : 'MessageFailed');
  logger.warn('subscribe message not delivered', { userId: message.userId, topic: message.topic, status: outcome.status, reason: outcome.reason });
  const key = { userId: message.userId, messageKey: message.messageKey };
  const allowance = { userId: message.userId, templateId: template.templateId };
  const at = isoNow();
  await writeTogether({
    message: ({ Message: messages }) =>
      messages
        .patch(key)
        .set({ wechat: outcome.status, wechatReason: outcome.reason, ...(message.communityId ? { failedCommunityId: message.communityId, failedAt: at } : {}) })
        .commit(),
    // Refused: WeChat holds no acceptance for this person any more, and our count says so too. Failed: WeChat
    // did not take the message, so the acceptance is still there for the next one.
    allowance: ({ MessageAllowance: allowances }) =>
      outcome.status === 'refused'
        ? allowances.patch(allowance).set({ remaining: 0, updatedAt: at }).commit()
        : allowances.patch(allowance).add({ remaining: 1 }).set({ updatedAt: at }).commit(),
    deadLetter: ({ DeadLetter: letters }) =>
      letters
        .put({
          consumer: MESSAGES_CONSUMER,
          eventId: `${message.userId}#${message.messageKey}`,
          reason: outcome.reason,
          attempts: outcome.attempts,
          record: JSON.stringify({ ...key, topic: message.topic, templateId: template.templateId }),
          at,
          expiresAt: deadLetterExpiry(at),
        })
        .commit(),
  });
}
