/** Volunteers (志愿者): a neighbour signs up, a worker of the community confirms them and marks party members. */

/** `pending` until a worker of the community has met the person and confirmed them. */
export const volunteerStatuses = ['pending', 'confirmed'] as const;
export type VolunteerStatus = (typeof volunteerStatuses)[number];
export const volunteerStatusNames: Record<VolunteerStatus, string> = { pending: '待社区确认', confirmed: '已确认' };
