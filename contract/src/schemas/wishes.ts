import * as z from 'zod/mini';
import { DateSchema, IdSchema, IdempotencyKeySchema, text, CursorSchema } from './common';
import type { ElderSummary, Page } from './people';
import {
  handovers,
  redemptionStatuses,
  wishCategories,
  wishStatuses,
  type Handover,
  type PointsReason,
  type RedemptionStatus,
  type WishCategory,
  type WishStatus,
} from '../terms/wishes';

/** Micro-wishes, points and the points store: request schemas and response types. */

export const WishCategorySchema = z.enum(wishCategories, '心愿类别只能是 物品、服务、陪伴 或 其他');
export const WishStatusSchema = z.enum(wishStatuses, '心愿状态不对');
export const HandoverSchema = z.enum(handovers, '交付方式只能是 送到社区服务站 或 送到家里');
export const RedemptionStatusSchema = z.enum(redemptionStatuses, '兑换状态不对');
export const MonthSchema = z.string('月份格式应为 年-月，例如 2026-11').check(z.regex(/^20\d\d-(0[1-9]|1[0-2])$/, '月份格式应为 年-月，例如 2026-11'));

const whole = (label: string, min: number, max: number, unit = '') =>
  z.int(`${label}应当是整数`).check(z.minimum(min, `${label}最少 ${min}${unit}`), z.maximum(max, `${label}最多 ${max}${unit}`));

export const WISH_TITLE_MAX = 30;
export const WISH_STORY_MAX = 300;

const wishWords = {
  title: text('心愿标题', WISH_TITLE_MAX),
  story: text('心愿的故事', WISH_STORY_MAX, 0, { multiline: true }),
};

export const FileKeySchema = (label: string) => z.string(`${label}编号不对`).check(z.regex(/^[0-9A-Za-z_/.-]{1,200}$/, `${label}编号不对`));

/** The longest voice note: a wish said in a minute. */
export const VOICE_MAX_SECONDS = 60;

/** A new wish. Its value is checked against the community's cap (a rule of the community, not of the schema). */
export const WishBody = z.strictObject({
  ...wishWords,
  category: WishCategorySchema,
  /** What it is likely to cost, in fen; 0 for a wish that costs nothing (陪我聊天). */
  valueFen: whole('估计价值（分）', 0, 10_000_00),
  handover: HandoverSchema,
  /**
   * Someone posting for the elder (a relative, a worker) confirms that she herself agreed to give her address
   * to the claimer: a home handover needs it. The elder posting herself agrees by choosing it.
   */
  addressAgreed: z.optional(z.boolean('“本人同意把地址告诉认领的志愿者”只能选 是 或 否')),
  /** A voice note the elder recorded instead of typing (uploaded with the elder's voice form), and its length. */
  voiceKey: z.optional(FileKeySchema('语音')),
  voiceSeconds: z.optional(whole('语音长度', 1, VOICE_MAX_SECONDS, ' 秒')),
  idempotencyKey: IdempotencyKeySchema,
}).check(z.refine((body) => (body.voiceKey === undefined) === (body.voiceSeconds === undefined), { message: '语音要同时给出长度', path: ['voiceSeconds'] }));

/** A voice note as WeChat's recorder writes it. */
export const VoiceUploadBody = z.strictObject({ contentType: z.enum(['audio/mpeg', 'audio/aac', 'audio/mp4'], '语音只能是 MP3、AAC 或 M4A') });
export type WishInput = z.infer<typeof WishBody>;

/** Who agreed that the claimer of a home-handover wish is told the elder's address, and when. */
export interface AddressAgreementView {
  /** The elder herself, or 王磊（儿子） / a worker who confirmed she agreed. */
  byName: string;
  /** Confirmed by someone posting for her, not by the elder herself. */
  onBehalf: boolean;
  at: string;
}

/**
 * Publishing, with the wording the worker changed for privacy (what is left out stays as posted); for a
 * wish the elder said in a voice note, also its category and value as the worker heard them.
 */
export const PublishWishBody = z.strictObject({
  title: z.optional(wishWords.title),
  story: z.optional(wishWords.story),
  category: z.optional(WishCategorySchema),
  valueFen: z.optional(whole('估计价值（分）', 0, 10_000_00)),
});
export type PublishWishInput = z.infer<typeof PublishWishBody>;

export const WishReasonBody = z.strictObject({ reason: text('原因', 60) });
export const DeliverWishBody = z.strictObject({
  message: text('留言', 100, 1, { multiline: true }),
  /** The key of a photo uploaded with the wish's upload form. */
  photoKey: z.optional(FileKeySchema('照片')),
});
export type DeliverWishInput = z.infer<typeof DeliverWishBody>;
export const ThanksBody = z.strictObject({ message: text('感谢的话', 100, 1, { multiline: true }) });

export const CommunityWishesQuery = z.strictObject({
  status: z.optional(WishStatusSchema),
  cursor: CursorSchema,
});
/** The wall: one community's published wishes, or the whole county's. */
export const WallQuery = z.strictObject({
  communityId: z.optional(IdSchema),
  cursor: CursorSchema,
});

