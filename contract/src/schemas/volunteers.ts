import * as z from 'zod/mini';
import { DisplayNameBody, type Page } from './people';
import type { VolunteerStatus } from '../terms/volunteers';

/**
 * Volunteers: signing up, the community's list, confirming and marking party members (党员). The record
 * carries what the micro-wishes build on: the community, the status, the party-member mark and who
 * confirmed them when.
 */

/** A mainland mobile number only: the community calls or texts a volunteer about a wish. */
export const mobile = (label: string) =>
  z.string(`${label}应当是数字`).check(z.trim(), z.regex(/^1[3-9]\d{9}$/, `${label}不对：请填 1 开头的 11 位手机号码`));

export const VolunteerSignUpBody = z.strictObject({
  name: DisplayNameBody.shape.name,
  communityId: z.string('请选择您所在的社区').check(z.regex(/^[0-9A-Za-z_-]{1,40}$/, '请从列表里选择您所在的社区')),
  phone: mobile('手机号'),
});
export type VolunteerSignUpInput = z.infer<typeof VolunteerSignUpBody>;

export const PartyMemberBody = z.strictObject({ partyMember: z.boolean('是否党员只能选 是 或 否') });
export type PartyMemberInput = z.infer<typeof PartyMemberBody>;

/** Who did something, and when. */
export interface DoneBy {
  userId: string;
  name: string;
  at: string;
}

export interface VolunteerView {
  userId: string;
  name: string;
  phone: string;
  communityId: string;
  communityName: string;
  status: VolunteerStatus;
  partyMember: boolean;
  signedUpAt: string;
  confirmedBy?: DoneBy;
  /** Who last marked or unmarked them as a party member. */
  partyMemberMarkedBy?: DoneBy;
}
export interface VolunteerResponse {
  volunteer: VolunteerView;
}
/** A community's volunteers: those waiting for confirmation first, then the confirmed, newest first in each. */
export type CommunityVolunteersPage = Page<VolunteerView>;

/** The communities a newcomer picks from: by county, then service centre. */
export interface CommunityChoicesResponse {
  counties: Array<{
    countyId: string;
    name: string;
    centres: Array<{ centreId: string; name: string; communities: Array<{ communityId: string; name: string }> }>;
  }>;
}
