/**
 * Notifications and emergency help: what a message is about (its topic, one WeChat subscribe-message
 * template each), which topics each tap asks the user to accept, and the states of an emergency call.
 */

export const messageTopics = [
  'orderConfirmed',
  'orderDelivered',
  'visitAssigned',
  'visitCompleted',
  'wishPublished',
  'wishClaimed',
  'wishDelivered',
  'wishRealised',
  'redemptionReady',
  'alert',
] as const;
export type MessageTopic = (typeof messageTopics)[number];

export const topicNames: Record<MessageTopic, string> = {
  orderConfirmed: '订餐确认了',
  orderDelivered: '饭送到了',
  visitAssigned: '上门安排好了',
  visitCompleted: '上门服务做完了',
  wishPublished: '心愿上墙了',
  wishClaimed: '心愿有人认领',
  wishDelivered: '心愿送到了',
  wishRealised: '心愿实现了',
  redemptionReady: '兑换的东西可以领了',
  alert: '紧急求助',
};

/**
 * The keywords every template chosen in WeChat's library carries, in this order: a subscribe message is the
 * in-app message's title, its state, its time and a note (WeChat's kinds: thing ≤ 20, phrase ≤ 5, time, thing).
 */
export const templateFields = [
  { key: 'thing1', label: '事项' },
  { key: 'phrase2', label: '状态' },
  { key: 'time3', label: '时间' },
  { key: 'thing4', label: '说明' },
] as const;

/**
 * The taps that ask for subscriptions (WeChat lets a mini-program ask only when the user taps, at most three
 * templates at a time), and what each asks for: the messages that tap's outcome will bring.
 */
export const subscribeAsks = {
  // Each acceptance is one message: the taps people make often also ask for the emergency topic, so a relative
  // far away is told of the next call too, not only the first.
  order: ['orderConfirmed', 'orderDelivered', 'alert'],
  booking: ['visitAssigned', 'visitCompleted', 'alert'],
  wishPost: ['wishPublished', 'wishClaimed', 'wishDelivered'],
  wishClaim: ['wishRealised'],
  redeem: ['redemptionReady'],
  binding: ['alert', 'orderDelivered', 'visitCompleted'],
  alerts: ['alert'],
  /** The message list's own button: what a relative most wants to hear. */
  messages: ['alert', 'orderDelivered', 'visitCompleted'],
} as const satisfies Record<string, readonly MessageTopic[]>;
export type SubscribeAsk = keyof typeof subscribeAsks;

/** What WeChat's subscribe dialog answered for one template. */
export const subscribeAnswers = ['accept', 'reject', 'ban'] as const;
export type SubscribeAnswer = (typeof subscribeAnswers)[number];

/** What became of a message's WeChat copy; the in-app copy is always kept. */
export const wechatDeliveries = ['none', 'sending', 'sent', 'refused', 'failed'] as const;
export type WechatDelivery = (typeof wechatDeliveries)[number];

export const wechatDeliveryNames: Record<WechatDelivery, string> = {
  none: '只在小程序里',
  sending: '正在发到微信',
  sent: '已发到微信',
  refused: '微信没有送达（未订阅）',
  failed: '微信发送失败',
};

/** An emergency call (紧急求助): waiting for someone, someone is on it, dealt with. */
export const alertStatuses = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

export const alertStatusNames: Record<AlertStatus, string> = {
  open: '等待响应',
  acknowledged: '正在处理',
  resolved: '已处理',
};

/** Who is told: the community first; unanswered, the centre; still unanswered, the county. */
export const alertLevels = ['community', 'centre', 'county'] as const;
export type AlertLevel = (typeof alertLevels)[number];

export const alertLevelNames: Record<AlertLevel, string> = {
  community: '社区',
  centre: '服务中心',
  county: '县级平台',
};

/** The emergency number every phone in China can call. */
export const EMERGENCY_NUMBER = '120';
