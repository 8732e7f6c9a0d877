import * as z from 'zod/mini';
import { DateSchema, IdSchema, IdempotencyKeySchema, phone, text } from './common';
import type { ElderSummary } from './people';
import type { LiveCodeView } from './people';
import {
  bookingStatuses,
  serviceCategories,
  skills,
  type BookingStatus,
  type ReadingFlag,
  type ServiceCategory,
  type Skill,
} from '../terms/care';
import type { PriceRule } from '../terms/canteen';

/** Home and medical services: request schemas and response types. */

export const ServiceCategorySchema = z.enum(serviceCategories, '服务类别只能是 家政、医疗 或 陪伴');
export const SkillSchema = z.enum(skills, '技能不对');
export const BookingStatusSchema = z.enum(bookingStatuses, '预约状态不对');

/** Windows start and end on the hour or the half hour: a staff member's day is kept in half hours. */
export const HalfHourSchema = z
  .string('时间格式应为 时:分，例如 09:00')
  .check(z.regex(/^([01]\d|2[0-3]):(00|30)$/, '时间要在整点或半点，例如 09:00、14:30'));

const whole = (label: string, min: number, max: number, unit = '') =>
  z.int(`${label}应当是整数`).check(z.minimum(min, `${label}最少 ${min}${unit}`), z.maximum(max, `${label}最多 ${max}${unit}`));

export const ServiceWindowSchema = z
  .strictObject({
    weekday: whole('星期', 1, 7),
    start: HalfHourSchema,
    end: HalfHourSchema,
    capacity: whole('每个时段可约人数', 1, 50, ' 人'),
  })
  .check(z.refine((window) => window.start < window.end, { message: '时段的结束时间要晚于开始时间', path: ['end'] }));
export type ServiceWindow = z.infer<typeof ServiceWindowSchema>;

const serviceFields = {
    category: ServiceCategorySchema,
    name: text('服务名称', 20),
    description: text('服务说明', 200, 1, { multiline: true }),
    durationMinutes: whole('服务时长', 15, 480, ' 分钟'),
    priceFen: whole('价格（分）', 0, 100_000),
    skill: SkillSchema,
    windows: z.array(ServiceWindowSchema).check(z.minLength(1, '请至少设一个可预约时段'), z.maxLength(35, '可预约时段最多 35 个')),
    /** What a household visit ticks off (客厅、厨房 …); empty for a medical visit. */
    checklist: z.array(text('清单项目', 12)).check(z.maxLength(10, '服务清单最多 10 项')),
    active: z.boolean('是否开放预约只能选 是 或 否'),
};

const oneWindowPerStart = z.refine<{ windows: ServiceWindow[] }>(
  (body) => new Set(body.windows.map((window) => `${window.weekday} ${window.start}`)).size === body.windows.length,
  { message: '同一天的同一开始时间只能设一个时段', path: ['windows'] },
);

/** A service as the centre keeps it (a change of an existing one). */
export const ServiceBody = z.strictObject(serviceFields).check(oneWindowPerStart);
export type ServiceInput = z.infer<typeof ServiceBody>;

/** A new service: a retried submission (a lost answer) adds it once. */
export const AddServiceBody = z.strictObject({ ...serviceFields, idempotencyKey: IdempotencyKeySchema }).check(oneWindowPerStart);
export type AddServiceInput = z.infer<typeof AddServiceBody>;

const subsidyFen = (label: string) => whole(`${label}补贴（分）`, 0, 100_000);
/** What the government pays towards one visit, by the elder's tier (same tiers and 60+ rule as the canteen). */
export const TierSubsidiesSchema = z.strictObject({
  age60Fen: subsidyFen('60–69 岁'),
  age70Fen: subsidyFen('70–79 岁'),
  age80Fen: subsidyFen('80 岁以上'),
  dibaoFen: subsidyFen('低保'),
  tekunFen: subsidyFen('特困'),
  disabledFen: subsidyFen('残疾'),
});
export type TierSubsidies = z.infer<typeof TierSubsidiesSchema>;