export const RedemptionWindowSchema = z
  .strictObject({ from: DateSchema, to: DateSchema })
  .check(z.refine((window) => window.from <= window.to, { message: '兑换期的结束日期不能早于开始日期', path: ['to'] }));
export type RedemptionWindow = z.infer<typeof RedemptionWindowSchema>;

export const CommonWishSchema = z.strictObject({
  title: wishWords.title,
  category: WishCategorySchema,
  valueFen: whole('估计价值（分）', 0, 10_000_00),
});
export type CommonWish = z.infer<typeof CommonWishSchema>;

/** A community's rules for wishes and points. */
export const WishSettingsBody = z
  .strictObject({
    /** The most a wish may be worth, in fen (default ¥300). */
    valueCapFen: whole('心愿价值上限（分）', 0, 10_000_00),
    /** Points the volunteer earns when a wish they fulfilled is realised. */
    pointsPerWish: whole('每个心愿的积分', 0, 1000),
    /** Days a volunteer has to fulfil a claimed wish before it goes back to the wall. */
    claimDays: whole('认领期限', 1, 60, ' 天'),
    /** Elders may spend points in the store too. */
    eldersRedeem: z.boolean('长辈能否兑换只能选 是 或 否'),
    /** When the store is open; empty: the last two weeks of each quarter. */
    redemptionWindows: z.array(RedemptionWindowSchema).check(z.maxLength(12, '兑换期最多设 12 段')),
    /** What an elder who cannot type picks from. */
    commonWishes: z.array(CommonWishSchema).check(z.maxLength(12, '常见心愿最多 12 个')),
  })
  .check(
    z.refine((body) => body.commonWishes.every((wish) => wish.valueFen <= body.valueCapFen), {
      message: '常见心愿的价值不能超过心愿价值上限',
      path: ['commonWishes'],
    }),
  );
export type WishSettingsInput = z.infer<typeof WishSettingsBody>;

/** Points for recorded volunteer hours, with what the hours were. */
export const GrantPointsBody = z.strictObject({
  hours: z.number('服务时长应当是数字').check(
    z.refine((hours) => Number.isFinite(hours) && Number.isInteger(hours * 2), '服务时长按半小时记，例如 1.5'),
    z.minimum(0.5, '服务时长最少 0.5 小时'),
    z.maximum(24, '服务时长最多 24 小时'),
  ),
  points: whole('积分', 1, 1000),
  reason: text('事由', 50),
  idempotencyKey: IdempotencyKeySchema,
});
export type GrantPointsInput = z.infer<typeof GrantPointsBody>;

/** A correction, up or down, always with a reason. */
export const AdjustPointsBody = z.strictObject({
  points: whole('调整的积分', -10_000, 10_000).check(z.refine((points) => points !== 0, '调整的积分不能是 0')),
  reason: text('调整原因', 50),
  idempotencyKey: IdempotencyKeySchema,
});
export type AdjustPointsInput = z.infer<typeof AdjustPointsBody>;

const storeItemFields = {
  name: text('物品名称', 20),
  description: text('物品说明', 100, 0, { multiline: true }),
  pricePoints: whole('所需积分', 1, 100_000),
  active: z.boolean('是否上架只能选 是 或 否'),
};
export const StoreItemBody = z.strictObject(storeItemFields);
export type StoreItemInput = z.infer<typeof StoreItemBody>;
export const AddStoreItemBody = z.strictObject({ ...storeItemFields, stock: whole('库存', 0, 10_000, ' 件'), idempotencyKey: IdempotencyKeySchema });
export type AddStoreItemInput = z.infer<typeof AddStoreItemBody>;
/** Stock added (or taken off, counted wrong) with a reason. */
export const RestockBody = z.strictObject({
  count: whole('数量', -10_000, 10_000, ' 件').check(z.refine((count) => count !== 0, '数量不能是 0')),
  reason: text('原因', 50),
  idempotencyKey: IdempotencyKeySchema,
});
export type RestockInput = z.infer<typeof RestockBody>;

export const RedeemBody = z.strictObject({ itemId: IdSchema, idempotencyKey: IdempotencyKeySchema });
export type RedeemInput = z.infer<typeof RedeemBody>;
export const RedemptionsQuery = z.strictObject({
  status: z.optional(RedemptionStatusSchema),
  cursor: CursorSchema,
});
export const LeaderboardQuery = z.strictObject({ month: z.optional(MonthSchema) });

// ---- Answers

export interface WishTimelineEntry {
  action: string;
  /** In Chinese: 发布了心愿、社区审核通过、李华认领了、已送达 … */
  text: string;
  at: string;
  byName: string;
}

