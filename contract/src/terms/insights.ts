import { orderStatusNames } from './canteen';
import { bookingStatusNames } from './care';
import { elderStatusNames, roleNames, sexNames, staffStatusNames, subsidyCategoryNames, type Role, type Sex, type SubsidyCategory } from './people';
import { volunteerStatusNames } from './volunteers';
import { alertStatusNames } from './notify';
import { redemptionStatusNames, wishCategoryNames, wishStatusNames } from './wishes';
import { yuan } from '../money';

/**
 * The audit trail in words: what each action did, each field changed, and who acts. Every action the
 * functions write has its words here; an action added later still reads as something done, by its group.
 */
export const auditActionNames: Record<string, string> = {
  'health.read': '查看了健康档案',
  'health.consentGiven': '同意保存健康数据',
  'health.consentWithdrawn': '撤回了保存健康数据的同意（已记下的读数已删除）',
  'elder.register': '登记了长辈的资料',
  'elder.verify': '核实了资料',
  'elder.move': '把长辈转到了另一个社区',
  'elder.status': '更改了长辈的在册状态',
  'elder.close': '注销了长辈的账户',
  'elder.contactsErased': '按保存期限清除了长辈的联系方式',
  'account.closed': '注销了自己的账户',
  'order.placed': '订了餐',
  'order.confirmed': '确认了订餐',
  'order.served': '登记了已用餐',
  'order.out_for_delivery': '安排了送餐',
  'order.delivered': '登记了已送达',
  'order.no_show': '登记了未取餐',
  'order.cancelled': '取消了订餐',
  'order.undo': '撤销了上一步订餐操作',
  'booking.requested': '预约了上门服务',
  'booking.assigned': '安排了上门人员',
  'booking.rescheduled': '改了上门时间',
  'booking.rejected': '没有接受上门预约',
  'booking.cancelled': '取消了上门预约',
  'booking.checkedIn': '上门签到',
  'booking.recorded': '填写了服务记录',
  'booking.checkedOut': '服务完成签退',
  'booking.noShow': '登记了上门未遇到长辈',
  'booking.released': '上门人员变动，预约等待重新安排',
  'booking.rated': '评价了上门服务',
  'wish.posted': '许了心愿',
  'wish.published': '审核通过了心愿',
  'wish.rejected': '没有通过心愿',
  'wish.withdrawn': '撤回了心愿',
  'wish.claimed': '认领了心愿',
  'wish.released': '放弃了认领的心愿',
  'wish.expired': '心愿认领超期，回到心愿墙',
  'wish.delivered': '说心愿已经办好',
  'wish.realised': '确认心愿实现了',
  'wish.thanked': '送上了感谢',
  'wishSettings.set': '修改了心愿和积分规则',
  'points.hours': '记录了服务时长和积分',
  'points.adjust': '调整了积分',
  'storeItem.add': '在积分超市上架了物品',
  'storeItem.update': '修改了积分超市的物品',
  'storeItem.restock': '给积分超市补了货',
  'redemption.redeemed': '用积分兑换了物品',
  'redemption.handed': '交付了兑换的物品',
  'redemption.cancelled': '取消了兑换',
  'volunteer.confirm': '确认了志愿者',
  'volunteer.partyMember': '标记了党员身份',
  'staff.add': '添加了工作人员',
  'staff.move': '给工作人员调了岗',
  'staff.profile': '修改了服务人员的资料',
  'staff.retire': '办理了工作人员离岗',
  'org.createCentre': '新建了服务中心',
  'org.renameCentre': '给服务中心改了名',
  'org.createCommunity': '新建了社区',
  'org.renameCommunity': '给社区改了名',
  'alert.raised': '按了紧急求助',
  'alert.acknowledged': '响应了紧急求助',
  'alert.resolved': '处理完了紧急求助',
  'community.dutyPhone': '改了社区值班电话',
};

/** What an action's group is about, for an action without words of its own. */
const actionGroupNames: Record<string, string> = {
  health: '查看了健康档案',
  elder: '更改了长辈的资料',
  order: '处理了订餐',
  booking: '处理了上门服务',
  wish: '处理了心愿',
  wishSettings: '修改了心愿和积分规则',
  points: '更改了积分',
  storeItem: '修改了积分超市',
  redemption: '处理了兑换',
  volunteer: '更改了志愿者的资料',
  staff: '更改了工作人员的资料',
  org: '更改了服务中心或社区',
  alert: '处理了紧急求助',
  community: '更改了社区的设置',
};

export const auditActionName = (action: string): string =>
  auditActionNames[action] ?? actionGroupNames[action.split('.')[0]] ?? '做了一项操作';

/** Whether the action only read something (the elder's side sees it as 看过, the rest as 改过). */
export const isAuditRead = (action: string) => action === 'health.read';