export const CareSettingsBody = z.strictObject({
  /** The elder or family may cancel until this many hours before the window starts; after it, a worker does. */
  cancelHoursBefore: whole('提前取消时间', 0, 72, ' 小时'),
  subsidies: z.strictObject({ housework: TierSubsidiesSchema, medical: TierSubsidiesSchema, companionship: TierSubsidiesSchema }),
});
export type CareSettingsInput = z.infer<typeof CareSettingsBody>;

export const BookingBody = z.strictObject({
  serviceId: IdSchema,
  date: DateSchema,
  windowStart: HalfHourSchema,
  address: text('上门地址', 100),
  note: z.optional(text('备注', 100, 0, { multiline: true })),
  idempotencyKey: IdempotencyKeySchema,
});
export type BookingInput = z.infer<typeof BookingBody>;

export const BookingsQuery = z.strictObject({
  status: z.optional(BookingStatusSchema),
  from: z.optional(DateSchema),
});
export const StaffDayQuery = z.strictObject({ date: z.optional(DateSchema) });

export const AssignBody = z.strictObject({ staffId: IdSchema });
export const RescheduleBody = z.strictObject({ date: DateSchema, windowStart: HalfHourSchema, reason: text('改期原因', 50) });
export const ReasonBody = z.strictObject({ reason: text('原因', 50) });

const reading = (label: string, min: number, max: number, unit: string) =>
  z.number(`${label}应当是数字`).check(
    z.refine((value) => Number.isFinite(value), `${label}应当是数字`),
    z.minimum(min, `${label}不可能低于 ${min} ${unit}，请重新量一次`),
    z.maximum(max, `${label}不可能高于 ${max} ${unit}，请重新量一次`),
  );

/** What a medical visit measured. Each value must be one a living person can have; blood pressure comes as a pair. */
export const MeasurementsSchema = z
  .strictObject({
    systolic: z.optional(reading('收缩压（高压）', 60, 260, 'mmHg')),
    diastolic: z.optional(reading('舒张压（低压）', 30, 160, 'mmHg')),
    pulse: z.optional(reading('脉搏', 30, 220, '次/分')),
    glucose: z.optional(reading('血糖', 1, 35, 'mmol/L')),
    glucoseFasting: z.optional(z.boolean('是否空腹只能选 是 或 否')),
    temperature: z.optional(reading('体温', 34, 42.5, '℃')),
    weight: z.optional(reading('体重', 25, 200, 'kg')),
  })
  .check(
    z.refine((m) => (m.systolic === undefined) === (m.diastolic === undefined), { message: '血压要同时填高压和低压', path: ['diastolic'] }),
    z.refine((m) => m.systolic === undefined || m.diastolic === undefined || m.systolic > m.diastolic, {
      message: '高压（收缩压）要比低压（舒张压）高，请重新量一次',
      path: ['systolic'],
    }),
    z.refine((m) => m.glucose === undefined || m.glucoseFasting !== undefined, { message: '量血糖时请选是否空腹', path: ['glucoseFasting'] }),
  );
export type MeasurementsInput = z.infer<typeof MeasurementsSchema>;

export const VisitRecordBody = z.strictObject({
  notes: text('服务记录', 300, 0, { multiline: true }),
  /** The items of the service's checklist that were done. */
  checklistDone: z.array(text('清单项目', 12)).check(z.maxLength(10, '服务清单最多 10 项')),
  measurements: z.optional(MeasurementsSchema),
});
export type VisitRecordInput = z.infer<typeof VisitRecordBody>;

export const RatingBody = z.strictObject({
  stars: whole('评分', 1, 5, ' 星'),
  comment: text('评价', 200, 0, { multiline: true }),
});
export type RatingInput = z.infer<typeof RatingBody>;

