/**
 * Micro-wishes (微心愿) and volunteer points (积分): the wish's categories and states, how a gift is handed
 * over, why points moved, and what becomes of a redemption, with their Chinese names.
 */
import { yuan } from '../money';

export const wishCategories = ['goods', 'service', 'company', 'other'] as const;
export type WishCategory = (typeof wishCategories)[number];
export const wishCategoryNames: Record<WishCategory, string> = { goods: '物品', service: '服务', company: '陪伴', other: '其他' };

/** A wish's estimated value in words: 约 ¥30, or 不花钱 for a wish that costs nothing (陪我聊天). */
export const wishValueText = (valueFen: number) => (valueFen > 0 ? `约 ${yuan(valueFen)}` : '不花钱');

/**
 * pending (the community reviews it) → published (on the wall) → claimed (a volunteer took it on) →
 * delivered (the volunteer says it is done) → realised (the elder's side confirmed it); or rejected by the
 * community, or withdrawn by the elder's side before anyone claimed it. A claim that is released or runs
 * past its deadline puts the wish back on the wall.
 */
export const wishStatuses = ['pending', 'published', 'claimed', 'delivered', 'realised', 'rejected', 'withdrawn'] as const;
export type WishStatus = (typeof wishStatuses)[number];
export const wishStatusNames: Record<WishStatus, string> = {
  pending: '等社区审核',
  published: '等志愿者认领',
  claimed: '志愿者已认领',
  delivered: '志愿者说已办好，等确认',
  realised: '已实现',
  rejected: '没有通过',
  withdrawn: '已撤回',
};

/** Through the community centre (the default), or at the elder's home when the elder agreed to give the address. */
export const handovers = ['centre', 'home'] as const;
export type Handover = (typeof handovers)[number];
export const handoverNames: Record<Handover, string> = { centre: '送到社区服务站', home: '送到家里' };

/** Why a person's points moved. */
export const pointsReasons = ['wish', 'hours', 'adjust', 'redeem', 'refund'] as const;
export type PointsReason = (typeof pointsReasons)[number];
export const pointsReasonNames: Record<PointsReason, string> = {
  wish: '实现心愿',
  hours: '志愿服务时长',
  adjust: '社区调整',
  redeem: '兑换',
  refund: '兑换取消，积分退回',
};

/** A redemption waits at the centre until handed over, or is cancelled with the points returned. */
export const redemptionStatuses = ['waiting', 'handed', 'cancelled'] as const;
export type RedemptionStatus = (typeof redemptionStatuses)[number];
export const redemptionStatusNames: Record<RedemptionStatus, string> = { waiting: '待领取', handed: '已领取', cancelled: '已取消' };

/** What a wish said in a voice note is called until the community writes it down from the recording. */
export const SPOKEN_WISH_TITLE = '我录了一段语音';
