import type { Ability, DietaryNeeds, EmergencyContact, LivingSituation, RegisterElderInput, Sex, SubsidyCategory } from '@yilin/contract'
import type { FieldErrors } from '../../api/client'

/** The 建档 form as the worker fills it in: the big choices start unchosen, so none is taken by mistake. */
export interface RegisterDraft {
  name: string
  sex: Sex | null
  birthDate: string
  phone: string
  address: string
  livingSituation: LivingSituation | null
  ability: Ability | null
  subsidyCategory: SubsidyCategory | null
  subsidyProofNote: string
  mobilityLimited: boolean
  dietary: DietaryNeeds
  emergencyContacts: EmergencyContact[]
}

export const emptyDraft = (): RegisterDraft => ({
  name: '',
  sex: null,
  birthDate: '',
  phone: '',
  address: '',
  livingSituation: null,
  ability: null,
  subsidyCategory: null,
  subsidyProofNote: '',
  mobilityLimited: false,
  dietary: { lowSalt: false, lowSugar: false, softFood: false, allergies: '' },
  emergencyContacts: [],
})

const choiceMessages = {
  sex: '请选择性别',
  birthDate: '请选择出生日期',
  livingSituation: '请选择居住情况',
  ability: '请选择自理能力',
  subsidyCategory: '请选择补贴类别',
} as const

/** The choices not made yet: the form cannot be sent without them. */
export function missingChoices(draft: RegisterDraft): FieldErrors {
  const missing: FieldErrors = {}
  for (const field of Object.keys(choiceMessages) as Array<keyof typeof choiceMessages>) {
    if (!draft[field]) missing[field] = choiceMessages[field]
  }
  return missing
}

/** The request for a complete draft; empty emergency contact rows are left out. */
export function registrationOf(draft: RegisterDraft, idempotencyKey: string, notDuplicateOf: string[]): RegisterElderInput {
  const { sex, livingSituation, ability, subsidyCategory } = draft
  if (!sex || !livingSituation || !ability || !subsidyCategory || !draft.birthDate) throw new Error('The draft is not complete')
  return {
    ...draft,
    sex,
    livingSituation,
    ability,
    subsidyCategory,
    emergencyContacts: draft.emergencyContacts.filter((contact) => contact.name || contact.relation || contact.phone),
    idempotencyKey,
    ...(notDuplicateOf.length ? { notDuplicateOf } : {}),
  }
}
