import * as z from 'zod/mini';
import { CursorSchema, IdempotencyKeySchema, phone, text } from './common';
import type { ElderSummary } from './people';
import {
  messageTopics,
  subscribeAnswers,
  type AlertLevel,
  type AlertStatus,
  type MessageTopic,
  type WechatDelivery,
} from '../terms/notify';

/** Notifications (the in-app list, WeChat subscriptions) and emergency help: request schemas and answers. */

export const CursorQuery = z.strictObject({ cursor: CursorSchema });

/** Up to which message the person has seen: the newest the app showed. */
export const MarkReadBody = z.strictObject({ upTo: z.optional(z.string('消息编号不对').check(z.regex(/^[0-9A-Za-z:.#_-]{1,200}$/, '消息编号不对'))) });

/** What WeChat's subscribe dialog answered, by topic; every topic the tap asked for. */
export const SubscriptionsBody = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  answers: z.partialRecord(z.enum(messageTopics, '消息类别不对'), z.enum(subscribeAnswers, '订阅结果只能是 接受（accept）、拒绝（reject）或 已关闭（ban）')),
});
export type SubscriptionsInput = z.infer<typeof SubscriptionsBody>;

export interface TopicSubscription {
  topic: MessageTopic;
  label: string;
  /** The WeChat template to ask for; absent when this deployment sends this topic in the app only. */
  templateId?: string;
  /** Messages WeChat will still take for this user (one per acceptance). */
  remaining: number;
}
export interface SubscriptionsView {
  topics: TopicSubscription[];
}

export interface MessageView {
  messageId: string;
  topic: MessageTopic;
  title: string;
  body: string;
  at: string;
  /** The mini-program page it opens (with its query), e.g. `/pages/orders/index`. */
  page?: string;
  /** The elder it is about, when it is about one. */
  elderName?: string;
  read: boolean;
  wechat: WechatDelivery;
}
export interface MessagesPage {
  messages: MessageView[];
  /** Messages not yet seen (counted before this list marked them seen). */
  unread: number;
  cursor?: string;
}

/** A message WeChat did not take: the community sees whom it was for and why, and reaches them another way. */
export interface FailedNotificationView {
  messageId: string;
  recipientName: string;
  topic: MessageTopic;
  title: string;
  reason: string;
  at: string;
  elderName?: string;
}
export interface FailedNotificationsPage {
  items: FailedNotificationView[];
  cursor?: string;
}

/** Rounded to what the number can mean (a phone's fix is good to a metre): DynamoDB refuses numbers as tiny as 5e-324. */
const roundedTo = (places: number) => z.overwrite((value: number) => Math.round(value * 10 ** places) / 10 ** places);

export const LocationSchema = z.strictObject({
  latitude: z.number('纬度应当是数字').check(z.minimum(-90, '纬度不对'), z.maximum(90, '纬度不对'), roundedTo(6)),
  longitude: z.number('经度应当是数字').check(z.minimum(-180, '经度不对'), z.maximum(180, '经度不对'), roundedTo(6)),
  /** Metres. */
  accuracy: z.optional(z.number('定位精度应当是数字').check(z.minimum(0, '定位精度不对'), z.maximum(100_000, '定位精度不对'), roundedTo(1))),
});
export type AlertLocation = z.infer<typeof LocationSchema>;

export const AlertBody = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  location: z.optional(LocationSchema),
});
export type AlertInput = z.infer<typeof AlertBody>;

export const ResolveAlertBody = z.strictObject({ note: text('处理情况', 200, 1, { multiline: true }) });
export type ResolveAlertInput = z.infer<typeof ResolveAlertBody>;

export const DutyPhoneBody = z.strictObject({ dutyPhone: phone('值班电话') });
export type DutyPhoneInput = z.infer<typeof DutyPhoneBody>;

export interface DutyPhoneView {
  communityId: string;
  dutyPhone?: string;
}

/** Whoever answered an emergency call, as the elder sees them: who, from where, and how to reach them. */
export interface ResponderView {
  name: string;
  /** 社区工作者 / 服务中心 / 县级平台 */
  post: string;
  phone?: string;
  at: string;
}

export interface AlertView {
  alertId: string;
  elderId: string;
  elderName: string;
  communityId: string;
  communityName: string;
  /** For whoever goes to help; the elder's side sees its own. */
  elderPhone: string;
  elderAddress: string;
  status: AlertStatus;
  /** Who has been told: the community, then the centre, then the county. */
  level: AlertLevel;
  raisedAt: string;
  /** 本人, or the relative who pressed it. */
  raisedByName: string;
  location?: AlertLocation;
  /** When it next goes up a level if nobody answers. */
  escalatesAt?: string;
  responder?: ResponderView;
  resolvedByName?: string;
  resolvedAt?: string;
  note?: string;
}

/** One number to call at once, as a big button. */
export interface CallNumber {
  label: string;
  phone: string;
}

export interface AlertResponse {
  alert: AlertView;
  callNumbers: CallNumber[];
  /** True when the elder's call was already open (pressed twice) or the request was a retry. */
  replayed?: boolean;
}

export interface ElderAlertsResponse {
  elder: ElderSummary;
  /** The call still open, if any. */
  open?: AlertView;
  recent: AlertView[];
  callNumbers: CallNumber[];
}

/** What a worker or admin must see: calls still open first, then the last ones dealt with. */
export interface AlertsResponse {
  open: AlertView[];
  recent: AlertView[];
}
