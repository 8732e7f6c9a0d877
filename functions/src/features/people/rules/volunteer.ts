import type { VolunteerStatus } from '@yilin/contract';

/**
 * Only a volunteer the community has confirmed (met in person) does volunteer things: claiming a wish,
 * going to an elder's door, earning points. A pending sign-up, or no sign-up at all, may not.
 */
export const mayServeAsVolunteer = (volunteer: { status: VolunteerStatus } | undefined): boolean => volunteer?.status === 'confirmed';

/** A party member (党员) is marked only on a confirmed volunteer: the worker checks after meeting them. */
export const mayMarkPartyMember = (volunteer: { status: VolunteerStatus }): boolean => volunteer.status === 'confirmed';
