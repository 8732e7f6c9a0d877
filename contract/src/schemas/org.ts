import * as z from 'zod/mini';
import { IdempotencyKeySchema, phone, text } from './common';
import { appointedRoles, type AppointedRole, type StaffStatus } from '../terms/people';
import type { LiveCodeView, Page } from './people';

/**
 * The county's organisation as its admin runs it: service centres and communities (created and renamed),
 * and the accounts of workers and service staff (added by name and phone, bound to WeChat by a one-time
 * code, moved, retired).
 */

const placeId = (message: string) => z.string(message).check(z.regex(/^[0-9A-Za-z_-]{1,40}$/, message));

export const CentreNameBody = z.strictObject({ name: text('服务中心名称', 30) });
export type CentreNameInput = z.infer<typeof CentreNameBody>;

export const CommunityNameBody = z.strictObject({ name: text('社区名称', 30) });
export type CommunityNameInput = z.infer<typeof CommunityNameBody>;

export const CreateCommunityBody = z.strictObject({
  name: text('社区名称', 30),
  centreId: placeId('请选择社区所属的服务中心'),
});
export type CreateCommunityInput = z.infer<typeof CreateCommunityBody>;

export interface CentreView {
  centreId: string;
  name: string;
}
export interface CommunityView {
  communityId: string;
  centreId: string;
  name: string;
}

const communityField = z.optional(placeId('请选择所在社区'));
const centreField = z.optional(placeId('请选择所在服务中心'));

/** A worker belongs to a community, service staff to a centre: the one place each names, never both. */
function placeMatchesRole(role: AppointedRole | undefined, place: { communityId?: string; centreId?: string }, ctx: z.core.$RefinementCtx) {
  const issue = (field: 'communityId' | 'centreId', message: string) => ctx.addIssue({ code: 'custom', input: place, path: [field], message });
  if (role === 'worker') {
    if (!place.communityId) issue('communityId', '社区工作者要选所在社区');
    if (place.centreId) issue('centreId', '社区工作者只选社区，不选服务中心');
  } else if (role === 'staff') {
    if (!place.centreId) issue('centreId', '服务人员要选所在服务中心');
    if (place.communityId) issue('communityId', '服务人员只选服务中心，不选社区');
  } else if (!place.communityId === !place.centreId) {
    issue('communityId', '请选一个社区（社区工作者）或一个服务中心（服务人员）');
  }
}

export const AddWorkerBody = z
  .strictObject({
    role: z.enum(appointedRoles, '请选择 社区工作者 或 服务人员'),
    name: text('姓名', 20),
    phone: phone('手机号'),
    communityId: communityField,
    centreId: centreField,
    /** A retried request (a lost answer) gives back the account made the first time, never a second one. */
    idempotencyKey: IdempotencyKeySchema,
  })
  .check(z.superRefine((body, ctx) => placeMatchesRole(body.role, body, ctx)));
export type AddWorkerInput = z.infer<typeof AddWorkerBody>;

/** Where a worker (a community) or a staff member (a centre) goes; which one fits is checked against their role. */
export const MoveWorkerBody = z
  .strictObject({ communityId: communityField, centreId: centreField })
  .check(z.superRefine((body, ctx) => placeMatchesRole(undefined, body, ctx)));
export type MoveWorkerInput = z.infer<typeof MoveWorkerBody>;

/** A worker or staff member as the admin's list shows them. */
export interface WorkerView {
  userId: string;
  role: AppointedRole;
  name: string;
  phone: string;
  /** A worker's community; absent for service staff. */
  communityId?: string;
  communityName?: string;
  /** The centre: a staff member's own, a worker's community's. */
  centreId: string;
  centreName: string;
  status: StaffStatus;
  /** The one-time code that binds their WeChat, while it is unused and unexpired. */
  liveCode: LiveCodeView | null;
}
export type WorkersPage = Page<WorkerView>;

export interface AddWorkerResponse {
  worker: WorkerView;
  /**
   * The code to hand the person: they enter it after their first WeChat sign-in. Null only when a retried
   * request finds the account already bound to its WeChat.
   */
  code: LiveCodeView | null;
}

export const StaffClaimBody = z.strictObject({
  code: z.string('请输入 6 位数字岗位码').check(z.trim(), z.regex(/^\d{6}$/, '请输入 6 位数字岗位码')),
});
export type StaffClaimInput = z.infer<typeof StaffClaimBody>;
