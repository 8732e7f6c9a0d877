import {
  monthDayText,
  alertLevelNames,
  mealNames,
  fulfilmentNames,
  topicNames,
  type AlertLevel,
  type Fulfilment,
  type Meal,
  type MessageTopic,
} from '@yilin/contract';

/**
 * What a change of the table tells whom: a pure function of the record before and after (and the names the
 * consumer looked up). Each notice becomes one in-app message per person it reaches, and a WeChat subscribe
 * message for those who accepted its topic.
 */

/** Who a notice reaches. The elder's side is the elder's own account and every bound relative. */
export type Audience =
  | { kind: 'elderSide'; elderId: string; except?: string }
  | { kind: 'person'; userId: string }
  | { kind: 'communityWorkers'; communityId: string; centreId: string }
  | { kind: 'centreWorkers'; centreId: string }
  | { kind: 'countyAdmins'; countyId: string };

export interface Notice {
  topic: MessageTopic;
  audience: Audience;
  title: string;
  body: string;
  /** The mini-program page it opens, for whoever it reaches: a county's admins have their own alerts page (`admin/`), not the workers'. */
  page: string;
  /** The WeChat template's four keywords (see `templateFields`): what, its state, when, a note. */
  what: string;
  state: string;
  note: string;
  elderId?: string;
  elderName?: string;
  communityId?: string;
  /** The same told to the elder themselves, spoken to as 您. */
  toElder?: { title?: string; body: string };
}

/** What the consumer looked up for the change: the staff member going on a visit. */
export interface NoticeNames {
  staffName?: string;
}

type Record_ = Record<string, unknown>;
const str = (item: Record_ | undefined, field: string) => (item?.[field] as string | undefined) ?? undefined;

const quoted = (title: string) => `“${title}”`;

function orderNotices(before: Record_ | undefined, after: Record_): Notice[] {
  const status = str(after, 'status');
  if (status === str(before, 'status')) return [];
  const elderId = str(after, 'elderId')!;
  const elderName = str(after, 'elderName') ?? '';
  const meal = `${monthDayText(str(after, 'date')!)}的${mealNames[str(after, 'meal') as Meal] ?? ''}`;
  const fulfilment = fulfilmentNames[str(after, 'fulfilment') as Fulfilment] ?? '';
  const base = { audience: { kind: 'elderSide', elderId } as Audience, page: `/pages/orders/index?elderId=${elderId}`, elderId, elderName, communityId: str(after, 'communityId') };
  if (status === 'confirmed' && str(before, 'status') === 'placed') {
    return [{ ...base, topic: 'orderConfirmed', title: topicNames.orderConfirmed, body: `${elderName}${meal}已确认（${fulfilment}）。`, toElder: { body: `您${meal}已确认（${fulfilment}）。` }, what: `${meal}（${fulfilment}）`, state: '已确认', note: elderName }];
  }
  if (status === 'delivered') {
    return [{ ...base, topic: 'orderDelivered', title: topicNames.orderDelivered, body: `${elderName}${meal}已送到家。`, toElder: { body: `您${meal}已送到家。` }, what: `${meal}送餐`, state: '已送达', note: elderName }];
  }
  return [];
}

function bookingNotices(before: Record_ | undefined, after: Record_, names: NoticeNames): Notice[] {
  const status = str(after, 'status');
  const elderId = str(after, 'elderId')!;
  const elderName = str(after, 'elderName') ?? '';
  const service = str(after, 'serviceName') ?? '';
  const when = `${monthDayText(str(after, 'date')!)} ${str(after, 'windowStart')}–${str(after, 'windowEnd')}`;
  const base = { audience: { kind: 'elderSide', elderId } as Audience, page: `/pages/booking/index?bookingId=${str(after, 'bookingId')}`, elderId, elderName, communityId: str(after, 'communityId') };
  const staff = names.staffName ?? '服务人员';
  // Assigned: confirmed with someone, or someone else sent (a move, a retirement), or the visit moved to another time.
  const assigned =
    status === 'confirmed' &&
    str(after, 'staffId') !== undefined &&
    (str(before, 'status') !== 'confirmed' || str(before, 'staffId') !== str(after, 'staffId') || str(before, 'date') !== str(after, 'date') || str(before, 'windowStart') !== str(after, 'windowStart'));
  if (assigned) {
    return [{ ...base, topic: 'visitAssigned', title: topicNames.visitAssigned, body: `${staff}将在${when}上门为${elderName}做${service}。开门前请核对开门暗号。`, toElder: { body: `${staff}将在${when}上门为您做${service}。开门前请核对开门暗号。` }, what: `${service} ${staff}`, state: '已派单', note: when }];
  }
  if (status === 'completed' && str(before, 'status') !== 'completed') {
    return [{ ...base, topic: 'visitCompleted', title: topicNames.visitCompleted, body: `${staff}已为${elderName}做完${service}。可以给这次服务打个分。`, toElder: { body: `${staff}已为您做完${service}。可以给这次服务打个分。` }, what: `${service}`, state: '已完成', note: `${elderName} ${staff}` }];
  }
  return [];
}