export const auditFieldNames: Record<string, string> = {
  status: '状态',
  reason: '原因',
  staff: '上门人员',
  points: '积分',
  windowStart: '上门时段',
  title: '标题',
  contentType: '文件类型',
  birthDate: '出生日期',
  valueFen: '估计价值',
  thanks: '感谢的话',
  stock: '库存',
  sex: '性别',
  rejectReason: '没有通过的原因',
  place: '岗位所在',
  photoKey: '照片',
  photo: '照片',
  outsideWindow: '不在预约时段内',
  name: '名称',
  message: '留言',
  date: '日期',
  communityId: '社区',
  claimDeadline: '认领期限',
  checklistDone: '完成的服务项目',
  checklist: '服务项目',
  when: '时间',
  voiceKey: '语音',
  undoes: '撤销的操作',
  subsidyCategory: '补贴类别',
  stars: '评价星级',
  staffNumber: '工号',
  skills: '技能',
  role: '身份',
  read: '查看的内容',
  pricePoints: '所需积分',
  item: '物品',
  notes: '备注',
  note: '备注',
  mobilityLimited: '行动不便',
  measurements: '测量结果',
  comment: '评语',
  claimer: '认领人',
  story: '心愿内容',
  category: '类别',
  valueCapFen: '心愿价值上限',
  pointsPerWish: '每个心愿的积分',
  claimDays: '认领期限（天）',
  eldersRedeem: '长辈能否兑换',
  redemptionWindows: '兑换时间',
  partyMember: '党员',
  description: '说明',
  active: '上架',
  dutyPhone: '值班电话',
  healthConsent: '同意保存健康数据',
  addressAgreedBy: '同意把地址告诉志愿者',
};

export const auditFieldName = (field: string): string => auditFieldNames[field] ?? field;

/** Statuses in words by what the entry is about (its action's first word: `wish.claimed` is a wish's). */
const statusNamesOf: Record<string, Record<string, string>> = {
  wish: wishStatusNames,
  booking: bookingStatusNames,
  order: orderStatusNames,
  redemption: redemptionStatusNames,
  alert: alertStatusNames,
  elder: elderStatusNames,
  staff: staffStatusNames,
  volunteer: volunteerStatusNames,
};

/** An instant recorded as ISO text, as a person reads it in China: 12月11日 19:20. */
function instantText(value: string): string {
  const china = new Date(Date.parse(value) + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`;
}

/** A recorded value in words where its field has a vocabulary (a status, a category, a sex, yes or no, a time, money in fen). */
export function auditValueText(field: string, value: string | undefined, action = ''): string {
  if (value === undefined || value === '') return '（空）';
  if (value === 'true') return '是';
  if (value === 'false') return '否';
  if (field === 'status') return statusNamesOf[action.split('.')[0]]?.[value] ?? value;
  if (field === 'category' && action.startsWith('wish.')) return wishCategoryNames[value as keyof typeof wishCategoryNames] ?? value;
  if (field.endsWith('Fen') && /^-?\d+$/.test(value)) return yuan(Number(value));
  if (field === 'subsidyCategory') return subsidyCategoryNames[value as SubsidyCategory] ?? value;
  if (field === 'sex') return sexNames[value as Sex] ?? value;
  if (field === 'role') return roleNames[value as Role] ?? value;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) return instantText(value);
  return value;
}

/** Who acted, by role; a scheduled job (a claim that ran out, a staff change followed) is the system. */
export const auditRoleName = (role: string): string => roleNames[role as Role] ?? '系统';

/** What was done, as the elder (or family, on the elder's behalf) is told it: 查看了您的健康档案. */
const elderSideActionNames: Record<string, string> = {
  'health.read': '查看了您的健康档案',
  'health.consentGiven': '同意保存您的健康数据',
  'health.consentWithdrawn': '撤回了保存您健康数据的同意（已记下的读数已删除）',
  'elder.register': '登记了您的资料',
  'elder.verify': '核实了您的资料',
  'elder.move': '把您转到了另一个社区',
  'elder.status': '更改了您的在册状态',
  'elder.close': '注销了您的账户',
};

export const elderSideActionName = (action: string): string => elderSideActionNames[action] ?? auditActionName(action);

/**
 * A field an event carries for filing, not for reading: where a closed account belonged (the trails need it, and
 * nothing else knows it any more), by id.
 */
export const AUDIT_PLACED_IN = 'placedIn';

/** The fields an entry changed, in words: "出生日期：1941-05-12 → 1941-05-21", "状态：已认领 → 志愿者说已办好". */
export function auditChangesText(changes: ReadonlyArray<{ field: string; before?: string; after?: string }>, action = ''): string {
  return changes
    .filter(({ field }) => field !== AUDIT_PLACED_IN)
    .map(({ field, before, after }) => {
      const text = (value: string | undefined) => auditValueText(field, value, action);
      return before === undefined ? `${auditFieldName(field)}：${text(after)}` : `${auditFieldName(field)}：${text(before)} → ${text(after)}`;
    })
    .join('；');
}
