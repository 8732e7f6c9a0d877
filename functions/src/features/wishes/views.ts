import {
  handoverNames,
  pointsReasonNames,
  SPOKEN_WISH_TITLE,
  redemptionStatusNames,
  wishCategoryNames,
  wishStatusNames,
  wishValueText,
  type WishCategory,
  type PointsEntryView,
  type PointsReason,
  type RedemptionView,
  type StoreItemView,
  type WishTimelineEntry,
  type WishView,
} from '@yilin/contract';
import type { Relation } from '../../access/policy';
import type { AuditEventItem } from '../../store/audit';
import type { LedgerEntry } from '../../store/ledger';
import type { EntityItem } from 'electrodb';
import type { RedemptionItem, StoreItemItem, WishItem } from './entities';

/** How wishes, points and redemptions are shown, by who looks. */

/** The elder's side and the community see a wish in full; volunteers see what the wall shows. */
export const seesInFull = (access: Relation) => access === 'self' || access === 'family' || access === 'community-worker' || access === 'county-admin';

const changeOf = (event: AuditEventItem, field: string) => event.changes.find((change) => change.field === field);

const categoryText = (category: string | undefined) => wishCategoryNames[category as WishCategory] ?? category ?? '';
const valueText = (fen: string | undefined) => wishValueText(Number(fen ?? 0));

/**
 * Publishing, with what the community changed: 为保护隐私改了文字, 把类别从“物品”改成了“服务”, 估价从“约 ¥200”
 * 改成了“约 ¥150”. A spoken wish had no words, category or value of the elder's own: writing them down from
 * the recording is no change.
 */
function publishedText(event: AuditEventItem): string {
  if (changeOf(event, 'title')?.before === SPOKEN_WISH_TITLE) return '社区听了语音，写成了文字，上了心愿墙';
  const category = changeOf(event, 'category');
  const value = changeOf(event, 'valueFen');
  const edits = [
    ...(changeOf(event, 'title') || changeOf(event, 'story') ? ['为保护隐私改了文字'] : []),
    ...(category ? [`把类别从“${categoryText(category.before)}”改成了“${categoryText(category.after)}”`] : []),
    ...(value ? [`估价从“${valueText(value.before)}”改成了“${valueText(value.after)}”`] : []),
  ];
  return ['社区审核通过', ...edits, '上了心愿墙'].join('，');
}

const eventTexts: Record<string, (event: AuditEventItem) => string> = {
  'wish.posted': () => '许了这个心愿',
  'wish.published': publishedText,
  'wish.rejected': (event) => `没有通过：${changeOf(event, 'rejectReason')?.after ?? ''}`,
  'wish.withdrawn': () => '撤回了心愿',
  'wish.claimed': () => '认领了这个心愿',
  'wish.released': () => '放弃了认领，心愿回到心愿墙',
  'wish.expired': () => '认领超过期限没有办好，心愿回到心愿墙',
  'wish.delivered': () => '说已经办好了',
  'wish.realised': () => '确认收到，心愿实现了',
  'wish.thanked': (event) => `送上感谢：“${changeOf(event, 'thanks')?.after ?? ''}”`,
};

export function wishTimelineView(events: AuditEventItem[]): WishTimelineEntry[] {
  return events.map((event) => ({ action: event.action, text: (eventTexts[event.action] ?? (() => event.action))(event), at: event.at, byName: event.actorName }));
}

export interface WishViewContext {
  access: Relation;
  communityName: string;
  can: WishView['can'];
  events?: AuditEventItem[];
  photoUrl?: string;
  voiceUrl?: string;
  /** Where the wish goes: for the claimer, the elder's side and the community. */
  handoverDetail?: WishView['handoverDetail'];
}

/** The wish as posted (what was not kept is as it is now: wishes published before the category and value were kept). */
function asPostedOf(wish: WishItem): NonNullable<WishView['asPosted']> {
  const category = wish.postedCategory ?? wish.category;
  return { title: wish.postedTitle ?? wish.title, story: wish.postedStory ?? wish.story, category, categoryName: wishCategoryNames[category], valueFen: wish.postedValueFen ?? wish.valueFen };
}