const StaffNumberSchema = z.string('工号应当是文字').check(z.trim(), z.regex(/^[0-9A-Za-z-]{2,12}$/, '工号是 2 到 12 位字母或数字'));
export const StaffProfileBody = z.strictObject({
  staffNumber: StaffNumberSchema,
  skills: z
    .array(SkillSchema)
    .check(z.minLength(1, '请至少选一项技能'), z.maxLength(8, '技能最多 8 项'), z.refine((list) => new Set(list).size === list.length, '技能不能重复')),
  /** A photo uploaded with the photo form; absent keeps the current one. */
  photoKey: z.optional(z.string('照片编号不对').check(z.regex(/^photo\/[0-9A-Za-z_-]{1,40}\/[0-9A-Za-z]{1,40}\.(jpg|png|webp)$/, '照片编号不对，请重新上传照片'))),
});
export type StaffProfileInput = z.infer<typeof StaffProfileBody>;

/** A centre's worker adds a staff member of the centre, with the code that binds their WeChat. */
export const AddStaffBody = z.strictObject({
  name: text('姓名', 20),
  phone: phone('手机号'),
  staffNumber: StaffNumberSchema,
  skills: StaffProfileBody.shape.skills,
  idempotencyKey: IdempotencyKeySchema,
});
export type AddStaffInput = z.infer<typeof AddStaffBody>;

export const PhotoUploadBody = z.strictObject({
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp'], '照片只能是 JPG、PNG 或 WebP'),
});

// ---- Answers

export interface ServiceView extends ServiceInput {
  serviceId: string;
  centreId: string;
  categoryName: string;
  skillName: string;
}

export interface CareSettingsView extends CareSettingsInput {
  centreId: string;
}

export interface CatalogueResponse {
  centreId: string;
  centreName: string;
  services: ServiceView[];
  settings: CareSettingsView;
}

export interface ServicePrice {
  priceFen: number;
  subsidyFen: number;
  rule: PriceRule;
  /** Why, e.g. "80岁以上 补贴 ¥30". */
  reason: string;
}

export interface ElderServiceOffer {
  service: ServiceView;
  price: ServicePrice;
}

export interface ElderServicesResponse {
  elder: ElderSummary;
  centreName: string;
  services: ElderServiceOffer[];
  cancelHoursBefore: number;
}

export interface WindowOffer {
  start: string;
  end: string;
  placesLeft: number;
  bookable: boolean;
  /** Why it cannot be booked, in Chinese (已约满, 已过时间, 已经约了这个时段). */
  closedReason?: string;
}

export interface ServiceDaysResponse {
  elder: ElderSummary;
  service: ServiceView;
  price: ServicePrice;
  /** The address on the elder's profile, offered as the visit's address. */
  address: string;
  cancelHoursBefore: number;
  days: Array<{ date: string; weekdayName: string; windows: WindowOffer[] }>;
}

/** Who comes to the door: what the elder and family see once a staff member is assigned. */
export interface VisitorView {
  staffId: string;
  name: string;
  staffNumber: string;
  /** A link valid for a few minutes; absent until the centre uploads a photo. */
  photoUrl?: string;
  skillNames: string[];
}

export interface MeasurementView {
  kind: 'bloodPressure' | 'pulse' | 'glucose' | 'temperature' | 'weight';
  name: string;
  /** E.g. "150/95 mmHg", "6.8 mmol/L（空腹）". */
  text: string;
  flag?: ReadingFlag;
  flagName?: string;
}

export interface VisitRecordView {
  notes: string;
  checklistDone: string[];
  measurements: MeasurementView[];
  writtenAt: string;
  writtenByName: string;
}

export interface BookingTimelineEntry {
  action: string;
  /** In Chinese: 预约、安排了 张丽（工号 A012）、改期到 12月3日 09:00、上门签到 … */
  text: string;
  at: string;
  byName: string;
}