function wishNotices(before: Record_ | undefined, after: Record_): Notice[] {
  const status = str(after, 'status');
  if (status === str(before, 'status')) return [];
  const elderId = str(after, 'elderId')!;
  const elderName = str(after, 'elderName') ?? '';
  const wishId = str(after, 'wishId')!;
  const title = str(after, 'postedTitle') ?? str(after, 'title') ?? '';
  const claimer = str(after, 'claimerName') ?? '志愿者';
  const base = { audience: { kind: 'elderSide', elderId } as Audience, page: `/pages/wish/index?wishId=${wishId}`, elderId, elderName, communityId: str(after, 'communityId') };
  switch (status) {
    case 'published':
      return [{ ...base, topic: 'wishPublished', title: topicNames.wishPublished, body: `${elderName}的心愿${quoted(title)}已经上墙，等志愿者认领。`, toElder: { body: `您的心愿${quoted(title)}已经上墙，等志愿者认领。` }, what: title, state: '已上墙', note: elderName }];
    case 'claimed':
      return [{ ...base, topic: 'wishClaimed', title: topicNames.wishClaimed, body: `志愿者${claimer}认领了${elderName}的心愿${quoted(title)}。`, toElder: { body: `志愿者${claimer}认领了您的心愿${quoted(title)}。` }, what: title, state: '已认领', note: `志愿者${claimer}` }];
    case 'delivered':
      return [{ ...base, topic: 'wishDelivered', title: topicNames.wishDelivered, body: `${claimer}说${elderName}的心愿${quoted(title)}已经送到。收到了请点“确认收到了”。`, toElder: { body: `${claimer}说您的心愿${quoted(title)}已经送到。收到了请点“确认收到了”。` }, what: title, state: '已送到', note: '收到了请确认' }];
    case 'realised': {
      const claimerId = str(after, 'claimerId');
      if (!claimerId) return [];
      const points = Number(after.points ?? 0);
      const earned = points > 0 ? `，您得到 ${points} 积分` : '';
      return [{ ...base, audience: { kind: 'person', userId: claimerId }, page: `/volunteer/wish/index?wishId=${wishId}`, topic: 'wishRealised', title: topicNames.wishRealised, body: `您帮${str(after, 'elderDisplay') ?? '长辈'}实现了心愿${quoted(title)}${earned}。谢谢您！`, what: title, state: '已实现', note: points > 0 ? `得到 ${points} 积分` : '谢谢您' }];
    }
    default:
      return [];
  }
}

function redemptionNotices(before: Record_ | undefined, after: Record_): Notice[] {
  if (before || str(after, 'status') !== 'waiting') return [];
  const holderId = str(after, 'holderId')!;
  const item = str(after, 'itemName') ?? '';
  return [{
    topic: 'redemptionReady',
    audience: { kind: 'person', userId: holderId },
    title: topicNames.redemptionReady,
    body: `您兑换的${item}可以到社区服务站领取了，领的时候说一下名字。`,
    page: `/pages/points/index?holderId=${holderId}`,
    what: item,
    state: '待领取',
    note: '到社区服务站领取',
    communityId: str(after, 'communityId'),
  }];
}

