import * as z from 'zod/mini';
import {
  DateSchema,
  DietarySchema,
  EmergencyContactSchema,
  IdSchema,
  PhoneSchema,
  SubsidyCategorySchema,
  text,
  type DietaryNeeds,
  type EmergencyContact,
  CursorSchema,
} from './common';
import {
  abilities,
  familyRelations,
  livingSituations,
  sexes,
  UNNAMED_USER,
  type Ability,
  type ElderStatus,
  type FamilyRelation,
  type LivingSituation,
  type Role,
  type Sex,
  type SubsidyCategory,
} from '../terms/people';
import type { VolunteerView } from './volunteers';
import type { PrivacyNoticeView } from './consent';

/**
 * People: request schemas (validated by the functions' middleware chain) and response types of the HTTP API.
 * The route table names them for each route, so the mini-program's calls are checked against the same types.
 */

// ---- auth ----
export const WechatLoginBody = z.strictObject({
  code: z.string('登录凭证缺失').check(z.regex(/^[0-9A-Za-z_.:-]{1,128}$/, '微信登录凭证不对，请重新打开小程序再登录')),
});
export const DemoLoginBody = z.strictObject({ userId: IdSchema });

export interface SessionUser {
  userId: string;
  role: Role;
  name: string;
  communityId?: string;
  centreId?: string;
  /** A new WeChat account still called 微信用户: the app asks what to call its owner before going on. */
  needsName?: boolean;
}
export interface SessionResponse {
  token: string;
  /** ISO time after which the token is refused and the app signs in again. */
  expiresAt: string;
  user: SessionUser;
}
/** What a person wants to be called: the elder, relatives and workers see it. */
export const DisplayNameBody = z.strictObject({
  name: text('称呼', 20).check(z.refine((name) => name !== UNNAMED_USER, '请填写家人和社区认得出的称呼，不要用“微信用户”')),
});
export type DisplayNameInput = z.infer<typeof DisplayNameBody>;

export interface DemoAccount {
  userId: string;
  role: Role;
  name: string;
  description: string;
}
export interface DemoAccountsResponse {
  accounts: DemoAccount[];
}

// ---- elders ----
export interface ElderProfile {
  elderId: string;
  name: string;
  /** null where it was not recorded. */
  sex: Sex | null;
  birthDate: string;
  /** Age today in Asia/Shanghai, from the birth date. */
  age: number;
  phone: string;
  address: string;
  communityId: string;
  communityName: string;
  subsidyCategoryRequested: SubsidyCategory;
  /** null until a worker of the community has verified it; only a verified category changes prices. */
  subsidyCategoryVerified: SubsidyCategory | null;
  mobilityLimited: boolean;
  dietary: DietaryNeeds;
  emergencyContacts: EmergencyContact[];
  verifiedBy?: { userId: string; name: string; at: string };
  /** From the community's register (建档); null for elders registered before it was asked. */
  livingSituation: LivingSituation | null;
  ability: Ability | null;
  /** On the register, died / moved away, or closed (注销). */
  status: ElderStatus;
  /** When the phone, address, emergency contacts and dietary needs were cleared (closed, or kept long enough after leaving). */
  contactsErasedAt?: string;
  /** For workers and admins only: what proof of the subsidy category the worker saw. */
  subsidyProofNote?: string;
  updatedAt: string;
}
export interface ElderSummary {
  elderId: string;
  name: string;
  sex: Sex | null;
  /** For a relative: what they are to this elder (their binding's relation). */
  relation?: FamilyRelation | null;
  age: number;
  communityName: string;
  subsidyCategoryVerified: SubsidyCategory | null;
  mobilityLimited: boolean;
  livingSituation: LivingSituation | null;
  ability: Ability | null;
  status: ElderStatus;
}

export const UpdateContactBody = z
  .strictObject({
    phone: z.optional(PhoneSchema),
    address: z.optional(text('住址', 100)),
    dietary: z.optional(DietarySchema),
    emergencyContacts: z.optional(z.array(EmergencyContactSchema).check(z.maxLength(3, '紧急联系人最多 3 位'))),
  })
  .check(z.refine((body) => Object.keys(body).length > 0, '没有要修改的内容'));
export type UpdateContactInput = z.infer<typeof UpdateContactBody>;

export const SexSchema = z.enum(sexes, '性别只能选 男 或 女');
export const VerificationBody = z.strictObject({
  /** As on the ID card; left out keeps what is recorded. */
  sex: z.optional(SexSchema),
  birthDate: DateSchema,
  subsidyCategory: SubsidyCategorySchema,
  mobilityLimited: z.boolean('行动不便只能选 是 或 否'),
});
export type VerificationInput = z.infer<typeof VerificationBody>;

