import {
  messageTopics,
  topicNames,
  type FailedNotificationsPage,
  type MessageTopic,
  type SubscribeAnswer,
  type MessageView,
  type MessagesPage,
  type SubscriptionsInput,
  type SubscriptionsView,
} from '@yilin/contract';
import { epochSeconds, clock, isoNow } from '../../platform/clock';
import { config } from '../../platform/config';
import type { Session } from '../../platform/session-token';
import { checkCursor, rethrowBadCursor } from '../../store/errors';
import { callerClaim, earlierResult, rememberRequest } from '../../store/idempotency';
import { writeTogether } from '../../store/transactions';
import { assertCommunityAccess } from '../wishes/review';
import { Message, MessageAllowance, MessageReadMark, type MessageItem } from './entities';

/** A person's in-app messages and WeChat subscriptions; a community's notifications WeChat did not take. */

export const MESSAGES_PAGE_SIZE = 30;
/** Unread messages are counted up to this; the list says "99+" beyond. */
const UNREAD_COUNT_LIMIT = 100;

async function readUpTo(userId: string): Promise<string> {
  const { data } = await MessageReadMark.get({ userId }).go();
  return data?.readUpTo ?? '';
}

function messageView(message: MessageItem, seenUpTo: string): MessageView {
  return {
    messageId: message.messageKey,
    topic: message.topic,
    title: message.title,
    body: message.body,
    at: message.at,
    ...(message.page ? { page: message.page } : {}),
    ...(message.elderName ? { elderName: message.elderName } : {}),
    read: message.messageKey <= seenUpTo,
    wechat: message.wechat,
  };
}

/** Every message a person has (a copy of their data, closing their account), oldest first. */
export async function allMessagesOf(userId: string): Promise<MessageItem[]> {
  const { data } = await Message.query.byUser({ userId }).go({ pages: 'all' });
  return data;
}

/** Newest first, with how many the person has not seen yet. */
export async function myMessages(session: Session, cursor: string | undefined): Promise<MessagesPage> {
  const seenUpTo = await readUpTo(session.userId);
  try {
    const [page, unseen] = await Promise.all([
      Message.query.byUser({ userId: session.userId }).go({ order: 'desc', limit: MESSAGES_PAGE_SIZE, cursor: checkCursor(cursor, 'primary') ?? null }),
      Message.query.byUser({ userId: session.userId }).gt({ messageKey: seenUpTo }).go({ limit: UNREAD_COUNT_LIMIT, attributes: ['messageKey'] }),
    ]);
    return { messages: page.data.map((message) => messageView(message, seenUpTo)), unread: unseen.data.length, ...(page.cursor ? { cursor: page.cursor } : {}) };
  } catch (error) {
    return rethrowBadCursor(error);
  }
}

/**
 * The person has seen their messages up to `upTo` (the newest the app showed), or, without it, all they
 * have now. The mark is a message key, not the time of reading: a key starts with the time of the change it
 * tells about, and the consumer makes the message a moment after the change, so a change made just before the
 * list was read would sort under "now" and never count as new. The mark only moves forward (two phones).
 */
export async function markRead(session: Session, upTo?: string): Promise<void> {
  const { data: newest } = await Message.query.byUser({ userId: session.userId }).go({ order: 'desc', limit: 1, attributes: ['messageKey'] });
  const mark = upTo ?? newest[0]?.messageKey;
  if (!mark) return;
  await writeTogether({
    mark: ({ MessageReadMark: marks }) =>
      marks
        .put({ userId: session.userId, readUpTo: mark })
        .where((attr, op) => `${op.notExists(attr.readUpTo)} OR ${op.lt(attr.readUpTo, mark)}`)
        .commit(),
  });
}

async function subscriptionsOf(userId: string): Promise<SubscriptionsView> {
  const { data: allowances } = await MessageAllowance.query.byUser({ userId }).go({ consistent: true });
  const templates = config.wechatTemplates;
  return {
    topics: messageTopics.map((topic) => {
      const templateId = templates[topic]?.templateId;
      return {
        topic,
        label: topicNames[topic],
        ...(templateId ? { templateId, remaining: allowances.find((allowance) => allowance.templateId === templateId)?.remaining ?? 0 } : { remaining: 0 }),
      };
    }),
  };
}

export const mySubscriptions = (session: Session) => subscriptionsOf(session.userId);

/**
 * What WeChat's subscribe dialog answered, by topic: each acceptance lets one more message of its template
 * through (topics sharing a template are one acceptance, as WeChat shows that template once); "ban" (the
 * template switched off for this user) means none will. A retried request counts once.
 */
export async function subscribe(session: Session, input: SubscriptionsInput): Promise<SubscriptionsView> {
  const answers = Object.entries(input.answers) as Array<[MessageTopic, SubscribeAnswer]>;
  const claim = callerClaim(session.userId, input.idempotencyKey, ['notify.subscribe', ...answers.flat()]);
  if (await earlierResult(claim)) return subscriptionsOf(session.userId);
  const templates = config.wechatTemplates;
  const byTemplate = new Map<string, SubscribeAnswer>();
  for (const [topic, answer] of answers) {
    const templateId = templates[topic]?.templateId;
    if (templateId && answer !== 'reject') byTemplate.set(templateId, answer);
  }
  const at = isoNow();
  await writeTogether({
    request: rememberRequest(claim, session.userId, epochSeconds(clock.now())),
    allowances: [...byTemplate].map(([templateId, answer]) => ({ MessageAllowance: allowances }) =>
      answer === 'accept'
        ? allowances.update({ userId: session.userId, templateId }).add({ remaining: 1 }).set({ updatedAt: at }).commit()
        : allowances.put({ userId: session.userId, templateId, remaining: 0, updatedAt: at }).commit(),
    ),
  });
  // A lost race with the same request retried counted it already: either way the counts are read afresh.
  return subscriptionsOf(session.userId);
}

/** The community's people whose WeChat message did not go, newest first: the worker reaches them another way. */
export async function failedNotifications(session: Session, communityId: string, cursor: string | undefined): Promise<FailedNotificationsPage> {
  await assertCommunityAccess(session, communityId, 'community.readNotifications');
  try {
    const page = await Message.query.failedByCommunity({ failedCommunityId: communityId }).go({ order: 'desc', limit: MESSAGES_PAGE_SIZE, cursor: checkCursor(cursor, 'gsi1') ?? null });
    return {
      items: page.data.map((message) => ({
        messageId: message.messageKey,
        recipientName: message.recipientName,
        topic: message.topic,
        title: message.title,
        reason: message.wechatReason ?? '',
        at: message.at,
        ...(message.elderName ? { elderName: message.elderName } : {}),
      })),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    };
  } catch (error) {
    return rethrowBadCursor(error);
  }
}