function alertNotices(before: Record_ | undefined, after: Record_): Notice[] {
  const elderId = str(after, 'elderId')!;
  const elderName = str(after, 'elderName') ?? '';
  const alertId = str(after, 'alertId')!;
  const base = { topic: 'alert' as const, elderId, elderName, communityId: str(after, 'communityId'), page: `/pages/sos/index?elderId=${elderId}` };
  const contact = `电话 ${str(after, 'elderPhone')}，住址 ${str(after, 'elderAddress')}`;
  const raisedBy = str(after, 'raisedById');
  if (!before) {
    // A call written already closed (history brought in) tells nobody.
    if (str(after, 'status') !== 'open') return [];
    const who = raisedBy === elderId ? elderName : `${str(after, 'raisedByName')}替${elderName}`;
    return [
      { ...base, audience: { kind: 'communityWorkers', communityId: str(after, 'communityId')!, centreId: str(after, 'centreId')! }, page: `/worker/alerts/index?alertId=${alertId}`, title: `紧急求助：${elderName}`, body: `${who}按了紧急求助，请马上联系。${contact}。`, what: `${elderName}紧急求助`, state: '待响应', note: '请马上联系' },
      {
        ...base,
        audience: { kind: 'elderSide', elderId, except: raisedBy },
        title: `${elderName}按了紧急求助`,
        body: `${who}按了紧急求助，社区已收到，正在安排人。您也可以马上打电话给${elderName}。`,
        // The elder hears of it only when a relative pressed it for them.
        toElder: { title: '家人替您按了紧急求助', body: `${str(after, 'raisedByName')}替您按了紧急求助，社区已收到，正在安排人来看您。` },
        what: `${elderName}紧急求助`,
        state: '已通知',
        note: '社区已收到',
      },
    ];
  }
  const level = str(after, 'level') as AlertLevel;
  if (level !== str(before, 'level') && str(after, 'status') === 'open') {
    const audience: Audience = level === 'centre' ? { kind: 'centreWorkers', centreId: str(after, 'centreId')! } : { kind: 'countyAdmins', countyId: str(after, 'countyId')! };
    const waited = str(before, 'level') === 'community' ? '社区' : '社区和服务中心';
    const page = level === 'county' ? `/admin/alerts/index?alertId=${alertId}` : `/worker/alerts/index?alertId=${alertId}`;
    return [{ ...base, audience, page, title: `紧急求助没人响应：${elderName}`, body: `${elderName}的紧急求助，${waited}还没有人响应，已转到${alertLevelNames[level]}，请马上处理。${contact}。`, what: `${elderName}紧急求助`, state: '待响应', note: `已转到${alertLevelNames[level]}` }];
  }
  const status = str(after, 'status');
  if (status === str(before, 'status')) return [];
  if (status === 'acknowledged') {
    const responder = `${str(after, 'responderPost') ?? ''}${str(after, 'responderName') ?? ''}`;
    return [{ ...base, audience: { kind: 'elderSide', elderId }, title: '有人在处理紧急求助', body: `${responder}正在处理${elderName}的紧急求助。`, toElder: { body: `${responder}正在处理您的紧急求助。` }, what: `${elderName}紧急求助`, state: '处理中', note: responder }];
  }
  if (status === 'resolved') {
    const note = str(after, 'note') ?? '';
    return [{ ...base, audience: { kind: 'elderSide', elderId }, title: '紧急求助已处理', body: `${elderName}的紧急求助已处理：${note}`, toElder: { body: `您的紧急求助已处理：${note}` }, what: `${elderName}紧急求助`, state: '已处理', note }];
  }
  return [];
}

/** The notices of one change of an order, a visit, a wish, a redemption or an emergency call. */
export function noticesOf(entity: string | undefined, before: Record_ | undefined, after: Record_ | undefined, names: NoticeNames = {}): Notice[] {
  if (!after) return [];
  switch (entity) {
    case 'order':
      return orderNotices(before, after);
    case 'booking':
      return bookingNotices(before, after, names);
    case 'wish':
      return wishNotices(before, after);
    case 'redemption':
      return redemptionNotices(before, after);
    case 'alert':
      return alertNotices(before, after);
    default:
      return [];
  }
}