export interface WishView {
  wishId: string;
  /** Only for the elder's side and the community: a volunteer never sees whose wish it is beyond the display name. */
  elderId?: string;
  /** The elder's name: for the elder's side and the community only. */
  elderName?: string;
  /** What the wall shows: the surname with 爷爷 or 奶奶, e.g. 王奶奶. */
  elderDisplay: string;
  communityId: string;
  communityName: string;
  title: string;
  story: string;
  category: WishCategory;
  categoryName: string;
  valueFen: number;
  status: WishStatus;
  statusName: string;
  handover: Handover;
  handoverName: string;
  /** For a home handover, who agreed to give the address (the elder's side and the community); none on wishes posted before it was asked. */
  addressAgreement?: AddressAgreementView;
  postedAt: string;
  /**
   * The wish as posted, when the community changed it before publishing (its words for privacy, its category,
   * its value): the elder's side and the community see before and after.
   */
  asPosted?: { title: string; story: string; category: WishCategory; categoryName: string; valueFen: number };
  rejectReason?: string;
  claimer?: { name: string; partyMember: boolean };
  claimedAt?: string;
  /** The claim goes back to the wall after this moment unless delivered. */
  claimDeadline?: string;
  /** How to hand it over: only for the claimer, the elder's side and the community. */
  handoverDetail?: { place: string; address?: string; phone?: string };
  delivery?: { message: string; at: string; photoUrl?: string };
  realisedAt?: string;
  /** Points the claimer earned when it was realised. */
  points?: number;
  /** The elder's side's thank-you, to the volunteer who realised it (党员 marked, as on the wall). */
  thanks?: { message: string; at: string; byName: string; to: { name: string; partyMember: boolean } };
  /** The voice note the elder recorded, for the elder's side and the community only (a voice is a person's own). */
  voice?: { url: string; seconds: number };
  /** What the caller may do now. */
  can: {
    withdraw: boolean;
    review: boolean;
    claim: boolean;
    release: boolean;
    deliver: boolean;
    confirm: boolean;
    thank: boolean;
  };
  timeline?: WishTimelineEntry[];
}

export interface WishResponse {
  wish: WishView;
  /** True when this answers a retried submission. */
  replayed?: boolean;
}

export interface WishSettingsView extends WishSettingsInput {
  communityId: string;
}

export interface ElderWishesResponse {
  elder: ElderSummary;
  wishes: WishView[];
  /** What posting needs: the cap, the common wishes to pick from. */
  settings: WishSettingsView;
}

export type WishesPage = Page<WishView>;

/** A community's figures, as on its wall: collected, realised, in progress, waiting for a claimer. */
export interface WishTallyView {
  communityId: string;
  communityName: string;
  /** Every wish the community received, except one taken back before review: it only grows (functions' rules/wish.ts). */
  collected: number;
  waiting: number;
  inProgress: number;
  realised: number;
}

export interface WallResponse {
  /** The community asked for, or every community of the county. */
  tallies: WishTallyView[];
  wishes: WishView[];
  cursor: string | null;
  /** On the first page: the latest realised wishes, with who realised them (党员 marked), as the wall in the field shows. */
  realised: WishView[];
}

/** A volunteer's own wishes: those in hand (claimed or delivered) and those realised. */
export interface MyWishesResponse {
  inHand: WishView[];
  realised: WishView[];
  balance: number;
  confirmed: boolean;
  partyMember: boolean;
}

export interface PointsEntryView {
  entryId: string;
  amount: number;
  kind: PointsReason;
  kindName: string;
  /** The words: 实现心愿“理发上门”, 重阳节敬老活动 3 小时 … */
  note: string;
  at: string;
}

export interface RedemptionView {
  redemptionId: string;
  holderId: string;
  holderName: string;
  communityId: string;
  itemId: string;
  itemName: string;
  pricePoints: number;
  status: RedemptionStatus;
  statusName: string;
  createdAt: string;
  handedAt?: string;
  handedByName?: string;
  cancelledAt?: string;
  cancelReason?: string;
}

export interface PointsView {
  holderId: string;
  holderName: string;
  kind: 'volunteer' | 'elder';
  communityId: string;
  communityName: string;
  balance: number;
  /** Newest first. */
  entries: PointsEntryView[];
  redemptions: RedemptionView[];
}

export interface LeaderboardResponse {
  communityId: string;
  communityName: string;
  month: string;
  /** Points earned in the month (wishes realised, hours granted), highest first; display names only. */
  rows: Array<{ rank: number; name: string; points: number; partyMember: boolean; you?: true }>;
}

export interface StoreItemView extends StoreItemInput {
  itemId: string;
  communityId: string;
  stock: number;
}

export interface RedemptionWindowState {
  open: boolean;
  /** The window open now, or the next one; none when the community has set no window to come. */
  window?: RedemptionWindow;
  /** In Chinese: 兑换期 12月18日 至 12月31日. */
  text: string;
}

export interface StoreResponse {
  communityId: string;
  communityName: string;
  items: StoreItemView[];
  redemption: RedemptionWindowState;
  eldersRedeem: boolean;
}

export interface RedemptionResponse {
  redemption: RedemptionView;
  balance: number;
  replayed?: boolean;
}

export type RedemptionsPage = Page<RedemptionView>;