export interface BookingView {
  bookingId: string;
  elderId: string;
  elderName: string;
  centreId: string;
  communityId: string;
  serviceId: string;
  serviceName: string;
  category: ServiceCategory;
  categoryName: string;
  date: string;
  weekdayName: string;
  windowStart: string;
  windowEnd: string;
  address: string;
  note: string;
  status: BookingStatus;
  statusName: string;
  priceFen: number;
  subsidyFen: number;
  priceReason: string;
  /** Why the centre rejected or moved it, or cancelled it for the elder. */
  reason?: string;
  visitor?: VisitorView;
  checkInAt?: string;
  /** The staff member checked in outside the booked window. */
  checkInOutsideWindow?: boolean;
  checkOutAt?: string;
  record?: VisitRecordView;
  rating?: { stars: number; comment: string; at: string; byName: string };
  /** The elder or family may still cancel it themselves (until the centre's cutoff). */
  cancellable: boolean;
  /** The visit is today and someone is assigned: the door code can be shown. */
  doorCodeToday: boolean;
  /** Completed and not rated yet. */
  rateable: boolean;
  timeline?: BookingTimelineEntry[];
}

export interface BookingResponse {
  booking: BookingView;
  /** True when this answers a retried submission that was already booked. */
  replayed?: boolean;
}

export interface BookingsResponse {
  bookings: BookingView[];
}

export interface ElderBookingsResponse extends BookingsResponse {
  elder: ElderSummary;
}

export interface DoorCodeResponse {
  code: string;
  date: string;
  windowStart: string;
  windowEnd: string;
  visitor: VisitorView;
}

/** A visit on a staff member's day: the elder's address and phone are there only on the visit's day. */
export interface StaffVisitView extends BookingView {
  elderPhone?: string;
  doorCode?: string;
  checklist: string[];
  medical: boolean;
  /** The elder consented to health data being kept: without it, readings are refused and not asked for. */
  healthConsent: boolean;
}

export interface StaffDayResponse {
  date: string;
  staffName: string;
  visits: StaffVisitView[];
}

export interface CandidateView {
  staffId: string;
  name: string;
  staffNumber: string;
  photoUrl?: string;
  /** Has the service's skill and holds no visit overlapping this window. */
  free: boolean;
  /** Why not, in Chinese. */
  busyReason?: string;
}

export interface CandidatesResponse {
  booking: BookingView;
  candidates: CandidateView[];
}

export interface StaffMemberView {
  userId: string;
  name: string;
  phone: string;
  staffNumber: string | null;
  skills: Skill[];
  skillNames: string[];
  photoUrl?: string;
  status: 'invited' | 'active' | 'retired';
  liveCode: LiveCodeView | null;
}

export interface CentreStaffResponse {
  centreId: string;
  staff: StaffMemberView[];
}

export interface PhotoUploadResponse {
  url: string;
  fields: Record<string, string>;
  key: string;
  maxBytes: number;
}

export interface HealthPoint {
  at: string;
  date: string;
  bookingId: string;
  flag?: ReadingFlag;
  flagName?: string;
}

export interface HealthRecordResponse {
  elder: ElderSummary;
  bloodPressure: Array<HealthPoint & { systolic: number; diastolic: number }>;
  glucose: Array<HealthPoint & { value: number; fasting: boolean }>;
  pulse: Array<HealthPoint & { value: number }>;
  temperature: Array<HealthPoint & { value: number }>;
  weight: Array<HealthPoint & { value: number }>;
  /** Who has looked at the record (workers and staff), newest first: for the elder and family only. */
  reads?: Array<{ at: string; name: string; roleName: string }>;
}

export interface SatisfactionView {
  centreId: string;
  ratings: number;
  satisfied: number;
  /** Share of 4–5 star ratings, 0–1; null before the first rating. */
  rate: number | null;
}
