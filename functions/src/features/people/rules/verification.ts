import type { Sex, SubsidyCategory } from '@yilin/contract';

export { subsidyCategoryNames } from '@yilin/contract';

/** The facts only a community worker may set, and the audit entries a change of them produces. */
export interface VerifiedFacts {
  sex: Sex | null;
  birthDate: string;
  subsidyCategory: SubsidyCategory | null;
  mobilityLimited: boolean;
}

export interface FactChange {
  field: 'sex' | 'birthDate' | 'subsidyCategory' | 'mobilityLimited';
  from: string | null;
  to: string;
}

/**
 * Lists the fields that differ; setting a category (or the sex) for the first time is a change from null.
 * A sex left out of the form keeps what is recorded.
 */
export function verificationChanges(
  before: VerifiedFacts,
  after: Omit<Required<{ [K in keyof VerifiedFacts]: NonNullable<VerifiedFacts[K]> }>, 'sex'> & { sex?: Sex },
): FactChange[] {
  const changes: FactChange[] = [];
  if (after.sex !== undefined && before.sex !== after.sex) changes.push({ field: 'sex', from: before.sex, to: after.sex });
  if (before.birthDate !== after.birthDate) changes.push({ field: 'birthDate', from: before.birthDate, to: after.birthDate });
  if (before.subsidyCategory !== after.subsidyCategory) {
    changes.push({ field: 'subsidyCategory', from: before.subsidyCategory, to: after.subsidyCategory });
  }
  if (before.mobilityLimited !== after.mobilityLimited) {
    changes.push({ field: 'mobilityLimited', from: String(before.mobilityLimited), to: String(after.mobilityLimited) });
  }
  return changes;
}
