import { messageTopics, type MessageTopic, type SubscriptionsView } from '@yilin/contract';
import { User } from '../../src/features/people/entities';
import { StaffPost } from '../../src/features/people/data/staff';
import { Community } from '../../src/features/people/entities';
import { config } from '../../src/platform/config';
import { Alert, AlertDue, EscalatedAlert, Message, MessageAllowance, OpenAlert } from '../../src/features/notify/entities';
import { deadLettersOf } from '../../src/store/events';
import { MESSAGES_CONSUMER } from '../../src/features/notify/deliver';
import { startFakeWechat, type FakeWechat } from './fake-wechat';
import { idempotencyKey } from './canteen-fixtures';
import { createUser, uniqueId } from './seed';
import type { Api } from './api';

/**
 * Notifications and emergency calls in tests: a loopback WeChat the consumer sends to (one template per
 * topic), people who signed in with WeChat (an openid) and accepted topics, workers on the county's staff
 * list (whom a call reaches), and reads of what the table holds.
 */

export const templateOf = (topic: MessageTopic) => `tmpl-${topic}`;

/** Starts the fake WeChat for the file and points the configuration at it (read on every call). */
export function useFakeWechat(): { readonly wechat: FakeWechat } {
  let wechat: FakeWechat | undefined;
  beforeAll(async () => {
    wechat = await startFakeWechat();
    Object.assign(process.env, {
      WECHAT_API_BASE: wechat.url,
      WECHAT_TEMPLATE_IDS: JSON.stringify(Object.fromEntries(messageTopics.map((topic) => [topic, templateOf(topic)]))),
      WECHAT_RETRY_BASE_MS: '5',
    });
  });
  afterAll(async () => wechat?.close());
  return {
    get wechat() {
      if (!wechat) throw new Error('The fake WeChat is not running yet: use it inside a test');
      return wechat;
    },
  };
}

/** Gives a user a WeChat identity, as signing in with WeChat does: their openid. */
export async function signedInWithWechat(userId: string): Promise<string> {
  const openid = uniqueId('openid');
  await User.patch({ userId }).set({ openid }).go();
  return openid;
}

/** A worker as the admin added them: a user and a post on the staff list (who a call reaches goes by the posts). */
export async function postWorker(worker: { userId: string; name: string }, place: { communityId: string; centreId: string; countyId: string }, phone = '13907342222') {
  const at = '2026-01-05T02:00:00.000Z';
  await StaffPost.put({ userId: worker.userId, countyId: place.countyId, role: 'worker', name: worker.name, phone, communityId: place.communityId, centreId: place.centreId, status: 'active', createdAt: at, updatedAt: at }).go();
}

/** A worker of a new community of an existing centre (same county), on the staff list. */
export async function siblingCommunityWorker(centre: { centreId: string; countyId: string }, name = '孙海燕') {
  const communityId = uniqueId('comm');
  await Community.put({ communityId, centreId: centre.centreId, countyId: centre.countyId, name: '桃花社区' }).go();
  const worker = await createUser('worker', { communityId, name });
  await postWorker(worker, { communityId, centreId: centre.centreId, countyId: centre.countyId }, '13907343333');
  return { ...worker, communityId };
}

/** What the user's WeChat subscribe dialog answered, through the route; the view it answers. */
export async function answerSubscriptions(api: Api, userId: string, answers: Partial<Record<MessageTopic, 'accept' | 'reject' | 'ban'>>, key = idempotencyKey()) {
  const response = await api.as(userId).post('/me/subscriptions', { idempotencyKey: key, answers });
  if (response.status !== 200) throw new Error(`Subscribing failed: ${response.status} ${response.text}`);
  return response.body as SubscriptionsView;
}

export async function storedMessages(userId: string) {
  return (await Message.query.byUser({ userId }).go({ pages: 'all' })).data;
}

export async function remainingOf(userId: string, topic: MessageTopic) {
  const templateId = config.wechatTemplates[topic]?.templateId ?? '';
  return (await MessageAllowance.get({ userId, templateId }).go({ consistent: true })).data?.remaining ?? 0;
}

/** The notifications consumer's dead letters about one recipient. */
export async function deadLettersFor(userId: string) {
  return (await deadLettersOf(MESSAGES_CONSUMER)).filter((letter) => letter.eventId.startsWith(`${userId}#`));
}

export async function storedAlertsOfElder(elderId: string) {
  return (await Alert.query.byElder({ elderId }).go({ pages: 'all' })).data;
}

export const storedAlert = async (alertId: string) => (await Alert.get({ alertId }).go({ consistent: true })).data ?? undefined;
export const storedOpenAlert = async (elderId: string) => (await OpenAlert.get({ elderId }).go({ consistent: true })).data ?? undefined;

/** The escalation queue's entries of one call. */
export async function dueEntriesOf(alertId: string) {
  return (await AlertDue.query.byTime({ queue: 'alerts' }).go({ pages: 'all' })).data.filter((due) => due.alertId === alertId);
}

/** The places (centre#…, county#…) a call went up to and is still listed at. */
export async function placesOf(alert: { alertId: string; centreId: string; countyId: string }) {
  const places = [`centre#${alert.centreId}`, `county#${alert.countyId}`];
  const found = await Promise.all(places.map(async (place) => ((await EscalatedAlert.get({ place, alertId: alert.alertId }).go()).data ? place : undefined)));
  return found.filter((place): place is string => place !== undefined);
}