export interface VerificationChange {
  field: 'sex' | 'birthDate' | 'subsidyCategory' | 'mobilityLimited';
  from: string | boolean | null;
  to: string | boolean;
  byUserId: string;
  byName: string;
  at: string;
}
export interface ElderDetailResponse {
  elder: ElderProfile;
  /** Present for workers and admins: who changed the verified fields, and when. */
  verificationHistory?: VerificationChange[];
  /** Present for the elder's community workers: the claim code that still works, if any. */
  liveClaimCode?: LiveCodeView | null;
}

export const PageQuery = z.strictObject({
  cursor: CursorSchema,
  limit: z.optional(z.string().check(z.regex(/^([1-9]|[1-4]\d|50)$/, '每页 1 到 50 条'))),
});
export type PageQueryInput = z.infer<typeof PageQuery>;

/**
 * A community's elders, a page at a time; or, filtered, every elder whose name has `name` in it, who waits
 * for verification, has an ability, a living situation (`alone`: 独居) or a subsidy category (the verified
 * one; with `pending`, the one requested). Filters combine.
 */
export const CommunityEldersQuery = z.strictObject({
  cursor: CursorSchema,
  limit: z.optional(z.string().check(z.regex(/^([1-9]|[1-4]\d|50)$/, '每页 1 到 50 条'))),
  name: z.optional(text('要找的姓名', 20, 0)),
  pending: z.optional(z.literal('1', '只看待核实请传 1')),
  ability: z.optional(z.enum(abilities, '自理能力只能是 自理、半失能 或 失能')),
  livingSituation: z.optional(z.enum(livingSituations, '居住情况只能是 独居、空巢 或 与家人同住')),
  category: z.optional(SubsidyCategorySchema),
});
export type CommunityEldersQueryInput = z.infer<typeof CommunityEldersQuery>;
export const pageLimit = (query: PageQueryInput, fallback = 20) => (query.limit ? Number(query.limit) : fallback);

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  cursor: string | null;
}

// ---- bindings ----
export interface BindingCodeResponse {
  code: string;
  expiresAt: string;
}
export const FamilyRelationSchema = z.enum(familyRelations, '请选择您是长辈的什么人（儿子、女儿、儿媳……）');
export const RedeemBindingBody = z.strictObject({
  code: z.string('请输入 6 位数字邀请码').check(z.trim(), z.regex(/^\d{6}$/, '请输入 6 位数字邀请码')),
  relation: FamilyRelationSchema,
});
export type RedeemBindingInput = z.infer<typeof RedeemBindingBody>;
export const BindingRelationBody = z.strictObject({ relation: FamilyRelationSchema });
export interface RedeemBindingResponse {
  elder: ElderSummary;
}
export interface BindingView {
  familyId: string;
  name: string;
  /** null for a binding made before relations were asked. */
  relation: FamilyRelation | null;
  boundAt: string;
}
/** A one-time code that still works, shown with a way to revoke it. */
export interface LiveCodeView {
  code: string;
  expiresAt: string;
}
export interface BindingsPage extends Page<BindingView> {
  /** On the first page: the elder's invitation code that still works, if any. */
  liveCode?: LiveCodeView | null;
}

// ---- an elder's own account ----
export interface ClaimCodeResponse {
  code: string;
  expiresAt: string;
}
export const ClaimElderBody = z.strictObject({
  code: z.string('请输入 6 位数字登录码').check(z.trim(), z.regex(/^\d{6}$/, '请输入 6 位数字登录码')),
});
export type ClaimElderInput = z.infer<typeof ClaimElderBody>;

// ---- me ----
export interface MeResponse {
  user: SessionUser;
  community?: { communityId: string; name: string; centreName: string };
  /** For an elder: their own profile. */
  elder?: ElderProfile;
  /** For a family member: the elders bound to them. */
  boundElders?: ElderSummary[];
  /** For an elder: relatives bound in the last week, so someone unexpected is noticed and removed. */
  newBindings?: BindingView[];
  /** For a volunteer: their sign-up, whether the community has confirmed it, and the 党员 mark. */
  volunteer?: VolunteerView;
  /** Whether the person accepted the privacy notice and user agreement in force; if not, the app asks first. */
  privacyNotice: PrivacyNoticeView;
}

// ---- organisation ----
export interface OrgResponse {
  county: { countyId: string; name: string };
  centres: Array<{
    centreId: string;
    name: string;
    communities: Array<{ communityId: string; name: string }>;
  }>;
}
