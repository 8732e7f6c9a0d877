import type { Role } from './people';

/**
 * Personal information rights: what a person can see, take away and close, and what the county keeps.
 * The retention rule is written out for people in README ("What is kept when someone leaves") and on the
 * closing pages; these are its words and numbers.
 */

/** How a closed account appears in the records that are kept (orders placed, redemptions, the audit trail). */
export const CLOSED_ACCOUNT_NAME = '已注销用户';

/**
 * Days an elder who died or moved away keeps contact details (phone, address, emergency contacts), so the
 * community can settle the last bills and answer the family; then the same as an elder's closing.
 */
export const ELDER_CONTACT_RETENTION_DAYS = 90;

/** The kinds of record a copy of one's data holds, in the order the copy shows them. */
export const dataCopyKinds = [
  'profile',
  'consents',
  'bindings',
  'elder',
  'orders',
  'bookings',
  'records',
  'healthReads',
  'wishes',
  'claimedWishes',
  'points',
  'redemptions',
  'alerts',
  'messages',
] as const;
export type DataCopyKind = (typeof dataCopyKinds)[number];

export const dataCopyKindNames: Record<DataCopyKind, string> = {
  profile: '个人资料',
  consents: '同意过的条款',
  bindings: '绑定关系',
  elder: '长辈档案',
  orders: '订餐记录',
  bookings: '上门服务',
  records: '上门记录和健康数据',
  healthReads: '谁看过健康记录',
  wishes: '心愿',
  claimedWishes: '认领的心愿',
  points: '积分明细',
  redemptions: '积分兑换',
  alerts: '紧急求助',
  messages: '消息',
};

/** What closing keeps, said to the person before they close (the README gives the whole rule). */
export const keptAfterClosing = [
  '替长辈下的订餐、预约的上门服务：属于长辈的记录，结算补贴要用，保留，但不再有您的名字和联系方式',
  '积分兑换记录：社区的库存和县里的积分统计要用，保留，显示为“已注销用户”',
  '您做过的操作记录（谁在什么时候做了什么）：按规定保留，显示为“已注销用户”',
] as const;

/** What closing removes at once, for a relative and for a volunteer. */
export const removedOnClosing = {
  family: ['您的账户和微信登录', '和长辈的绑定（长辈的家属名单里不再有您）', '您收到的消息和微信提醒设置'],
  volunteer: ['您的账户、微信登录和志愿者资料（手机号、党员标记）', '没有用完的积分和积分明细', '您收到的消息和微信提醒设置'],
} as const;

/** Said to an elder who asks to close their account: it is done with the community. */
export const ELDER_CLOSES_WITH_COMMUNITY = '您的账户要和社区工作者一起注销：补贴和服务记录要按规定保留。请打电话给社区，或到社区服务站办理。';

/** Said to a worker, staff member or admin: a work account ends by the county's retirement. */
export const WORK_ACCOUNT_CLOSES_WITH_COUNTY = '工作账户不能自己注销：请县级平台为您办理离岗。';

/** Who closes an account its holder cannot close themselves (everyone but a relative or a volunteer). */
export const closedElsewhereText = (role: Role) => (role === 'elder' ? ELDER_CLOSES_WITH_COMMUNITY : WORK_ACCOUNT_CLOSES_WITH_COUNTY);