export function wishView(wish: WishItem, context: WishViewContext): WishView {
  const full = seesInFull(context.access);
  const claimerSees = context.access === 'claimer';
  return {
    wishId: wish.wishId,
    ...(full ? { elderId: wish.elderId, elderName: wish.elderName } : {}),
    elderDisplay: wish.elderDisplay,
    communityId: wish.communityId,
    communityName: context.communityName,
    title: wish.title,
    story: wish.story,
    category: wish.category,
    categoryName: wishCategoryNames[wish.category],
    valueFen: wish.valueFen,
    status: wish.status,
    statusName: wishStatusNames[wish.status],
    handover: wish.handover,
    handoverName: handoverNames[wish.handover],
    postedAt: wish.postedAt,
    ...(full && [wish.postedTitle, wish.postedStory, wish.postedCategory, wish.postedValueFen].some((posted) => posted !== undefined) ? { asPosted: asPostedOf(wish) } : {}),
    ...(full && wish.rejectReason ? { rejectReason: wish.rejectReason } : {}),
    ...(wish.claimerId && wish.claimerName ? { claimer: { name: wish.claimerName, partyMember: wish.claimerPartyMember ?? false } } : {}),
    ...(wish.claimedAt ? { claimedAt: wish.claimedAt } : {}),
    ...(wish.claimDeadline && (wish.status === 'claimed' || wish.status === 'delivered') ? { claimDeadline: wish.claimDeadline } : {}),
    ...(context.handoverDetail && (full || claimerSees) ? { handoverDetail: context.handoverDetail } : {}),
    ...(wish.deliveredAt && (full || claimerSees)
      ? { delivery: { message: wish.deliveryMessage ?? '', at: wish.deliveredAt, ...(context.photoUrl ? { photoUrl: context.photoUrl } : {}) } }
      : {}),
    ...(wish.realisedAt ? { realisedAt: wish.realisedAt } : {}),
    ...(wish.points !== undefined && (full || claimerSees) ? { points: wish.points } : {}),
    ...(wish.thanksMessage && wish.thanksAt && (full || claimerSees)
      ? { thanks: { message: wish.thanksMessage, at: wish.thanksAt, byName: wish.thanksByName ?? '', to: { name: wish.claimerName ?? '', partyMember: wish.claimerPartyMember ?? false } } }
      : {}),
    ...(full && context.voiceUrl && wish.voiceSeconds ? { voice: { url: context.voiceUrl, seconds: wish.voiceSeconds } } : {}),
    can: context.can,
    // The timeline names the elder's side and the workers: the elder's side and the community only.
    ...(context.events && full ? { timeline: wishTimelineView(context.events) } : {}),
  };
}

const kindOfRef = (ref: string | undefined): PointsReason => {
  const kind = (ref ?? '').split('#')[0] as PointsReason;
  return kind in pointsReasonNames ? kind : 'adjust';
};

export function pointsEntryView(entry: EntityItem<typeof LedgerEntry>): PointsEntryView {
  const kind = kindOfRef(entry.ref);
  return { entryId: entry.entryId, amount: entry.amount, kind, kindName: pointsReasonNames[kind], note: entry.reason, at: entry.at };
}

export function redemptionView(redemption: RedemptionItem): RedemptionView {
  return {
    redemptionId: redemption.redemptionId,
    holderId: redemption.holderId,
    holderName: redemption.holderName,
    communityId: redemption.communityId,
    itemId: redemption.itemId,
    itemName: redemption.itemName,
    pricePoints: redemption.pricePoints,
    status: redemption.status,
    statusName: redemptionStatusNames[redemption.status],
    createdAt: redemption.createdAt,
    ...(redemption.handedAt ? { handedAt: redemption.handedAt, handedByName: redemption.handedByName ?? '' } : {}),
    ...(redemption.cancelledAt ? { cancelledAt: redemption.cancelledAt, cancelReason: redemption.cancelReason ?? '' } : {}),
  };
}

export function storeItemView(item: StoreItemItem, stock: number): StoreItemView {
  return {
    itemId: item.itemId,
    communityId: item.communityId,
    name: item.name,
    description: item.description,
    pricePoints: item.pricePoints,
    active: item.active,
    stock,
  };
}
