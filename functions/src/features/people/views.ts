import { ageOn } from './rules/age';
import { businessDate } from '../../platform/clock';
import { UNNAMED_USER, type BindingView, type ElderProfile, type ElderSummary, type FamilyRelation, type VerificationChange } from '@yilin/contract';
import type { BindingItem, ElderItem, UserItem } from './entities';
import type { FactChangeRecord } from './data/elders';

/** What the community's register (建档) says of an elder; null where an older record never asked. */
const registerView = (elder: ElderItem) => ({
  livingSituation: elder.livingSituation ?? null,
  ability: elder.ability ?? null,
  // An elder stored before statuses existed is on the register.
  status: elder.status ?? 'active',
  ...(elder.contactsErasedAt ? { contactsErasedAt: elder.contactsErasedAt } : {}),
});

/**
 * Turns stored items into the shapes the API promises (see schemas/api.ts). `staff` (the community's
 * workers, the county admin) also see what proof of the subsidy category was seen.
 */
export function elderProfileView(elder: ElderItem, communityName: string, options: { staff?: boolean } = {}): ElderProfile {
  return {
    elderId: elder.elderId,
    name: elder.name,
    sex: elder.sex ?? null,
    birthDate: elder.birthDate,
    age: ageOn(elder.birthDate, businessDate()),
    phone: elder.phone,
    address: elder.address,
    communityId: elder.communityId,
    communityName,
    subsidyCategoryRequested: elder.subsidyCategoryRequested,
    subsidyCategoryVerified: elder.subsidyCategoryVerified ?? null,
    mobilityLimited: elder.mobilityLimited,
    dietary: elder.dietary,
    emergencyContacts: elder.emergencyContacts ?? [],
    verifiedBy:
      elder.verifiedByUserId && elder.verifiedByName && elder.verifiedAt
        ? { userId: elder.verifiedByUserId, name: elder.verifiedByName, at: elder.verifiedAt }
        : undefined,
    ...registerView(elder),
    ...(options.staff ? { subsidyProofNote: elder.subsidyProofNote ?? '' } : {}),
    updatedAt: elder.updatedAt,
  };
}

/** An elder in a list; a relative's list also says what they are to the elder. */
export function elderSummaryView(elder: ElderItem, communityName: string, relation?: FamilyRelation | null): ElderSummary {
  return {
    elderId: elder.elderId,
    name: elder.name,
    sex: elder.sex ?? null,
    ...(relation !== undefined ? { relation } : {}),
    age: ageOn(elder.birthDate, businessDate()),
    communityName,
    subsidyCategoryVerified: elder.subsidyCategoryVerified ?? null,
    mobilityLimited: elder.mobilityLimited,
    ...registerView(elder),
  };
}

export function verificationChangeView(change: FactChangeRecord): VerificationChange {
  const value = (raw: string | undefined) => (change.field === 'mobilityLimited' && raw !== undefined ? raw === 'true' : raw ?? null);
  return {
    field: change.field,
    from: value(change.from ?? undefined),
    to: value(change.to) as string | boolean,
    byUserId: change.byUserId,
    byName: change.byName,
    at: change.at,
  };
}

/** A new WeChat account still called 微信用户: the app asks what to call its owner. */
export const nameWanted = (user: Pick<UserItem, 'name'>): { needsName?: true } => (user.name === UNNAMED_USER ? { needsName: true } : {});

export function bindingView(binding: BindingItem): BindingView {
  return { familyId: binding.familyId, name: binding.familyName, relation: binding.relation ?? null, boundAt: binding.boundAt };
}
